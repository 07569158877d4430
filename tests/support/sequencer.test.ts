// The start order of test files (tests/support/sequencer.ts): the longest first, from vitest's record of earlier
// runs when it has one for every file, else from the committed estimates.
import { describe, expect, it } from 'vitest';
import type { TestSpecification } from 'vitest/node';
import LongestFirst, { ESTIMATE } from './sequencer.ts';

const ROOT = '/repo';

/** A sequencer over FILES (relative path → size in bytes), with vitest's record of earlier runs as given. */
function sequencer(records: Record<string, { duration: number; failed: boolean }>, sizes: Record<string, number>) {
  const ctx = {
    config: { root: ROOT, shard: undefined },
    cache: {
      getFileTestResults: (key: string) => records[key.replace(/^:/, '')],
      getFileStats: (key: string) => ({ size: sizes[key.replace(/^:/, '')] ?? 0 }),
    },
  };
  return new LongestFirst(ctx as never);
}

const spec = (file: string) =>
  ({
    moduleId: `${ROOT}/${file}`,
    project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: false } },
  }) as unknown as TestSpecification;

const order = async (s: LongestFirst, files: string[]) =>
  (await s.sort(files.map(spec))).map((f) => f.moduleId.slice(ROOT.length + 1));

describe('the start order of test files', () => {
  it('puts a small file known to be slow before larger quick ones when vitest has no record (a fresh clone)', async () => {
    const slow = 'tests/demo/cli.test.ts';
    expect(ESTIMATE[slow]).toBeGreaterThan(30);
    const files = ['tests/a.test.ts', 'tests/b.test.ts', slow];
    const s = sequencer({}, { 'tests/a.test.ts': 20_000, 'tests/b.test.ts': 10_000, [slow]: 3_000 });
    expect(await order(s, files)).toEqual([slow, 'tests/a.test.ts', 'tests/b.test.ts']);
  });

  it("keeps vitest's order, failed first and then the longest measured, when it has a record of every file", async () => {
    const slow = 'tests/demo/cli.test.ts';
    const files = ['tests/a.test.ts', 'tests/b.test.ts', slow];
    const s = sequencer(
      {
        'tests/a.test.ts': { duration: 5_000, failed: false },
        'tests/b.test.ts': { duration: 1_000, failed: true },
        [slow]: { duration: 2_000, failed: false },
      },
      {},
    );
    expect(await order(s, files)).toEqual(['tests/b.test.ts', 'tests/a.test.ts', slow]);
  });

  it('places a file without a record by its estimate among the measured ones', async () => {
    const slow = 'tests/demo/cli.test.ts';
    const files = ['tests/a.test.ts', 'tests/new.test.ts', slow];
    const s = sequencer(
      { 'tests/a.test.ts': { duration: 1_000, failed: false }, [slow]: { duration: 90_000, failed: false } },
      { 'tests/new.test.ts': 50_000 },
    );
    expect(await order(s, files)).toEqual([slow, 'tests/a.test.ts', 'tests/new.test.ts']);
  });

  it('alternates the browser files, which wait on Chromium and their server, with files that keep a core busy', async () => {
    const files = [
      'tests/browser/a.test.ts',
      'tests/browser/b.test.ts',
      'tests/c.test.ts',
      'tests/d.test.ts',
      'tests/e.test.ts',
    ];
    const s = sequencer(
      Object.fromEntries(files.map((f, i) => [f, { duration: (10 - i) * 1_000, failed: false }])),
      {},
    );
    expect(await order(s, files)).toEqual([
      'tests/browser/a.test.ts',
      'tests/c.test.ts',
      'tests/browser/b.test.ts',
      'tests/d.test.ts',
      'tests/e.test.ts',
    ]);
  });
});
