// The compiled command line for the tests that spawn `bin/shifan.mjs` (the executable, `shifan serve` under the
// browser tests, a second process holding the database). bin/shifan.mjs runs dist/cli while no source it was built
// from changed (bin/compiled.mjs) and the TypeScript sources through tsx otherwise; through tsx a spawn costs about three
// times the CPU (about a second on a quiet machine). The global setup compiles it once per run when it is stale,
// so every spawn in the run starts as an installed `shifan` does after `npm run build`.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readBuild, staleSource } from '../../bin/compiled.mjs';

/** Whether bin/shifan.mjs would run dist/cli: no source the build lists changed since (bin/compiled.mjs, its rule). */
export function compiledCliIsFresh(root: string): boolean {
  const build = readBuild(root);
  return typeof build !== 'string' && staleSource(root, build, build.sources) === undefined;
}

/** Compiles the command line (scripts/build-cli.mjs, about half a second of CPU) unless dist/cli is fresh. */
export function compileCliIfStale(root: string): void {
  if (compiledCliIsFresh(root)) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
}
