// What every command shares: the --db / --json options, opening the database, where output goes, and turning
// errors into a clear message and a non-zero exit code instead of a stack trace.
//
// A command writes through cliOut / cliErr and resolves file arguments with cliPath, never process.stdout or
// process.cwd(): the same command then runs unchanged in its own process or inside a running `shifan serve`
// (channel.ts), where output streams back to the caller's terminal and paths are the caller's.
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Database } from '../db/index.ts';
import { defaultDbPath } from '../db/paths.ts';
import { storageFull } from '../db/storage-full.ts';
import { CodedError, cliWord, langFrom, renderError, type Lang } from '../vocabulary/index.ts';

export interface GlobalOptions {
  db: string;
  json?: boolean;
  lang?: string;
}

/** The language of this command's labels and messages: --lang, else SHIFAN_LANG / LANG, else Chinese. */
export function langOf(cmd: Command): Lang {
  return langFrom(optionsOf(cmd).lang, process.env);
}

/** The language a command line asks for (--lang), for errors raised before a command has its options. */
export function langOfArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  return langFrom(i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7), process.env);
}

/** The database a command runs against when it runs inside the server: the server's handle, in its writer lane. */
export interface HostedDatabase {
  path: string;
  /** Runs fn alone on the server's writer connection; `exclusive: false` for work that takes the lane itself. */
  use<T>(fn: (db: Database) => Promise<T>, options: { exclusive?: boolean }): Promise<T>;
}

/** Where one run of a command reads and writes. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** whether the caller's stderr is a terminal (progress lines) */
  stderrIsTTY: boolean;
  cwd: string;
  readStdin(): Promise<string>;
  exitCode: number;
  /** set inside the server: commands use its open database instead of opening the file */
  hosted?: HostedDatabase;
  /** the language of error messages (runCli sets it from --lang) */
  lang?: Lang;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    readStdin: readProcessStdin,
    exitCode: 0,
  };
}

/** How to run a command line: run.ts registers itself here, so the server's channel (started by `serve`, one of
 *  the commands run.ts loads) can run commands without importing run.ts back (no import circle). */
export interface CommandRunner {
  runCli(argv: readonly string[], io: CliIo): Promise<number>;
  /** whether the arguments name a command that uses the database (the only ones a server runs for a caller) */
  usesDatabase(argv: readonly string[]): boolean;
  /** the named command, for the audit entry */
  commandName(argv: readonly string[]): string | undefined;
}

let runner: CommandRunner | undefined;

export function registerCommandRunner(r: CommandRunner): void {
  runner = r;
}

export function commandRunner(): CommandRunner {
  if (!runner) throw new Error('the command runner is not registered (pipeline/cli/run.ts)');
  return runner;
}

const current = new AsyncLocalStorage<CliIo>();
let fallback: CliIo | undefined;

/** The io of the command running now (the process's own streams outside runWithIo). */
export function cliIo(): CliIo {
  const io = current.getStore();
  if (io) return io;
  fallback ??= processIo();
  return fallback;
}

export function runWithIo<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  return current.run(io, fn);
}

/** Stream-like writers for commands and for helpers that take a stream (terminalProgress). */
export const cliOut = {
  write: (text: string) => {
    cliIo().stdout(text);
    return true;
  },
};
export const cliErr = {
  write: (text: string) => {
    cliIo().stderr(text);
    return true;
  },
  get isTTY() {
    return cliIo().stderrIsTTY;
  },
};

/** A file argument resolved against the caller's working directory. */
export function cliPath(path: string): string {
  return resolve(cliIo().cwd, path);
}

export function setExitCode(code: number): void {
  cliIo().exitCode = code;
}

/** Standard input of the caller, without its final newline. */
export async function readCliStdin(): Promise<string> {
  return (await cliIo().readStdin()).replace(/\r?\n$/, '');
}

/** Options of the root program merged with the command's own. */
export function optionsOf<T extends object>(cmd: Command): T & GlobalOptions {
  return cmd.optsWithGlobals() as T & GlobalOptions;
}

export async function withDatabase<T>(
  cmd: Command,
  fn: (db: Database) => Promise<T>,
  options: { readOnly?: boolean; exclusive?: boolean } = {},
): Promise<T> {
  const hosted = cliIo().hosted;
  if (hosted) return hosted.use(fn, { exclusive: options.exclusive });
  const { db: path } = optionsOf(cmd);
  // Imported here, not at the top: commands that never open the database never load DuckDB.
  const { openPreparedDatabase } = await import('../setup/open.ts');
  const db = await openPreparedDatabase(cliPath(path ?? defaultDbPath()), options);
  reportRecovery(db, langOf(cmd));
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Says on stderr which loads a dead process left running and opening the database marked interrupted. */
export function reportRecovery(db: Database, lang: Lang): void {
  const setAside = db.recovery.setupLogSetAside;
  if (setAside) cliErr.write(`shifan: ${cliWord('open.setup_log_set_aside', lang, { file: setAside })}\n`);
  for (const l of db.recovery.interruptedLoads)
    cliErr.write(`shifan: ${cliWord('load.interrupted', lang, { load_id: l.load_id, file: l.file_name })}\n`);
}

/** A demo seed as typed (`shifan demo`, `shifan start`): a whole number, else refused in the user's language. */
export function parseDemoSeed(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new CodedError('usage.bad_seed', { value: text });
  return Number(text);
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** What a failed command says on stderr, and its exit code: 1 failure, 2 usage, 3 database busy, 4 database damaged (restore from a backup). */
export function fatalReport(err: unknown, lang: Lang = 'zh'): { code: 1 | 2 | 3 | 4; message: string } {
  // A caller's mistake (a wrong status move, a bad seed) is a coded error: its message in the user's language.
  if (err instanceof CodedError)
    return { code: err.status < 500 ? 2 : 1, message: `shifan: ${renderError(err.code, err.params, lang)}\n` };
  const debugStack = process.env.SHIFAN_DEBUG && err instanceof Error ? `${err.stack}\n` : '';
  const full = storageFull(err);
  if (full) {
    // moving the database (--db) helps only when the file is the database's: not a backup's --out or an export's
    const ofDatabase = /\.duckdb(\.wal)?$|\.duckdb\.scratch(\/|$)/.test(full.path);
    const said = !full.path
      ? renderError('storage.full_unnamed', {}, lang)
      : renderError(ofDatabase ? 'storage.full' : 'storage.full_file', full, lang);
    return { code: 1, message: `shifan: ${said}\n${debugStack}` };
  }
  const message = err instanceof Error ? err.message : String(err);
  // by name: the database errors live with DuckDB, which this module does not load
  const code =
    err instanceof Error && err.name === 'DatabaseDamagedError'
      ? 4
      : err instanceof Error && err.name === 'DatabaseBusyError'
        ? 3
        : err instanceof UsageError
          ? 2
          : 1;
  return { code, message: `shifan: ${message}\n${code === 1 ? debugStack : ''}` };
}

/** Writes the failure's message to the command's stderr and returns its exit code. */
export function reportError(err: unknown, io: CliIo = cliIo()): number {
  const { code, message } = fatalReport(err, io.lang ?? langOfArgv(process.argv));
  io.stderr(message);
  return code;
}

/** For code outside a command run (the entry point): report and exit. */
export function reportFatal(err: unknown): never {
  process.exit(reportError(err, processIo()));
}

export function printJson(value: unknown): void {
  cliOut.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`);
}
