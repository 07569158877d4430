// The small demo built once and copied per test file. Generating, loading and refreshing the small demo costs
// 20–60 s of CPU; a dozen test files need it. Each seed is built once into tmp/test-cache/demo-<key>/ (git-ignored),
// where <key> hashes everything the build reads (pipeline/, sql/, data/, the lock file and this file), so any change
// to the generator, the loader, the migrations or the SQL builds it again. A test file gets its own copy of the
// files and of the database (a file copy of a closed DuckDB database takes milliseconds), so tests may write freely.
//
// The build is the same code path the tests ran before: generateDemo, openPreparedDatabase, ingestPaths, refresh.
// Two snapshots are kept: after loading (stage 'loaded') and after refreshing (stage 'refreshed').
//
// Built lazily, once per seed: the first test file that needs a seed takes its lock folder and starts a builder
// process (tests/support/build-demo.ts); every file that needs the seed waits for the finished folder, which
// appears by an atomic rename. A lock left by a dead builder is taken over; a failed build leaves its error, which
// every waiting file reports.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import type { DemoResult } from '../../pipeline/demo/index.ts';
import type { IngestResult } from '../../pipeline/load/index.ts';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const CACHE = join(ROOT, 'tmp', 'test-cache');
/** What the demo build reads: change any of it and the cache is built again. */
const INPUTS = ['pipeline', 'sql', 'data', 'package-lock.json', 'tests/support/demo-cache.ts'];

/**
 * The time limit of a hook that copies the demo: the first file to need a seed builds it (about 30 s of CPU), and on
 * a machine shared by several runs a build has taken over five minutes.
 */
export const DEMO_TIMEOUT = 900_000;

export type Stage = 'loaded' | 'refreshed';
type Loads = IngestResult[];

let key: string | undefined;

/** A hash of every file the demo build reads (tracked or new, nothing git ignores). */
export function demoCacheKey(): string {
  key ??= hashInputs(ROOT, inputFiles());
  return key;
}

/** A hash of FILES (paths relative to ROOT) by name and content. */
export function hashInputs(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The files under INPUTS (tracked or new, nothing git ignores), relative to ROOT and sorted. */
export function inputFiles(inputs: readonly string[] = INPUTS): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...inputs], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return [...new Set(out.split('\0').filter((f) => f && existsSync(join(ROOT, f))))].sort();
  } catch {
    // not a git checkout: every file under the inputs except databases, inboxes and exports
    return inputs.flatMap((input) => walk(input)).sort();
  }
}

function walk(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return /\.duckdb(\.wal)?$/.test(path) ? [] : [path];
  if (/(^|\/)(inbox|exports|node_modules)$/.test(path)) return [];
  return readdirSync(full).flatMap((name) => walk(join(path, name)));
}

export function demoCacheDir(): string {
  return join(CACHE, `demo-${demoCacheKey()}`);
}

/**
 * Removes the caches of other keys (older code; kept while a builder of another run is at work in one) and the
 * failures of the last run's builds, so that this run tries again. Called once per run by the global setup.
 */
export function pruneDemoCaches(): void {
  if (!existsSync(CACHE)) return;
  const keep = `demo-${demoCacheKey()}`;
  for (const name of readdirSync(CACHE)) {
    if (name.startsWith('demo-') && name !== keep && !building(join(CACHE, name)))
      rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  const current = join(CACHE, keep);
  if (!existsSync(current)) return;
  for (const name of readdirSync(current)) if (name.endsWith('.error')) rmSync(join(current, name), { force: true });
}

/** The seed the test files use (tests/README.md): a run of the whole suite starts building it at once. */
export const COMMON_SEEDS = [1] as const;

/** Starts building the small demo of SEED in the background unless it is built or being built. */
export function startDemoBuild(seed: number): void {
  const base = demoCacheDir();
  const { done, lock } = pathsOf(base, seed);
  mkdirSync(base, { recursive: true });
  if (!existsSync(join(done, 'result.json')) && takeLock(lock)) startBuilder(seed, base, lock);
}

/** The finished cache folder of the small demo of SEED, built first if needed. */
export async function builtDemo(seed: number): Promise<string> {
  const base = demoCacheDir();
  const { done, lock, error } = pathsOf(base, seed);
  mkdirSync(base, { recursive: true });
  for (;;) {
    if (existsSync(join(done, 'result.json'))) return done;
    if (!existsSync(lock) && existsSync(error))
      throw new Error(`building the small demo (seed ${seed}) for the tests failed:\n${readFileSync(error, 'utf8')}`);
    if (takeLock(lock)) startBuilder(seed, base, lock);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function pathsOf(base: string, seed: number) {
  return {
    done: join(base, `small-${seed}`),
    lock: join(base, `small-${seed}.lock`),
    error: join(base, `small-${seed}.error`),
    log: join(base, `small-${seed}.log`),
  };
}

/**
 * The build runs in a process of its own (tests/support/build-demo.ts), which outlives a test file whose hook timed
 * out: on a crowded machine the next run then finds the demo built, or still building, instead of starting again.
 */
function startBuilder(seed: number, base: string, lock: string): void {
  const { log } = pathsOf(base, seed);
  const out = openSync(log, 'w');
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'tests', 'support', 'build-demo.ts'), String(seed), base],
    // Beijing time, as the supervising office's machines run: tests/demo/cli.test.ts compares these files with
    // the same demo generated under another time zone, which is only a test if this one is known.
    { cwd: ROOT, detached: true, stdio: ['ignore', out, out], env: { ...process.env, TZ: 'Asia/Shanghai' } },
  );
  closeSync(out);
  writeFileSync(join(lock, 'pid'), String(child.pid));
  child.unref();
}

/** Takes the lock folder LOCK, or takes it over when the process named in LOCK/pid is gone; false while held. */
export function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // held: take it over only if its builder is gone (killed, or the machine restarted)
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // the pid is written right after the lock is made: a lock without one for a minute was left by a crash
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      return false;
    }
    if (Number.isInteger(pid) && !alive(pid)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/** Whether a builder is still at work in a cache folder (another run in this checkout, on older code). */
function building(dir: string): boolean {
  return readdirSync(dir).some((name) => {
    if (!name.endsWith('.lock')) return false;
    try {
      return alive(Number(readFileSync(join(dir, name, 'pid'), 'utf8')));
    } catch {
      return false;
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Builds the small demo of SEED into BASE/small-SEED (tests/support/build-demo.ts runs this while holding the
 * seed's lock): generated without its PDF reports, as vitest.config.ts has every test generate it.
 */
export async function buildDemo(seed: number, base: string): Promise<void> {
  const { done, lock, error } = pathsOf(base, seed);
  rmSync(error, { force: true });
  // folders left by a build that was killed (this seed's lock is ours, so nobody else is building it)
  for (const name of readdirSync(base))
    if (name.startsWith(`small-${seed}.building-`)) rmSync(join(base, name), { recursive: true, force: true });
  try {
    await build(seed, base, done);
  } catch (err) {
    writeFileSync(error, (err as Error).stack ?? String(err));
    throw err;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function build(seed: number, base: string, done: string): Promise<void> {
  // heavy modules only when a build is needed
  const { generateDemo } = await import('../../pipeline/demo/index.ts');
  const { openPreparedDatabase } = await import('../../pipeline/setup/open.ts');
  const { ingestPaths } = await import('../../pipeline/load/index.ts');
  const { refresh } = await import('../../pipeline/indicators/index.ts');
  const work = join(base, `small-${seed}.building-${process.pid}-${Date.now()}`);
  rmSync(work, { recursive: true, force: true });
  const files = join(work, 'files');
  process.env.SHIFAN_DEMO_PDF = '0';
  const demo = await generateDemo({ scale: 'small', seed, outDir: files });
  let db = await openPreparedDatabase(join(work, 'loaded.duckdb'));
  let loads: Loads;
  try {
    loads = await ingestPaths(db, demo.files, { source: 'demo' });
  } finally {
    db.close();
  }
  copyFileSync(join(work, 'loaded.duckdb'), join(work, 'refreshed.duckdb'));
  db = await openPreparedDatabase(join(work, 'refreshed.duckdb'));
  try {
    await refresh(db);
  } finally {
    db.close();
  }
  const rel = (p: string) => relative(files, p);
  const result = {
    ...demo,
    files: demo.files.map(rel),
    byFile: demo.byFile.map((f) => ({ ...f, path: rel(f.path) })),
    plantedFile: rel(demo.plantedFile),
  };
  writeFileSync(join(work, 'loads.json'), JSON.stringify(loads));
  writeFileSync(join(work, 'result.json'), JSON.stringify(result));
  rmSync(done, { recursive: true, force: true });
  renameSync(work, done);
}

export interface DemoCopy {
  /** The demo as generateDemo returned it, its paths inside the copy's files folder. */
  demo: DemoResult;
  /** What ingestPaths returned when the files were loaded (the 'loaded' snapshot), file paths as loaded. */
  loads: Loads;
}

/**
 * Copies the small demo of SEED: its files into FILESDIR, and, when DATABASE is given, the database snapshot of
 * STAGE ('refreshed' unless said) to that path. The database was loaded from the cache's own copy of the files, so
 * load_log.file_path names the cache folder, not FILESDIR.
 */
export async function copyDemo(options: {
  seed: number;
  filesDir: string;
  database?: string;
  stage?: Stage;
}): Promise<DemoCopy> {
  const cache = await builtDemo(options.seed);
  cpSync(join(cache, 'files'), options.filesDir, { recursive: true });
  if (options.database) {
    mkdirSync(join(options.database, '..'), { recursive: true });
    copyFileSync(join(cache, `${options.stage ?? 'refreshed'}.duckdb`), options.database);
  }
  const stored = JSON.parse(readFileSync(join(cache, 'result.json'), 'utf8')) as DemoResult;
  const at = (p: string) => join(options.filesDir, p);
  const demo: DemoResult = {
    ...stored,
    files: stored.files.map(at),
    byFile: stored.byFile.map((f) => ({ ...f, path: at(f.path) })),
    plantedFile: at(stored.plantedFile),
  };
  return { demo, loads: JSON.parse(readFileSync(join(cache, 'loads.json'), 'utf8')) as Loads };
}
