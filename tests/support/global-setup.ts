// Once per `vitest run`, before any test file: drops demo caches built by older code (tests/support/demo-cache.ts).
// A run of the whole suite starts building the seeds most files use right away, in the background, so both cores
// work while the first files run; a run of chosen files builds only what they ask for, when they ask.
// It also compiles the command line when stale (tests/support/compiled-cli.ts), so a spawned `shifan` skips tsx.
import { compileCliIfStale } from './compiled-cli.ts';
import { COMMON_SEEDS, pruneDemoCaches, ROOT, startDemoBuild } from './demo-cache.ts';

export default function setup(): void {
  compileCliIfStale(ROOT);
  pruneDemoCaches();
  if (wholeSuite(process.argv.slice(2))) for (const seed of COMMON_SEEDS) startDemoBuild(seed);
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
