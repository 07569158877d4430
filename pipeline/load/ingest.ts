// Loads one file as one transaction: stage → validate → insert good rows → keep every bad row verbatim →
// supersede older rows of the same key → check loaded + rejected = records → record the load.
// Anything that goes wrong rolls the whole file back; the load_log says why.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { storageFull } from '../db/storage-full.ts';
import { describeHeaderProblem } from '../contracts/header-match.ts';
import { historyTable } from '../contracts/ddl.ts';
import { loadSql } from './contract-sql.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import type { DatasetContract } from '../contracts/index.ts';
import { closeSource, keyedRows, keyedXlsxRows, openSource, type OpenedSource } from './read-source.ts';
import { stageCsv } from './stage-csv.ts';
import { stageRows } from './stage-rows.ts';
import { stageParquet } from './stage-parquet.ts';
import { locate, type Breakpoint, type Staged } from './staged.ts';
import { writeRejects, type RejectRow } from './rejects.ts';
import { UnreadableFileError } from '../readers/index.ts';

export type IngestStatus = 'loaded' | 'skipped' | 'refused';

export interface IngestResult {
  file: string;
  dataset: string | null;
  status: IngestStatus;
  loaded: number;
  rejected: number;
  /** English, for logs; `code` and `params` are what a reader sees, worded by pipeline/vocabulary (loadMessage). */
  message: string;
  code: string;
  params: Record<string, unknown>;
  load_id?: number;
  records?: number;
  superseded?: number;
  ms?: number;
}

export interface IngestOptions {
  dataset?: string;
  /** Who asked: cli | upload | inbox | demo. */
  source?: string;
  /** The account that asked (an upload's user): load_log.loaded_by, shown on the 数据 page's load list. */
  loadedBy?: string;
  /** Called as XLSX / JSON Lines rows are read, with the number read so far (every few thousand rows). */
  onRows?: (rowsRead: number) => void;
  /**
   * Skip, without reading or hashing it, a file whose path, size and modification time match a file whose content a
   * load holds (load_file_stats): the inbox job, which finds the same files every 10 minutes. When any differs the
   * file is hashed and the hash decides, as without this option.
   */
  skipUnchanged?: boolean;
}

/** A file's size and modification time (nanoseconds), what load_file_stats compares. */
interface FileStat {
  size: bigint;
  mtimeNs: bigint;
}

function fileStat(path: string): FileStat | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return { size: st.size, mtimeNs: st.mtimeNs };
  } catch {
    return undefined;
  }
}

/**
 * Remembers what the file looked like when a load held its content: only when the file did not change while it was
 * read (the same size and time before and after), so a remembered stat always belongs to the hashed content.
 * Uploads are not remembered: each lies in a scratch file of its own, never seen again.
 */
async function rememberFile(
  db: Database,
  path: string,
  before: FileStat | undefined,
  content: { sha256: string; dataset: string; load_id: number },
  options: IngestOptions,
): Promise<void> {
  if (!before || options.source === 'upload') return;
  const after = fileStat(path);
  if (!after || after.size !== before.size || after.mtimeNs !== before.mtimeNs) return;
  await db.runFile('load/remember_file', {
    file_path: path,
    file_size: String(before.size),
    file_mtime_ns: String(before.mtimeNs),
    ...content,
  });
}

export class CountMismatchError extends Error {
  override name = 'CountMismatchError';
  constructor(
    message: string,
    readonly params: { records: number; loaded: number; rejected: number },
  ) {
    super(message);
  }
}

/** A header that does not fit, as a load message code with its figures (pipeline/vocabulary loadMessage). */
function headerProblem(
  contract: DatasetContract,
  match: { columns: Array<string | undefined>; missing: string[]; unknown: string[]; duplicated: string[] },
): { code: 'header_mismatch' | 'no_header'; params: Record<string, unknown> } {
  const known = match.columns.filter((c) => c !== undefined).length;
  // a first row that is mostly not column names is data: its cells are never quoted (any province may read the log)
  if (known * 2 < match.columns.length)
    return { code: 'no_header', params: { dataset: contract.name, known, cells: match.columns.length } };
  return {
    code: 'header_mismatch',
    params: { dataset: contract.name, missing: match.missing, unknown: match.unknown, duplicated: match.duplicated },
  };
}

export async function ingestFile(db: Database, filePath: string, options: IngestOptions = {}): Promise<IngestResult> {
  const path = resolve(filePath);
  const file = basename(path);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  await db.runFile('load/mark_interrupted');
  const stat = fileStat(path);
  if (options.skipUnchanged && stat) {
    const seen = (
      await db.allFile<{ load_id: number; file_name: string; dataset: string }>('load/find_unchanged', {
        file_path: path,
        file_size: String(stat.size),
        file_mtime_ns: String(stat.mtimeNs),
        dataset: options.dataset ?? null,
      })
    )[0];
    if (seen)
      return {
        file,
        dataset: seen.dataset,
        status: 'skipped',
        loaded: 0,
        rejected: 0,
        message: `unchanged since load ${seen.load_id} (${seen.file_name}): same path, size and modification time`,
        code: 'skipped',
        params: { earlier: seen.load_id, earlier_file: seen.file_name },
        load_id: seen.load_id,
      };
  }

  let source: OpenedSource;
  try {
    source = await openSource(db, path, options.dataset);
  } catch (err) {
    return {
      file,
      dataset: options.dataset ?? null,
      status: 'refused',
      loaded: 0,
      rejected: 0,
      message: (err as Error).message,
      ...refusalOf(err),
    };
  }
  const dataset = source.contract?.name ?? null;
  if (source.contract) {
    const earlier = (
      await db.allFile<{ load_id: number; file_name: string }>('load/find_loaded', {
        sha256: source.sha256,
        dataset: source.contract.name,
      })
    )[0];
    if (earlier) {
      closeSource(source);
      await rememberFile(
        db,
        path,
        stat,
        { sha256: source.sha256, dataset: source.contract.name, load_id: earlier.load_id },
        options,
      );
      return {
        file,
        dataset,
        status: 'skipped',
        loaded: 0,
        rejected: 0,
        message: `same content as load ${earlier.load_id} (${earlier.file_name}); nothing changed`,
        code: 'skipped',
        params: { earlier: earlier.load_id, earlier_file: earlier.file_name },
        load_id: earlier.load_id,
      };
    }
  }
  const problem = fileProblem(source);
  if (problem) {
    closeSource(source);
    const message = `${file}: ${problem.message}`;
    const [row] = await db.allFile<{ load_id: number }>('load/refuse_file', {
      file_name: file,
      file_path: path,
      sha256: source.sha256,
      dataset,
      format: source.format,
      message,
      message_code: problem.code,
      message_params: JSON.stringify(problem.params ?? {}),
      source: options.source ?? 'cli',
      total_ms: elapsed(),
      loaded_by: options.loadedBy ?? null,
    });
    return {
      file,
      dataset,
      status: 'refused',
      loaded: 0,
      rejected: 0,
      message,
      code: problem.code,
      params: problem.params ?? {},
      load_id: row.load_id,
    };
  }

  const contract = source.contract!;
  const [{ load_id: loadId }] = await db.allFile<{ load_id: number }>('load/start_load', {
    file_name: file,
    file_path: path,
    sha256: source.sha256,
    dataset: contract.name,
    format: source.format,
    source: options.source ?? 'cli',
    loaded_by: options.loadedBy ?? null,
  });
  let staged: Staged | undefined;
  try {
    profile('open', elapsed());
    staged = await stage(db, source, options.onRows);
    const { sql, read, dups, rejects, rejected, readMs } = await validateStaged(db, contract, staged, file, elapsed);
    const s = staged;
    const lineMapped = read.points.length > 1;
    if (lineMapped) await writeLineMap(db, read.points);

    const result = await db.transaction(async () => {
      const loaded = await rowsChanged(
        db,
        sql.insertGood({ withDuplicates: dups.length > 0, lineMapped, lineBase: read.points[0].addLine }),
        [loadId],
      );
      profile('inserted', elapsed());
      await writeRejects(db, loadId, file, rejects);
      const superseded = await supersede(db, contract, sql.supersede, loadId);
      profile('superseded', elapsed());
      const total = elapsed();
      await db.runFile('load/finish_load', {
        load_id: loadId,
        status: 'loaded',
        message: null,
        message_code: null,
        message_params: null,
        encoding: s.encoding,
        records: s.records,
        loaded,
        rejected,
        superseded,
        read_ms: readMs,
        validate_ms: total - readMs,
        total_ms: total,
      });
      return { loaded, rejected, superseded, records: s.records };
    });
    profile('committed', elapsed());
    await rememberFile(db, path, stat, { sha256: source.sha256, dataset: contract.name, load_id: loadId }, options);
    const message = `${result.loaded} loaded, ${result.rejected} rejected${result.superseded ? `, ${result.superseded} older rows superseded` : ''}`;
    return {
      file,
      dataset,
      status: 'loaded',
      loaded: result.loaded,
      rejected: result.rejected,
      message,
      code: 'loaded',
      params: { loaded: result.loaded, rejected: result.rejected, superseded: result.superseded },
      load_id: loadId,
      records: result.records,
      superseded: result.superseded,
      ms: elapsed(),
    };
  } catch (err) {
    if (storageFull(err)) {
      await markCutOffByFullDisk(db, loadId, elapsed());
      throw err;
    }
    const message = err instanceof CountMismatchError ? err.message : `${file}: ${(err as Error).message}`;
    const { code, params } =
      err instanceof CountMismatchError ? { code: 'count_mismatch', params: err.params } : refusalOf(err);
    await db.runFile('load/finish_load', {
      load_id: loadId,
      status: 'refused',
      message,
      message_code: code,
      message_params: JSON.stringify(params),
      encoding: staged?.encoding ?? null,
      records: staged?.records ?? null,
      loaded: 0,
      rejected: 0,
      superseded: 0,
      read_ms: null,
      validate_ms: null,
      total_ms: elapsed(),
    });
    return {
      file,
      dataset,
      status: 'refused',
      loaded: 0,
      rejected: 0,
      message,
      code,
      params,
      load_id: loadId,
      ms: elapsed(),
    };
  } finally {
    await releaseStaged(db, staged);
  }
}

/** What a check of a file found without loading it: the preview's marks and counts (`checkFile`). */
export interface CheckResult {
  file: string;
  dataset: string | null;
  /** checked: the rows were validated; refused: the whole file would be refused (`code` says why) */
  status: 'checked' | 'refused';
  records: number;
  /** rows that would load */
  good: number;
  /** records that would be rejected (a record with several failing cells counts once) */
  rejected: number;
  /** every failing cell: line, column, code, value, as the load would keep them */
  rejects: RejectRow[];
  /** a refused file's reason: a code of the vocabulary's loadMessage group and its figures (null when checked) */
  code: string | null;
  params: Record<string, unknown>;
  /** English, for logs */
  message: string;
  /** the load that already holds this exact content, if any: loading it again would change nothing */
  already_loaded: { load_id: number; file_name: string } | null;
}

/**
 * Validates a file exactly as `ingestFile` would — same reader, typing, rules and duplicate check — and reports
 * what it would reject, without loading it or recording a load. The dashboard's upload preview marks these cells.
 */
export async function checkFile(
  db: Database,
  filePath: string,
  options: Pick<IngestOptions, 'dataset'> = {},
): Promise<CheckResult> {
  const path = resolve(filePath);
  const file = basename(path);
  const refused = (
    dataset: string | null,
    why: { code: string; params?: Record<string, unknown>; message: string },
  ): CheckResult => ({
    file,
    dataset,
    status: 'refused',
    records: 0,
    good: 0,
    rejected: 0,
    rejects: [],
    code: why.code,
    params: why.params ?? {},
    message: why.message,
    already_loaded: null,
  });
  let source: OpenedSource;
  try {
    source = await openSource(db, path, options.dataset);
  } catch (err) {
    return refused(options.dataset ?? null, { ...refusalOf(err), message: (err as Error).message });
  }
  const dataset = source.contract?.name ?? null;
  const problem = fileProblem(source);
  if (problem) {
    closeSource(source);
    return refused(dataset, { ...problem, message: `${file}: ${problem.message}` });
  }
  const contract = source.contract!;
  const earlier = (
    await db.allFile<{ load_id: number; file_name: string }>('load/find_loaded', {
      sha256: source.sha256,
      dataset: contract.name,
    })
  )[0];
  let staged: Staged | undefined;
  try {
    staged = await stage(db, source);
    const v = await validateStaged(db, contract, staged, file, () => 0);
    return {
      file,
      dataset,
      status: 'checked',
      records: staged.records,
      good: v.good,
      rejected: v.rejected,
      rejects: v.rejects,
      code: null,
      params: {},
      message: `${v.good} would load, ${v.rejected} would be rejected`,
      already_loaded: earlier ? { load_id: earlier.load_id, file_name: earlier.file_name } : null,
    };
  } catch (err) {
    return err instanceof CountMismatchError
      ? refused(dataset, { code: 'count_mismatch', params: err.params, message: err.message })
      : refused(dataset, { ...refusalOf(err), message: `${file}: ${(err as Error).message}` });
  } finally {
    await releaseStaged(db, staged);
  }
}

/**
 * A load whose commit found the disk full: rolled back by DuckDB, so marked interrupted (as a load cut off by a dead
 * process is), with the reason, not refused (the file is fine and loads once there is room). The mark is a few bytes
 * and usually fits; when it does not, the row stays running and the next open marks it interrupted.
 */
async function markCutOffByFullDisk(db: Database, loadId: number, totalMs: number): Promise<void> {
  try {
    await db.runFile('load/finish_load', {
      load_id: loadId,
      status: 'interrupted',
      message: 'the disk was full: nothing of this load was kept',
      message_code: 'storage_full',
      message_params: '{}',
      encoding: null,
      records: null,
      loaded: 0,
      rejected: 0,
      superseded: 0,
      read_ms: null,
      validate_ms: null,
      total_ms: totalMs,
    });
  } catch {
    // still full: left to mark_interrupted.sql at the next open
  }
}

/**
 * A file no reader could read, as a load message code: a reader's own code (a damaged workbook, a Parquet file cut
 * short: each with advice on what to send instead), a refusal the loader named, else `unreadable` with the error.
 * Rethrows a full disk.
 */
function refusalOf(err: unknown): { code: string; params: Record<string, unknown> } {
  // a full disk is not the file's fault, so no refusal of it: the command fails with it (storage.full), and a load
  // already started is marked interrupted by its caller first (markCutOffByFullDisk)
  if (storageFull(err)) throw err;
  if (err instanceof UnreadableFileError) return { code: err.loadCode, params: err.loadParams };
  const loadCode = (err as { loadCode?: string }).loadCode;
  return loadCode ? { code: loadCode, params: {} } : { code: 'unreadable', params: { detail: (err as Error).message } };
}

/** Why a whole file cannot be loaded (unreadable, unknown dataset, wrong header), before any row is read. */
function fileProblem(
  source: OpenedSource,
): { code: string; params?: Record<string, unknown>; message: string } | undefined {
  return (
    source.problem ??
    (source.match && !source.match.ok
      ? {
          ...headerProblem(source.contract!, source.match),
          message: describeHeaderProblem(source.contract!, source.match),
        }
      : undefined)
  );
}

/** The staged copy and the temp tables of one load or check, dropped whatever happened. */
async function releaseStaged(db: Database, staged: Staged | undefined): Promise<void> {
  await staged?.cleanup().catch(() => undefined);
  await db
    .run('DROP TABLE IF EXISTS typed; DROP TABLE IF EXISTS dup_recs; DROP TABLE IF EXISTS line_map')
    .catch(() => undefined);
}

/** SHIFAN_PROFILE=1 prints the elapsed milliseconds after each phase of a load to stderr. */
function profile(phase: string, ms: number): void {
  if (process.env.SHIFAN_PROFILE) process.stderr.write(`  ${phase}: ${ms} ms\n`);
}

/** What validating a staged file found: the rows that fail, and the counts that must add up to the records. */
interface Validated {
  sql: ReturnType<typeof loadSql>;
  read: Awaited<ReturnType<Staged['afterRead']>>;
  dups: Array<{ rec: number; key_text: string }>;
  good: number;
  rejects: RejectRow[];
  rejected: number;
  /** milliseconds from the start of the load until the file was read and typed */
  readMs: number;
}

/**
 * Types and checks a staged file into the temp table `typed` and lists every row that would be refused, with its
 * line, column, code and verbatim text. Touches only temp tables, so it runs before (or without) the transaction;
 * the staged copy is released once read. Throws CountMismatchError when the counts do not add up.
 */
async function validateStaged(
  db: Database,
  contract: DatasetContract,
  s: Staged,
  file: string,
  elapsed: () => number,
): Promise<Validated> {
  const sql = loadSql(contract, historyTable(contract));
  await db.runFile('load/known_region_codes');
  await db.run(sql.createTyped(s.relation), s.param === null ? undefined : [s.param]);
  const readMs = elapsed();
  profile('typed', readMs);
  const read = await s.afterRead();
  const failed = await db.all<{
    rec: number;
    fails: Array<{ column: string; code: string; value: string | null; message: string }>;
  }>(sql.selectFailed);
  await db.run(sql.createDuplicates);
  const dups = await db.all<{ rec: number; key_text: string }>('SELECT rec, key_text FROM dup_recs ORDER BY rec');
  const good = (await db.one<{ n: number }>('SELECT count(*) AS n FROM typed WHERE _fails IS NULL'))!.n - dups.length;
  profile('checked', elapsed());
  const at = (rec: number) => locate(read.points, rec);
  const raw = await s.rawFor([...failed.map((f) => at(f.rec).d), ...dups.map((d) => at(d.rec).d)]);
  // Everything after this reads `typed`; the staged copy (and its memory) can go now, before any insert.
  await s.cleanup();
  const rejects: RejectRow[] = [
    ...read.readerRejects.map((r) => ({
      line: r.line,
      column_name: r.column,
      code: r.code,
      value: r.value,
      message: r.message,
      raw: r.raw,
    })),
    ...failed.flatMap((f) =>
      f.fails.map((e) => ({
        line: at(f.rec).line,
        column_name: e.column,
        code: e.code,
        value: e.value,
        message: e.message,
        raw: raw.get(at(f.rec).d) ?? null,
      })),
    ),
    ...dups.map((d) => ({
      line: at(d.rec).line,
      column_name: contract.key.join(','),
      code: 'duplicate_key',
      value: d.key_text,
      message: `${contract.key.join(', ')} ${d.key_text} already appears earlier in the file`,
      raw: raw.get(at(d.rec).d) ?? null,
    })),
  ];
  const rejected = read.readerRejectedRecords + failed.length + dups.length;
  if (good + rejected !== s.records) {
    throw new CountMismatchError(
      `${file}: ${s.records} records in the file but ${good} loaded + ${rejected} rejected = ${good + rejected}; ` +
        `the file was not loaded (check its quoting and line breaks)`,
      { records: s.records, loaded: good, rejected },
    );
  }
  return { sql, read, dups, good, rejects, rejected, readMs };
}

async function stage(db: Database, source: OpenedSource, onRows?: (rowsRead: number) => void): Promise<Staged> {
  const contract = source.contract!;
  switch (source.format) {
    case 'csv':
      return stageCsv(db, source.path, contract, source.match!.columns, source.csv!.delimiter, source.csv!.scan);
    case 'parquet':
      return stageParquet(db, source.path, contract, source.fields, source.match!.columns, source.sha256);
    case 'xlsx':
      return stageRows(db, contract, keyedXlsxRows(source), {
        format: 'xlsx',
        sha256: source.sha256,
        readerRejects: [],
        onClose: () => closeSource(source),
        onRows,
      });
    default:
      return stageRows(db, contract, keyedRows(source), {
        format: source.format,
        sha256: source.sha256,
        readerRejects: source.readerRejects ?? [],
        onRows,
      });
  }
}

async function rowsChanged(db: Database, statement: string, params: DuckDBValue[]): Promise<number> {
  const reader = await db.connection.runAndReadAll(statement, params);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** Where the reader skipped records, line = rec + add changes; the insert looks it up (ASOF join). */
async function writeLineMap(db: Database, points: Breakpoint[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE line_map (from_rec BIGINT, add_line BIGINT)');
  const appender = await db.connection.createAppender('line_map', 'main', 'temp');
  for (const p of points) {
    appender.appendBigInt(BigInt(p.fromRec));
    appender.appendBigInt(BigInt(p.addLine));
    appender.endRow();
  }
  appender.closeSync();
}

/** Older current rows with the same key are superseded; skipped when the table held nothing current before. */
async function supersede(db: Database, contract: DatasetContract, statement: string, loadId: number): Promise<number> {
  const older = await db.one<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${historyTable(contract)} WHERE _load_id <> $1 AND _superseded_by IS NULL LIMIT 1)`,
    [loadId],
  );
  if (!older?.n) return 0;
  return rowsChanged(db, statement, [loadId]);
}
