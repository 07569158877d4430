// The order test files start in: the longest first, so that the two workers finish together instead of one
// starting a minute-long file when the other is done. Vitest orders by the durations it recorded in earlier runs
// (node_modules/.vite/vitest/…/results.json: failed files first, then the longest); a fresh clone has no such
// record and vitest falls back to the largest file first, which starts short files full of cases before a small
// file that spawns the CLI or loads a whole demo. Files vitest has no record of are placed by ESTIMATE instead.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds per file in one whole run (vitest's JSON reporter, Dec 2026, on a machine loaded about 7x: the shares
 * matter, not the figures); files under 8 s are left to vitest's order. Stale figures only change the order.
 */
export const ESTIMATE: Record<string, number> = {
  'tests/api/sweep.test.ts': 240,
  // added after that run: a guess from its likeness to the other browser files (every page in two languages)
  'tests/browser/language-scan.test.ts': 150,
  'tests/demo/cli.test.ts': 199,
  'tests/browser/workflows.test.ts': 170,
  'tests/browser/dashboard.test.ts': 133,
  'tests/cli/channel.test.ts': 90,
  'tests/load/killed-load.test.ts': 69,
  'tests/readers/xlsx-stream.test.ts': 57,
  'tests/load/rejects.test.ts': 55,
  'tests/naming/round.test.ts': 54,
  'tests/spotcheck/draw.test.ts': 52,
  'tests/jobs/definitions.test.ts': 51,
  'tests/demo/generate.test.ts': 51,
  'tests/flags/flags.test.ts': 45,
  'tests/indicators/incremental.test.ts': 44,
  'tests/api/serve.test.ts': 40,
  'tests/backup/backup.test.ts': 39,
  'tests/api/jobs.test.ts': 39,
  'tests/watchlist/watchlist.test.ts': 36,
  'tests/api/auth.test.ts': 35,
  'tests/cli/lazy-loading.test.ts': 28,
  'tests/export/as-of.test.ts': 23,
  'tests/disclosure-reports/read.test.ts': 22,
  'tests/users/users.test.ts': 21,
  'tests/spotcheck/findings.test.ts': 21,
  'tests/indicators/enforcement.test.ts': 21,
  'tests/load/ingest.test.ts': 20,
  'tests/flags/triage.test.ts': 20,
  'tests/spotcheck/cli.test.ts': 19,
  'tests/load/xlsx-stream.test.ts': 18,
  'tests/indicators/metrics.test.ts': 17,
  'tests/indicators/cli.test.ts': 17,
  'tests/indicators/scorecard.test.ts': 16,
  'tests/export/export.test.ts': 15,
  'tests/disclosure-reports/ingest.test.ts': 14,
  'tests/templates/templates.test.ts': 13,
  'tests/api/workflows.test.ts': 13,
  'tests/api/views.test.ts': 13,
  'tests/csv/formula-injection.test.ts': 12,
  'tests/api/trust-proxy.test.ts': 12,
  'tests/api/listen-first.test.ts': 12,
  'tests/api/figures.test.ts': 11,
  'tests/spotcheck/certificate.test.ts': 9,
  'tests/api/actions.test.ts': 9,
  'tests/audit/log.test.ts': 8,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const cache = this.ctx.cache;
    const root = this.ctx.config.root;
    const known = (f: TestSpecification) => cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`);
    // Vitest's own order when it has a record of every file (a record holds measured, not estimated, durations).
    if (ordered.every(known)) return ordered;
    const weight = (f: TestSpecification) => {
      const record = known(f);
      if (record?.failed) return Number.POSITIVE_INFINITY;
      return record ? record.duration / 1000 : (ESTIMATE[relative(root, f.moduleId)] ?? 0);
    };
    // stable: files of equal weight keep vitest's order (the largest first)
    return ordered
      .map((f, i) => ({ f, i, w: weight(f) }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .map(({ f }) => f);
  }
}
