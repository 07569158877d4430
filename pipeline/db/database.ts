// The one handle to the DuckDB file. DuckDB lets a single process open a file (even read-only), so opening
// fails fast with the holder's PID instead of hanging. Commands and the server open it through setup
// (pipeline/setup/open.ts), which also fills the reference tables; tests of this floor open it directly.

import { mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { duckdb } from './duckdb-module.ts';
import { loadMacros, migrate } from './migrate.ts';
import { asSqlFileError, sqlText } from './sql-files.ts';
import { clearScratch, scratchDir } from './scratch.ts';
import { keepDatabasePrivate } from './private-files.ts';

/** What opening the database found left behind by a process that died. */
export interface Recovery {
  interruptedLoads: Array<{ load_id: number; file_name: string }>;
  /** Where the log of a first setup that never finished was moved (it could not be replayed): see open(). */
  setupLogSetAside?: string;
}

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

export class DatabaseBusyError extends Error {
  constructor(
    readonly path: string,
    readonly holder: string,
  ) {
    super(`the database ${path} is in use by ${holder}; stop that process (or use --db for another file) and retry`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * The file exists but cannot be read as a database (truncated, overwritten, damaged disk): said in plain words,
 * in Chinese and English, with the way out (a restore from a backup into a new file), instead of DuckDB's IO error.
 */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(
      `数据库文件 ${path} 无法打开，可能已损坏或被截断。请从备份恢复到一个新文件：shifan restore 备份目录 --db 新文件` +
        `（夜间备份在 data/backups/），然后用 --db 或 SHIFAN_DB 指向它；原文件请保留备查。\n` +
        `The database file ${path} cannot be opened: it looks damaged or truncated (${detail}). Restore a backup into ` +
        `a new file with \`shifan restore BACKUP_DIR --db NEW_FILE\` (nightly backups are in data/backups/), then point ` +
        `--db or SHIFAN_DB at it; keep the damaged file for inspection.`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

export class Database {
  /** The writers' lane: see exclusive(). */
  private lane: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: { readOnly?: boolean; migrate?: boolean } = {}): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    let setupLogSetAside: string | undefined;
    try {
      instance = await duckdb.DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    } catch (err) {
      if (options.readOnly || !isUnreplayableSetupLog(err)) throw translateOpenError(path, err);
      ({ instance, setAside: setupLogSetAside } = await openWithoutSetupLog(path, err));
    }
    if (path !== ':memory:' && !options.readOnly) keepDatabasePrivate(path);
    const connection = await instance.connect();
    const db = new Database(path, instance, connection);
    db.recovery.setupLogSetAside = setupLogSetAside;
    try {
      await db.run(`SET TimeZone = 'Asia/Shanghai'`);
      if (path !== ':memory:') await checkFileComplete(db);
      if (options.migrate !== false && !options.readOnly) {
        await migrate(db);
        db.recovery = { ...db.recovery, ...(await recoverAfterCrash(db)) };
      }
      // Temporary macros belong to the connection, so a read-only open needs them too (the risk queue's SQL uses them).
      else if (options.readOnly) await loadMacros(db).catch(() => undefined);
    } catch (err) {
      db.close();
      throw translateOpenError(path, err);
    }
    return db;
  }

  /** Loads found running (and so interrupted) when the database was opened; empty for read-only opens. */
  recovery: Recovery = { interruptedLoads: [] };

  /** A new empty scratch folder beside the database (removed at the next open if this process dies). */
  scratch(prefix: string): string {
    return scratchDir(this.path, prefix);
  }

  /** Runs one or more statements given as text; for short statements only (SQL of substance lives in sql/). */
  async run(sql: string, params?: Params): Promise<void> {
    await this.connection.run(sql, params);
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map(plain) as T[];
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs the whole file `sql/<name>.sql`; errors name the file and line. */
  async runFile(name: string, params?: Params): Promise<void> {
    try {
      await this.connection.run(sqlText(name), params);
    } catch (err) {
      throw asSqlFileError(name, err);
    }
  }

  async allFile<T = Row>(name: string, params?: Params): Promise<T[]> {
    try {
      return (await this.connection.runAndReadAll(sqlText(name), params)).getRowObjectsJS().map(plain) as T[];
    } catch (err) {
      throw asSqlFileError(name, err);
    }
  }

  /**
   * Runs `task` alone among the writers of this handle: after every task queued before it, whether or not that
   * one failed. The connection's transactions cannot nest, so every writer that may run while another is working
   * (a scheduled job, an API upload, a draw) queues here. Not re-entrant: a task that queued another task and
   * waited for it would wait for itself.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.lane.then(task, task);
    this.lane = next.catch(() => undefined);
    return next;
  }

  /** Runs fn inside one transaction; rolls back on any error. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (err) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * DuckDB reads a file's blocks lazily, so a truncated file may open and fail only at the first query that reaches a
 * missing block (or, worse, only at the nightly refresh). The file is DuckDB's 12 KiB header plus total_blocks
 * blocks (less those free, which DuckDB may have cut off); a file shorter than that has lost its end.
 */
async function checkFileComplete(db: Database): Promise<void> {
  const size = await db.one<{ block_size: number; total_blocks: number; free_blocks: number }>(
    'SELECT block_size, total_blocks, free_blocks FROM pragma_database_size() WHERE database_name = current_database()',
  );
  if (!size) return;
  // DuckDB cuts free blocks off the end of its file at a checkpoint while still counting them in total_blocks, so
  // only the blocks in use are certain to be in the file: a shorter file has lost data, a longer one is fine.
  const expected = FILE_HEADER_BYTES + size.block_size * (size.total_blocks - size.free_blocks);
  const actual = statSync(db.path).size;
  if (actual < expected)
    throw new DatabaseDamagedError(db.path, `${actual} bytes, its own header says at least ${expected}`);
}

const FILE_HEADER_BYTES = 3 * 4096;

/**
 * Only one process can open the file, so a load still `running` at open belongs to a process that died (kill -9,
 * power loss): it is marked interrupted at once, and the scratch folder with its uploads and decoded files is
 * removed, instead of waiting for the next ingest to notice.
 */
async function recoverAfterCrash(db: Database): Promise<Recovery> {
  if (db.path !== ':memory:') clearScratch(db.path);
  const interruptedLoads = await db.allFile<{ load_id: number; file_name: string }>('load/mark_interrupted');
  return { interruptedLoads };
}

/** BIGINT comes back as bigint; counts and ids fit in a double, and JSON cannot carry bigint. */
function plain(row: Record<string, unknown>): Row {
  for (const key of Object.keys(row)) {
    const v = row[key];
    if (typeof v === 'bigint') row[key] = Number(v);
  }
  return row;
}

/**
 * DuckDB 1.5.6 cannot replay a write-ahead log that creates the schema (duckdb/duckdb#19712, #22044). The schema is
 * checkpointed as soon as it is made (migrate.ts), so such a log is left only by a first setup whose checkpoint
 * never happened: the disk filled (found by a cold review on a 2 MB disk) or the process died first. The file then
 * opened for nothing, whatever the user did.
 */
function isUnreplayableSetupLog(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /Failure while replaying WAL file/.test(message) && /GetDefaultDatabase/.test(message);
}

/**
 * Opens the database without that log, which is moved aside (never deleted) as `<file>.wal.unreplayable-<time>`:
 * when the database file itself holds no schema, the log held nothing but the setup that failed, which runs again.
 * A database file with a schema is not this case: the log goes back and the file is refused as damaged.
 */
async function openWithoutSetupLog(
  path: string,
  err: unknown,
): Promise<{ instance: DuckDBInstance; setAside: string }> {
  const log = `${path}.wal`;
  const setAside = `${log}.unreplayable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(log, setAside);
  let instance: DuckDBInstance | undefined;
  try {
    instance = await duckdb.DuckDBInstance.create(path, {});
    const connection = await instance.connect();
    const [{ n }] = (await connection.runAndReadAll(sqlText('db/schema_tables'))).getRowObjectsJS() as [{ n: number }];
    connection.closeSync();
    if (n === 0) return { instance, setAside };
  } catch {
    // not openable even without the log: damaged, said below
  }
  instance?.closeSync();
  renameSync(setAside, log);
  throw new DatabaseDamagedError(path, (err instanceof Error ? err.message : String(err)).split('\n')[0]!);
}

function translateOpenError(path: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const lock = /Conflicting lock is held in (.+?) \(PID (\d+)\)/.exec(message);
  if (lock) return new DatabaseBusyError(path, `${lock[1]} (PID ${lock[2]})`);
  if (/Could not set lock/.test(message)) return new DatabaseBusyError(path, 'another process');
  if (err instanceof DatabaseDamagedError) return err;
  if (
    /^IO Error: (Could not read enough bytes|Corrupt database file|The file .* is not a valid DuckDB database file)|not a valid DuckDB database file|Corrupt database file|checksum/i.test(
      message,
    )
  ) {
    return new DatabaseDamagedError(path, message.split('\n')[0]);
  }
  return err instanceof Error ? err : new Error(message);
}
