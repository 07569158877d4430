// Loads one file as one transaction: stage → validate → insert good rows → keep every bad row verbatim →
// supersede older rows of the same key → check loaded + rejected = records → record the load.
// Anything that goes wrong rolls the whole file back; the load_log says why.
import { basename, resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { describeHeaderProblem } from '../contracts/header-match.ts';
import { historyTable } from '../contracts/ddl.ts';
import { validationSql } from './contract-sql.ts';
import { openSource, keyedRows, type OpenedSource } from './read-source.ts';
import { stageCsv } from './stage-csv.ts';
import { stageRows } from './stage-rows.ts';
import { stageParquet } from './stage-parquet.ts';
import type { Staged } from './staged.ts';
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
  let readMs = 0;
  try {
    // Staging and typing touch only temp tables, so they run before the transaction: rows staged outside a
    // transaction keep file-order row ids (inside one, DuckDB numbers uncommitted rows from 2^55).
    const readStart = performance.now();
    staged = await stage(db, source);
    readMs = Math.round(performance.now() - readStart);
    const sql = validationSql(contract, historyTable(contract));
    await db.run(sql.createTyped);
    const counts = (await db.one<{ good: number; bad: number }>('SELECT count(*) FILTER (__ok) AS good, count(*) FILTER (NOT __ok) AS bad FROM typed'))!;
    await db.run(sql.createDuplicates);
    const dups = await db.all<{ __line: number; __d: number; key_text: string }>('SELECT __line, __d, key_text FROM dup_lines ORDER BY __line');
    const explained = counts.bad > 0 ? await db.all<{ line: number; d: number; column_name: string; code: string; value: string | null; message: string }>(sql.explainBad) : [];
    const raw = await staged.rawFor([...new Set([...explained.map((e) => e.d), ...dups.map((d) => d.__d)])]);
    const rejects: RejectRow[] = [
      ...staged.readerRejects.map((r) => ({ ...r, column_name: r.column })),
      ...explained.map((e) => ({ line: e.line, column_name: e.column_name, code: e.code, value: e.value, message: e.message, raw: raw.get(e.d) ?? null })),
      ...dups.map((d) => ({ line: d.__line, column_name: contract.key.join(','), code: 'duplicate_key', value: d.key_text, message: `${contract.key.join(', ')} ${d.key_text} already appears earlier in the file`, raw: raw.get(d.__d) ?? null })),
    ];
    const loaded = counts.good - dups.length;
    const rejected = staged.readerRejectedRecords + counts.bad + dups.length;
    if (loaded + rejected !== staged.records) {
      throw new CountMismatchError(
        `${file}: ${staged.records} records in the file but ${loaded} loaded + ${rejected} rejected = ${loaded + rejected}; ` +
          `the file was not loaded (check its quoting and line breaks)`,
      );
    }
    const encoding = staged.encoding;
    const records = staged.records;
    const result = await db.transaction(async () => {
      await db.run(sql.insertGood(dups.length > 0), [loadId]);
      await writeRejects(db, loadId, file, rejects);
      const superseded = await supersede(db, sql.supersede, loadId);
      const total = elapsed();
      await db.runFile('load/finish_load', [loadId, 'loaded', null, encoding, records, loaded, rejected, superseded, readMs, total - readMs, total]);
      return { loaded, rejected, superseded, records };
    });
    const message = `${result.loaded} loaded, ${result.rejected} rejected${result.superseded ? `, ${result.superseded} older rows superseded` : ''}`;
    return { file, dataset, status: 'loaded', loaded: result.loaded, rejected: result.rejected, message, load_id: loadId, records: result.records, superseded: result.superseded, ms: elapsed() };
  } catch (err) {
    const message = err instanceof CountMismatchError ? err.message : `${file}: ${(err as Error).message}`;
    await db.runFile('load/finish_load', [loadId, 'refused', message, staged?.encoding ?? null, staged?.records ?? null, 0, 0, 0, readMs, null, elapsed()]);
    return { file, dataset, status: 'refused', loaded: 0, rejected: 0, message, load_id: loadId, ms: elapsed() };
  } finally {
    await staged?.cleanup().catch(() => undefined);
    await db.run('DROP TABLE IF EXISTS typed; DROP TABLE IF EXISTS dup_lines').catch(() => undefined);
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
      return stageRows(db, contract, keyedRows(source), {
        format: source.format,
        sha256: source.sha256,
        records: (source.rows?.length ?? 0) + new Set((source.readerRejects ?? []).map((r) => r.line)).size,
        readerRejects: source.readerRejects ?? [],
      });
  }
}

async function supersede(db: Database, statement: string, loadId: number): Promise<number> {
  const reader = await db.connection.runAndReadAll(statement, [loadId]);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
