// The small demo built once and copied per test file. Generating, loading and refreshing the small demo costs
// 20–60 s of CPU; a dozen test files need it. Each seed is built once into tmp/test-cache/demo-<key>/ (git-ignored),
// where <key> hashes everything the build reads (pipeline/, sql/, data/, the lock file and this file), so any change
// to the generator, the loader, the migrations or the SQL builds it again. A test file gets its own copy of the
// files and of the database (a file copy of a closed DuckDB database takes milliseconds), so tests may write freely.
//
// The build is the same code path the tests ran before: generateDemo, openPreparedDatabase, ingestPaths, refresh.
// Two snapshots are kept: after loading (stage 'loaded') and after refreshing (stage 'refreshed').
//
// Workers build lazily, one at a time per seed: the first takes a lock folder, the others wait for the finished
// folder, which appears by an atomic rename. A lock left by a dead process is taken over.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
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
  if (key) return key;
  const hash = createHash('sha256');
  for (const file of inputFiles()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(ROOT, file)));
    hash.update('\0');
  }
  key = hash.digest('hex').slice(0, 16);
  return key;
}

function inputFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...INPUTS], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return [...new Set(out.split('\0').filter((f) => f && existsSync(join(ROOT, f))))].sort();
  } catch {
    // not a git checkout: every file under the inputs except databases, inboxes and exports
    return INPUTS.flatMap((input) => walk(input)).sort();
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

/** Removes the caches of other keys (older code). Called once per run by the global setup. */
export function pruneDemoCaches(): void {
  if (!existsSync(CACHE)) return;
  const keep = `demo-${demoCacheKey()}`;
  for (const name of readdirSync(CACHE)) {
    if (name.startsWith('demo-') && name !== keep) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

/** The finished cache folder of the small demo of SEED, built first if needed. */
export async function builtDemo(seed: number): Promise<string> {
  const base = demoCacheDir();
  const done = join(base, `small-${seed}`);
  const lock = join(base, `small-${seed}.lock`);
  mkdirSync(base, { recursive: true });
  for (;;) {
    if (existsSync(join(done, 'result.json'))) return done;
    if (takeLock(lock)) {
      try {
        // folders left by a build that was killed (this seed's lock is ours, so nobody else is building it)
        for (const name of readdirSync(base))
          if (name.startsWith(`small-${seed}.building-`)) rmSync(join(base, name), { recursive: true, force: true });
        if (!existsSync(join(done, 'result.json'))) await build(seed, base, done);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return done;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    // held: take it over only if its owner is gone (a run killed mid-build)
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // the owner has made the folder but not yet written its pid, or has just removed it
      return false;
    }
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      rmSync(lock, { recursive: true, force: true });
    }
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
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
