// The order test files start in: the longest first, so that the two workers finish together instead of one
// starting a minute-long file when the other is done. Vitest orders by the durations it recorded in earlier runs
// (node_modules/.vite/vitest/…/results.json: failed files first, then the longest); a fresh clone has no such
// record and vitest falls back to the largest file first, which starts short files full of cases before a small
// file that spawns the CLI or loads a whole demo. Files vitest has no record of are placed by ESTIMATE instead.
// Either way, the browser files, which leave part of a core idle, alternate with files that keep one busy.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds per file in one whole run (vitest's JSON reporter, 1 Dec 2026, the quiet 2-core machine, the demo cache
 * built during the run; the language scan and the big-file test measured alone later that day); files under 5 s are
 * left to vitest's order. Stale figures only change the order.
 */
export const ESTIMATE: Record<string, number> = {
  'tests/browser/workflows.test.ts': 74,
  'tests/demo/cli.test.ts': 60,
  'tests/browser/language-scan.test.ts': 50,
  'tests/browser/dashboard.test.ts': 48,
  'tests/api/sweep.test.ts': 15,
  'tests/api/auth.test.ts': 13,
  'tests/spotcheck/draw.test.ts': 13,
  'tests/demo/generate.test.ts': 12,
  'tests/indicators/incremental.test.ts': 12,
  'tests/load/killed-load.test.ts': 11,
  'tests/naming/round.test.ts': 11,
  'tests/api/jobs.test.ts': 10,
  'tests/flags/flags.test.ts': 10,
  'tests/load/rejects.test.ts': 10,
  'tests/indicators/enforcement.test.ts': 9,
  'tests/jobs/definitions.test.ts': 9,
  'tests/watchlist/watchlist.test.ts': 9,
  'tests/backup/backup.test.ts': 8,
  'tests/cli/channel.test.ts': 8,
  'tests/users/users.test.ts': 8,
  'tests/load/big-file-lines.test.ts': 7,
  'tests/load/ingest.test.ts': 6,
  'tests/readers/xlsx-stream.test.ts': 6,
  'tests/cli/lazy-loading.test.ts': 6,
  'tests/disclosure-reports/read.test.ts': 5,
  'tests/flags/triage.test.ts': 5,
  'tests/indicators/metrics.test.ts': 5,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const cache = this.ctx.cache;
    const root = this.ctx.config.root;
    const known = (f: TestSpecification) => cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`);
    // Vitest's own order when it has a record of every file (a record holds measured, not estimated, durations).
    if (ordered.every(known)) return alternateWaiting(ordered.map((f) => ({ f, path: relative(root, f.moduleId) })));
    const weight = (f: TestSpecification) => {
      const record = known(f);
      if (record?.failed) return Number.POSITIVE_INFINITY;
      return record ? record.duration / 1000 : (ESTIMATE[relative(root, f.moduleId)] ?? 0);
    };
    // stable: files of equal weight keep vitest's order (the largest first)
    return alternateWaiting(
      ordered
        .map((f, i) => ({ f, i, w: weight(f), path: relative(root, f.moduleId) }))
        .sort((a, b) => b.w - a.w || a.i - b.i),
    );
  }
}

/**
 * Files that spend much of their time waiting: a browser file drives Chromium and a server of its own, and its
 * worker waits for pages to settle (about two thirds of a core in all). Two of them side by side leave a core
 * partly idle, and on a fresh clone both would also wait for the demo cache at the start while only its builder works.
 */
const waits = (path: string) => path.startsWith('tests/browser/');

/** The files in their order, each waiting file followed by the next file that keeps a core busy. */
export function alternateWaiting<F>(files: Array<{ f: F; path: string }>): F[] {
  const waiting = files.filter((x) => waits(x.path));
  const busy = files.filter((x) => !waits(x.path));
  const out: F[] = [];
  while (waiting.length || busy.length) {
    if (waiting.length) out.push(waiting.shift()!.f);
    if (busy.length) out.push(busy.shift()!.f);
  }
  return out;
}
