// The DuckDB handle as typed decorators: `app.db` (the one writer connection, used for state changes, serialised
// by `app.write`) and `app.q` (reads: SQL files on a few extra connections of the same instance, so reads never
// see a half-done write and run while an ingest or refresh is working). Read results are cached per query and
// parameters until the next write: the data only changes through this server (it is the single writer).

import type { DuckDBConnection, DuckDBListValue } from '@duckdb/node-api';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Database, type Row, sqlText } from '../../db/index.ts';
import { macroFiles } from '../../db/migrate.ts';
import { asSqlFileError } from '../../db/sql-files.ts';

type Value = string | number | boolean | null | DuckDBListValue;

export class Queries {
  private cache = new Map<string, Promise<unknown>>();
  /** Moves on at every write: part of the ETag of cached bodies, so a client's copy is valid until data changes. */
  generation = 0;
  private next = 0;

  constructor(
    readonly db: Database,
    private readonly readers: DuckDBConnection[],
  ) {}

  /** Rows of `sql/<name>.sql` with named parameters (every parameter the file uses, no other). */
  async rows<T = Row>(name: string, params: Record<string, Value>): Promise<T[]> {
    const conn = this.readers[this.next++ % this.readers.length];
    const running = conn.runAndReadAll(sqlText(name), params);
    this.inFlight.add(running);
    try {
      const reader = await running;
      return reader.getRowObjectsJS().map(plain) as T[];
    } catch (err) {
      throw asSqlFileError(name, err);
    } finally {
      this.inFlight.delete(running);
    }
  }

  /** Reads not yet finished: closing a connection under a running query crashes the process (DuckDB). */
  private inFlight = new Set<Promise<unknown>>();

  /** A cached computation, keyed by the caller; dropped at the next write. */
  cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = compute();
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  /** Runs a state change alone in the writer connection's lane (Database.exclusive: after any running job or
   *  other write), then forgets every cached read. */
  write<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    return this.db.exclusive(() => fn(this.db)).finally(() => this.invalidate());
  }

  private listeners: Array<() => void> = [];

  /** Forgets every cached read; for writers that do not go through write() (a scheduled job's run). */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every write and job run (the figures' auto-refresh watches for new loads this way). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The latest finished refresh run, or null before the first refresh. */
  latestRun(): Promise<{ run_id: number; as_of: string; finished_at: string } | null> {
    return this.cached(
      'latest_run',
      async () =>
        (await this.rows<{ run_id: number; as_of: string; finished_at: string }>('api/latest_run', {}))[0] ?? null,
    );
  }

  /** Closes the read connections once the reads running on them have finished. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    for (const c of this.readers) c.closeSync();
  }
}

function plain(row: Record<string, unknown>): Row {
  for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
  return row;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    q: Queries;
  }
}

export default fp(
  async function dbPlugin(app: FastifyInstance, opts: { db: Database; readers?: number }) {
    // The read connections are prepared side by side (DuckDB works on each in its own thread), not one by one.
    const readers: DuckDBConnection[] = await Promise.all(
      Array.from({ length: opts.readers ?? 4 }, async () => {
        const conn = await opts.db.instance.connect();
        await conn.run(`SET TimeZone = 'Asia/Shanghai'`);
        for (const name of macroFiles()) await conn.run(sqlText(name));
        return conn;
      }),
    );
    const q = new Queries(opts.db, readers);
    app.decorate('db', opts.db);
    app.decorate('q', q);
    app.addHook('onClose', async () => q.close());
  },
  { name: 'shifan-db' },
);
