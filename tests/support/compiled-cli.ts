// The compiled command line for the tests that spawn `bin/shifan.mjs` (the executable, `shifan serve` under the
// browser tests, a second process holding the database). bin/shifan.mjs runs dist/cli when it is newer than every
// source file of pipeline/ and the TypeScript sources through tsx otherwise; through tsx a spawn costs about three
// times the CPU (about a second on a quiet machine). The global setup compiles it once per run when it is stale,
// so every spawn in the run starts as an installed `shifan` does after `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Whether dist/cli is newer than every TypeScript file under pipeline/ (the rule bin/shifan.mjs applies). */
export function compiledCliIsFresh(root: string): boolean {
  const stamp = statSync(join(root, 'dist', 'cli', 'build.json'), { throwIfNoEntry: false })?.mtimeMs;
  if (stamp === undefined || !existsSync(join(root, 'dist', 'cli', 'main.js'))) return false;
  for (const entry of readdirSync(join(root, 'pipeline'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    if (statSync(join(entry.parentPath, entry.name)).mtimeMs > stamp) return false;
  }
  return true;
}

/** Compiles the command line (scripts/build-cli.mjs, about half a second of CPU) unless dist/cli is fresh. */
export function compileCliIfStale(root: string): void {
  if (compiledCliIsFresh(root)) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
}
