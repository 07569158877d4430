// Tabular responses: JSON rows by default, Apache Arrow IPC stream when the client sends
// `Accept: application/vnd.apache.arrow.stream` or `?format=arrow`. Both are built once per (query, parameters)
// and cached until the next write (see db.ts), so the view endpoints answer from memory.
import type { DataType, Vector } from 'apache-arrow';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queries } from './db.ts';

export const ARROW = 'application/vnd.apache.arrow.stream';

export function wantsArrow(req: FastifyRequest): boolean {
  // Shared by every tabular route, whatever its own query type: each declares `format` (schemas/common.ts table()).
  const query: unknown = req.query;
  const format = query && typeof query === 'object' && 'format' in query ? query.format : undefined;
  return format === 'arrow' || (format !== 'json' && (req.headers.accept ?? '').includes(ARROW));
}

/** Arrow type of a column from its first non-null value: numbers are Float64 (integers included), booleans Bool,
 *  everything else dictionary-encoded Utf8 (dates already come as ISO strings; codes and statuses repeat). An
 *  all-null column is Utf8 so that it is kept. */
function columnType(arrow: typeof import('apache-arrow'), values: unknown[]): DataType {
  const { Bool, Dictionary, Float64, Int32, Utf8 } = arrow;
  const sample = values.find((v) => v !== null && v !== undefined);
  if (typeof sample === 'number') return new Float64();
  if (typeof sample === 'boolean') return new Bool();
  return new Dictionary(new Utf8(), new Int32());
}

/** Arrow IPC stream of plain rows, columns in the rows' key order. Arrow (hundreds of modules) is imported on the
 *  first Arrow request, not when the server starts. */
export async function toArrow(rows: Record<string, unknown>[]): Promise<Uint8Array> {
  const arrow = await import('apache-arrow');
  const { Dictionary, Table, tableToIPC, vectorFromArray } = arrow;
  const columns: Record<string, Vector> = {};
  for (const key of Object.keys(rows[0] ?? {})) {
    const values = rows.map((r) => r[key] ?? null);
    const type = columnType(arrow, values);
    const cells =
      type instanceof Dictionary
        ? values.map((v) => (v === null || typeof v === 'string' ? v : JSON.stringify(v)))
        : values;
    columns[key] = vectorFromArray(cells, type);
  }
  return tableToIPC(new Table(columns), 'stream');
}

/** Bodies above this size go gzip-compressed to clients that accept it (compressed once, cached with the body). */
const GZIP_MIN_BYTES = 1024;

function acceptsGzip(req: FastifyRequest): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** Sends a cached body, or its cached gzip form when the client accepts gzip and the body is not tiny. The ETag
 *  names the body's key and the data generation, so a browser revalidating its copy gets 304 until the next write. */
async function sendBody(
  req: FastifyRequest,
  reply: FastifyReply,
  q: Queries,
  key: string,
  type: string,
  body: () => Promise<Buffer>,
) {
  const generation = q.generation;
  const etag = `W/"${generation}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
  reply
    .header('vary', 'accept, accept-encoding, cookie')
    .header('cache-control', 'private, no-cache')
    .header('etag', etag)
    .type(type);
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  const plain = await q.cached(`body:${key}`, body);
  if (plain.length < GZIP_MIN_BYTES || !acceptsGzip(req)) return reply.send(plain);
  const packed = await q.cached(`gzip:${key}`, async () => gzipSync(plain, { level: 9 }));
  return reply.header('content-encoding', 'gzip').send(packed);
}

/** Sends rows as JSON or Arrow; `key` names the query and every parameter that shaped it (province included). */
export async function sendTable(
  req: FastifyRequest,
  reply: FastifyReply,
  q: Queries,
  key: string,
  rows: () => Promise<Record<string, unknown>[]>,
) {
  const data = () => q.cached(`rows:${key}`, rows);
  if (wantsArrow(req))
    return sendBody(req, reply, q, `arrow:${key}`, ARROW, async () => Buffer.from(await toArrow(await data())));
  return sendBody(req, reply, q, `json:${key}`, 'application/json; charset=utf-8', async () =>
    Buffer.from(JSON.stringify(await data())),
  );
}

/** Sends a JSON document cached under key (the aggregated documents: meta, overview, a region's page). */
export async function sendCachedJson(
  req: FastifyRequest,
  reply: FastifyReply,
  q: Queries,
  key: string,
  doc: () => Promise<unknown>,
) {
  return sendBody(req, reply, q, `doc:${key}`, 'application/json; charset=utf-8', async () =>
    Buffer.from(JSON.stringify(await doc())),
  );
}
