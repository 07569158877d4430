// Loads one file as one transaction: stage → validate → insert good rows → keep every bad row verbatim →
// supersede older rows of the same key → check loaded + rejected = records → record the load.
// Anything that goes wrong rolls the whole file back; the load_log says why.
import { basename, resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { describeHeaderProblem } from '../contracts/header-match.ts';
import { historyTable } from '../contracts/ddl.ts';
import { loadSql } from './contract-sql.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import type { DatasetContract } from '../contracts/index.ts';
import { openSource, keyedRows, type OpenedSource } from './read-source.ts';
import { stageCsv } from './stage-csv.ts';
import { stageRows } from './stage-rows.ts';
import { stageParquet } from './stage-parquet.ts';
import { locate, type Breakpoint, type Staged } from './staged.ts';
import { writeRejects, type RejectRow } from './rejects.ts';

export type IngestStatus = 'loaded' | 'skipped' | 'refused';

export interface IngestResult {
  file: string;
  dataset: string | null;
  status: IngestStatus;
  loaded: number;
  rejected: number;
  message: string;
  load_id?: number;
  records?: number;
  superseded?: number;
  ms?: number;
}

export interface IngestOptions {
  dataset?: string;
  /** Who asked: cli | upload | inbox | demo. */
  source?: string;
}

export class CountMismatchError extends Error {
  override name = 'CountMismatchError';
}

export async function ingestFile(db: Database, filePath: string, options: IngestOptions = {}): Promise<IngestResult> {
  const path = resolve(filePath);
  const file = basename(path);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  await db.runFile('load/mark_interrupted');

  let source: OpenedSource;
  try {
    source = await openSource(db, path, options.dataset);
  } catch (err) {
    return { file, dataset: options.dataset ?? null, status: 'refused', loaded: 0, rejected: 0, message: (err as Error).message };
  }
  const dataset = source.contract?.name ?? null;
  if (source.contract) {
    const earlier = (await db.allFile<{ load_id: number; file_name: string }>('load/find_loaded', [source.sha256, source.contract.name]))[0];
    if (earlier) {
      return { file, dataset, status: 'skipped', loaded: 0, rejected: 0, message: `same content as load ${earlier.load_id} (${earlier.file_name}); nothing changed`, load_id: earlier.load_id };
    }
  }
  const problem = source.problem ?? (source.match && !source.match.ok
    ? { code: 'header_mismatch' as const, message: describeHeaderProblem(source.contract!, source.match) }
    : undefined);
  if (problem) {
    const message = `${file}: ${problem.message}`;
    const [row] = await db.allFile<{ load_id: number }>('load/refuse_file', [file, path, source.sha256, dataset, source.format, message, options.source ?? 'cli', elapsed()]);
    return { file, dataset, status: 'refused', loaded: 0, rejected: 0, message, load_id: row.load_id };
  }

  const contract = source.contract!;
  const [{ load_id: loadId }] = await db.allFile<{ load_id: number }>('load/start_load', [file, path, source.sha256, contract.name, source.format, options.source ?? 'cli']);
  let staged: Staged | undefined;
  try {
    staged = await stage(db, source);
    const s = staged;
    const sql = loadSql(contract, historyTable(contract));
    const result = await db.transaction(async () => {
      const inserted = await rowsChanged(db, sql.insertAll(s.relation, s.lineBase), s.param === null ? [loadId] : [loadId, s.param]);
      const readMs = elapsed();
      const read = await s.afterRead();
      const failed = await db.all<{ rec: number; fails: Array<{ column: string; code: string; value: string | null; message: string }> }>(sql.selectFailed, [loadId, s.lineBase]);
      const dups = await db.all<{ rec: number; key_text: string }>(sql.selectDuplicates, [loadId, s.lineBase]);
      if (failed.length || dups.length) {
        const dupLines = dups.map((d) => d.rec + s.lineBase).join(',') || '-1';
        await db.run(`DELETE FROM ${historyTable(contract)} WHERE _load_id = $1 AND (_fails IS NOT NULL OR list_contains(CAST(string_split($2, ',') AS BIGINT[]), _line))`, [loadId, dupLines]);
      }
      await fixLines(db, historyTable(contract), loadId, s.lineBase, read.points);
      const at = (rec: number) => locate(read.points, rec);
      const raw = await s.rawFor([...failed.map((f) => at(f.rec).d), ...dups.map((d) => at(d.rec).d)]);
      const rejects: RejectRow[] = [
        ...read.readerRejects.map((r) => ({ line: r.line, column_name: r.column, code: r.code, value: r.value, message: r.message, raw: r.raw })),
        ...failed.flatMap((f) => f.fails.map((e) => ({ line: at(f.rec).line, column_name: e.column, code: e.code, value: e.value, message: e.message, raw: raw.get(at(f.rec).d) ?? null }))),
        ...dups.map((d) => ({ line: at(d.rec).line, column_name: contract.key.join(','), code: 'duplicate_key', value: d.key_text, message: `${contract.key.join(', ')} ${d.key_text} already appears earlier in the file`, raw: raw.get(at(d.rec).d) ?? null })),
      ];
      await writeRejects(db, loadId, file, rejects);
      const loaded = inserted - failed.length - dups.length;
      const rejected = read.readerRejectedRecords + failed.length + dups.length;
      if (loaded + rejected !== s.records) {
        throw new CountMismatchError(
          `${file}: ${s.records} records in the file but ${loaded} loaded + ${rejected} rejected = ${loaded + rejected}; ` +
            `the file was not loaded (check its quoting and line breaks)`,
        );
      }
      const superseded = await supersede(db, contract, sql.supersede, loadId);
      const total = elapsed();
      await db.runFile('load/finish_load', [loadId, 'loaded', null, s.encoding, s.records, loaded, rejected, superseded, readMs, total - readMs, total]);
      return { loaded, rejected, superseded, records: s.records };
    });
    const message = `${result.loaded} loaded, ${result.rejected} rejected${result.superseded ? `, ${result.superseded} older rows superseded` : ''}`;
    return { file, dataset, status: 'loaded', loaded: result.loaded, rejected: result.rejected, message, load_id: loadId, records: result.records, superseded: result.superseded, ms: elapsed() };
  } catch (err) {
    const message = err instanceof CountMismatchError ? err.message : `${file}: ${(err as Error).message}`;
    await db.runFile('load/finish_load', [loadId, 'refused', message, staged?.encoding ?? null, staged?.records ?? null, 0, 0, 0, null, null, elapsed()]);
    return { file, dataset, status: 'refused', loaded: 0, rejected: 0, message, load_id: loadId, ms: elapsed() };
  } finally {
    await staged?.cleanup().catch(() => undefined);
  }
}

async function stage(db: Database, source: OpenedSource): Promise<Staged> {
  const contract = source.contract!;
  switch (source.format) {
    case 'csv':
      return stageCsv(db, source.path, contract, source.match!.columns, source.csv!.delimiter, source.csv!.scan);
    case 'parquet':
      return stageParquet(db, source.path, contract, source.fields, source.match!.columns, source.sha256);
    default:
      return stageRows(db, contract, keyedRows(source), { format: source.format, sha256: source.sha256, readerRejects: source.readerRejects ?? [] });
  }
}

async function rowsChanged(db: Database, statement: string, params: DuckDBValue[]): Promise<number> {
  const reader = await db.connection.runAndReadAll(statement, params);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** Rows were inserted with line = rec + lineBase; where the reader skipped records, shift the lines after. */
async function fixLines(db: Database, table: string, loadId: number, lineBase: number, points: Breakpoint[]): Promise<void> {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p.addLine === lineBase) continue;
    const until = i + 1 < points.length ? points[i + 1].fromRec : Number.MAX_SAFE_INTEGER;
    await db.run(
      `UPDATE ${table} SET _line = _line - $2 + $3 WHERE _load_id = $1 AND _line - $2 >= $4 AND _line - $2 < $5`,
      [loadId, lineBase, p.addLine, p.fromRec, until],
    );
  }
}

/** Older current rows with the same key are superseded; skipped when the table held nothing current before. */
async function supersede(db: Database, contract: DatasetContract, statement: string, loadId: number): Promise<number> {
  const older = await db.one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${historyTable(contract)} WHERE _load_id <> $1 AND _superseded_by IS NULL LIMIT 1)`, [loadId]);
  if (!older?.n) return 0;
  return rowsChanged(db, statement, [loadId]);
}
