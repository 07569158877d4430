// What every command shares: the --db / --json options, opening the database, and turning errors into a
// clear message and a non-zero exit code instead of a stack trace.
import type { Command } from 'commander';
import { type Database, DatabaseBusyError, DatabaseDamagedError, defaultDbPath } from '../db/index.ts';
import { openPreparedDatabase } from '../setup/open.ts';

export interface GlobalOptions {
  db: string;
  json?: boolean;
}

/** Options of the root program merged with the command's own. */
export function optionsOf<T extends object>(cmd: Command): T & GlobalOptions {
  return cmd.optsWithGlobals() as T & GlobalOptions;
}

export async function withDatabase<T>(cmd: Command, fn: (db: Database) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const { db: path } = optionsOf(cmd);
  const db = await openPreparedDatabase(path ?? defaultDbPath(), options);
  reportRecovery(db);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Says on stderr which loads a dead process left running and opening the database marked interrupted. */
export function reportRecovery(db: Database): void {
  for (const l of db.recovery.interruptedLoads) {
    process.stderr.write(`shifan: load ${l.load_id} (${l.file_name}) was left running by a process that ended; marked interrupted, nothing of it was kept\n`);
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** What a failed command says on stderr, and its exit code: 1 failure, 2 usage, 3 database busy, 4 database damaged (restore from a backup). */
export function fatalReport(err: unknown): { code: 1 | 2 | 3 | 4; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof DatabaseDamagedError ? 4 : err instanceof DatabaseBusyError ? 3 : err instanceof UsageError ? 2 : 1;
  const stack = code === 1 && process.env.SHIFAN_DEBUG && err instanceof Error ? `${err.stack}\n` : '';
  return { code, message: `shifan: ${message}\n${stack}` };
}

export function reportFatal(err: unknown): never {
  const { code, message } = fatalReport(err);
  process.stderr.write(message);
  process.exit(code);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`);
}
