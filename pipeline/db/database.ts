// The one handle to the DuckDB file. DuckDB lets a single process open a file (even read-only), so opening
// fails fast with the holder's PID instead of hanging. Commands and the server open it through setup
// (pipeline/setup/open.ts), which also fills the reference tables; tests of this floor open it directly.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { loadMacros, migrate } from './migrate.ts';
import { asSqlFileError, sqlText } from './sql-files.ts';

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
    try {
      instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    } catch (err) {
      throw translateOpenError(path, err);
    }
    const connection = await instance.connect();
    const db = new Database(path, instance, connection);
    await db.run(`SET TimeZone = 'Asia/Shanghai'`);
    if (options.migrate !== false && !options.readOnly) await migrate(db);
    // Temporary macros belong to the connection, so a read-only open needs them too (the risk queue's SQL uses them).
    else if (options.readOnly) await loadMacros(db).catch(() => undefined);
    return db;
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

/** BIGINT comes back as bigint; counts and ids fit in a double, and JSON cannot carry bigint. */
function plain(row: Record<string, unknown>): Row {
  for (const key of Object.keys(row)) {
    const v = row[key];
    if (typeof v === 'bigint') row[key] = Number(v);
  }
  return row;
}

function translateOpenError(path: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const lock = /Conflicting lock is held in (.+?) \(PID (\d+)\)/.exec(message);
  if (lock) return new DatabaseBusyError(path, `${lock[1]} (PID ${lock[2]})`);
  if (/Could not set lock/.test(message)) return new DatabaseBusyError(path, 'another process');
  return err instanceof Error ? err : new Error(message);
}
