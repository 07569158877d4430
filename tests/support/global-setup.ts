// Once per `vitest run`, before any test file: drops demo caches built by older code (tests/support/demo-cache.ts).
// A run of the whole suite starts building the seeds most files use right away, in the background, so both cores
// work while the first files run; a run of chosen files builds only what they ask for, when they ask.
// It also compiles the command line when stale (tests/support/compiled-cli.ts), so a spawned `shifan` skips tsx,
// and gives the run a temporary folder of its own, removed at the end (tests/support/run-temp.ts).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { compileCliIfStale } from './compiled-cli.ts';
import { COMMON_SEEDS, pruneDemoCaches, ROOT, startDemoBuild } from './demo-cache.ts';
import { makeRunTemp, reapEndedRuns } from './run-temp.ts';

export default function setup(): () => void {
  const base = tmpdir();
  reapEndedRuns(base);
  const runTemp = makeRunTemp(base);
  // Set before the workers start, so they and every process they spawn inherit it; os.tmpdir() reads it each call.
  process.env.TMPDIR = runTemp;
  compileCliIfStale(ROOT);
  pruneDemoCaches();
  if (wholeSuite(process.argv.slice(2))) for (const seed of COMMON_SEEDS) startDemoBuild(seed);
  return () => rmSync(runTemp, { recursive: true, force: true });
}

/** No file filter on the command line (`vitest run`, `npm test`): only options, their values and the command. */
export function wholeSuite(args: readonly string[]): boolean {
  const commands = new Set(['run', 'watch', 'dev', 'related']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-')) {
      // `--opt value`: the next word is the option's value, unless it is itself an option
      if (!arg.includes('=') && i + 1 < args.length && !args[i + 1]!.startsWith('-') && !commands.has(args[i + 1]!))
        if (!/\.test\.ts$|^tests\//.test(args[i + 1]!)) i++;
      continue;
    }
    if (commands.has(arg) || /(^|\/)vitest(\.m?js)?$/.test(arg)) continue;
    return false;
  }
  return true;
}
