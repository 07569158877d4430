// Tabular responses: JSON rows by default, Apache Arrow IPC stream when the client sends
// `Accept: application/vnd.apache.arrow.stream` or `?format=arrow`. Both are built once per (query, parameters)
// and cached until the next write (see db.ts), so the view endpoints answer from memory.
import { Bool, Float64, Table, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queries } from './db.ts';

export const ARROW = 'application/vnd.apache.arrow.stream';

export function wantsArrow(req: FastifyRequest): boolean {
  const format = (req.query as { format?: string } | undefined)?.format;
  return format === 'arrow' || (format !== 'json' && (req.headers.accept ?? '').includes(ARROW));
}

/** Arrow type of a column from its first non-null value: numbers are Float64 (integers included), booleans Bool,
 *  everything else Utf8 (dates already come as ISO strings). An all-null column is Utf8 so that it is kept. */
function columnType(values: unknown[]): DataType {
  const sample = values.find((v) => v !== null && v !== undefined);
  if (typeof sample === 'number') return new Float64();
  if (typeof sample === 'boolean') return new Bool();
  return new Utf8();
}

/** Arrow IPC stream of plain rows, columns in the rows' key order. */
export function toArrow(rows: Record<string, unknown>[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const key of Object.keys(rows[0] ?? {})) {
    const values = rows.map((r) => r[key] ?? null);
    const type = columnType(values);
    const cells = type instanceof Utf8 ? values.map((v) => (v === null || typeof v === 'string' ? v : JSON.stringify(v))) : values;
    columns[key] = vectorFromArray(cells, type);
  }
  return tableToIPC(new Table(columns), 'stream');
}

/** Sends rows as JSON or Arrow; `key` names the query and every parameter that shaped it (province included). */
export async function sendTable(req: FastifyRequest, reply: FastifyReply, q: Queries, key: string, rows: () => Promise<Record<string, unknown>[]>) {
  reply.header('vary', 'accept');
  if (wantsArrow(req)) {
    const buf = await q.cached(`arrow:${key}`, async () => Buffer.from(toArrow(await q.cached(`rows:${key}`, rows))));
    return reply.type(ARROW).send(buf);
  }
  const text = await q.cached(`json:${key}`, async () => JSON.stringify(await q.cached(`rows:${key}`, rows)));
  return reply.type('application/json; charset=utf-8').send(text);
}

/** Sends a JSON document cached under key (for the small aggregated documents: meta, overview). */
export async function sendCachedJson(reply: FastifyReply, q: Queries, key: string, doc: () => Promise<unknown>) {
  const text = await q.cached(`json:${key}`, async () => JSON.stringify(await doc()));
  return reply.type('application/json; charset=utf-8').send(text);
}
