// The built dashboard for the browser tests, built once per content of what it is built from. The dashboard imports
// from pipeline/ (vocabulary, contracts, route schemas), so a check of dashboard/src alone could serve an old build
// after a vocabulary change: the key hashes dashboard/src, its index.html, public/ files and Vite config, pipeline/ and the lock
// file, like the demo cache's key (tests/support/demo-cache.ts). Several browser files start together on a fresh
// run: the first takes a lock and builds, the others wait for it instead of building the same thing at once. Only
// the dashboard is built (vite build), not the command line, whose dist/cli other tests may be running.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_INPUTS } from '../../bin/dashboard-inputs.mjs';
import { hashInputs, inputFiles, ROOT, takeLock } from './demo-cache.ts';

const CACHE = join(ROOT, 'tmp', 'test-cache');
const STAMP = join(CACHE, 'dashboard-build.key');
const LOCK = join(CACHE, 'dashboard-build.lock');

/** A hash of every file the dashboard build reads. */
export function dashboardKey(): string {
  return hashInputs(ROOT, inputFiles(DASHBOARD_INPUTS));
}

/** Whether dashboard/dist was built from the current sources (by this function: it writes the stamp). */
export function dashboardIsFresh(key = dashboardKey()): boolean {
  return (
    existsSync(join(ROOT, 'dashboard', 'dist', 'index.html')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === key
  );
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dashboard/dist unless it was built from the current sources; waits while another file builds it. */
export function buildDashboardIfStale(): void {
  const key = dashboardKey();
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (dashboardIsFresh(key)) return;
    if (takeLock(LOCK)) break;
    pause(250);
  }
  try {
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    if (dashboardIsFresh(key)) return;
    rmSync(STAMP, { force: true });
    // vitest sets NODE_ENV=test, which would give React's development build: build as production explicitly
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.config.ts'],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
    );
    writeFileSync(STAMP, key);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
