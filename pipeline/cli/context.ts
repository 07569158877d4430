// What every command shares: the --db / --json options, opening the database, and turning errors into a
// clear message and a non-zero exit code instead of a stack trace.
import type { Command } from 'commander';
import { Database, DatabaseBusyError, defaultDbPath } from '../db/index.ts';
import { CodedError, langFrom, renderError, type Lang } from '../vocabulary/index.ts';

export interface GlobalOptions {
  db: string;
  json?: boolean;
  lang?: string;
}

/** The language of this command's labels and messages: --lang, else SHIFAN_LANG / LANG, else Chinese. */
export function langOf(cmd: Command): Lang {
  return langFrom(optionsOf(cmd).lang, process.env);
}

/** The language of the command line being run, for errors raised before a command has its options. */
function processLang(): Lang {
  const i = process.argv.indexOf('--lang');
  return langFrom(i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--lang='))?.slice(7), process.env);
}

/** Options of the root program merged with the command's own. */
export function optionsOf<T extends object>(cmd: Command): T & GlobalOptions {
  return cmd.optsWithGlobals() as T & GlobalOptions;
}

export async function withDatabase<T>(cmd: Command, fn: (db: Database) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const { db: path } = optionsOf(cmd);
  const db = await Database.open(path ?? defaultDbPath(), options);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes: 1 failure, 2 usage, 3 database busy. */
export function reportFatal(err: unknown): never {
  if (err instanceof DatabaseBusyError) {
    process.stderr.write(`shifan: ${err.message}\n`);
    process.exit(3);
  }
  if (err instanceof CodedError) {
    // A caller's mistake (a wrong status move, a bad seed): the message in the user's language, usage status.
    process.stderr.write(`shifan: ${renderError(err.code, err.params, processLang())}\n`);
    process.exit(err.status < 500 ? 2 : 1);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`shifan: ${err.message}\n`);
    process.exit(2);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`shifan: ${message}\n`);
  if (process.env.SHIFAN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`);
}
