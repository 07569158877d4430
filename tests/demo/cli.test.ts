// `shifan demo` as a user runs it: files into a folder, a summary per dataset, then the ordinary loader. The
// commands run in this process (tests/cli/run-cli.ts) except where the process's time zone is the point.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/paths.ts';
import { runCli } from '../cli/run-cli.ts';
import { builtDemo, DEMO_TIMEOUT } from '../support/demo-cache.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shifan-demo-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const shifan = (args: string[], env: Record<string, string> = {}) =>
  runCli(['--db', join(work, 'cli.duckdb'), ...args], env);

/** The real executable in a process of its own: the machine's time zone is set before Node starts. */
function spawnShifan(db: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'shifan.mjs'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('shifan demo', () => {
  it(
    'writes into <inbox>/demo-<scale>-<seed> by default and loads every file, reporting rows per dataset as JSON',
    async () => {
      const inbox = join(work, 'inbox');
      const r = await shifan(['demo', '--seed', '5', '--json'], { SHIFAN_INBOX: inbox });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.out).toBe(join(inbox, 'demo-small-5'));
      expect(out.files).toContain('regions.xlsx');
      expect(out.loads).toHaveLength(out.files.length);
      expect(out.loads.every((l: { status: string }) => l.status === 'loaded')).toBe(true);
      const rejected = out.loads.reduce((s: number, l: { rejected: number }) => s + l.rejected, 0);
      // every planted reject (bad rows, and the published report whose publisher names no division), nothing else
      const planted = JSON.parse(readFileSync(join(out.out, 'planted.json'), 'utf8')) as Array<{ expect: string }>;
      expect(rejected).toBe(planted.filter((p) => p.expect.startsWith('reject:')).length);
      expect(rejected).toBe(6);
      // the demo's naming round is loaded too (pipeline/naming/demo-round.ts), after a refresh of the figures
      expect(out.naming_round).toMatchObject({ round_id: '2026' });
      expect(out.files).toContain('naming_self_assessments_2026.csv');
    },
    DEMO_TIMEOUT,
  );

  it(
    'writes the files into --out without loading them when asked --no-load, and the same bytes whatever the time zone of the machine',
    async () => {
      const hashes = (dir: string) =>
        readdirSync(dir)
          .sort()
          .map(
            (f) =>
              `${f} ${createHash('sha256')
                .update(readFileSync(join(dir, f)))
                .digest('hex')}`,
          );
      // the run's cached demo of seed 1 was generated under Asia/Shanghai (tests/support/demo-cache.ts)
      const beijing = join(await builtDemo(1), 'files');
      const newYork = join(work, 'tz-America-New_York');
      const db = join(work, 'no-load.duckdb');
      const r = spawnShifan(db, ['demo', '--seed', '1', '--out', newYork, '--no-load'], { TZ: 'America/New_York' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^dataset\s+files\s+rows/);
      expect(r.stdout).toContain('enforcement_decisions');
      expect(r.stdout).toContain('(not loaded: --no-load)');
      expect(readdirSync(newYork)).toContain('planted.json');
      expect(existsSync(db)).toBe(false);
      expect(hashes(newYork)).toEqual(hashes(beijing));
    },
    DEMO_TIMEOUT,
  );

  it('refuses an unknown scale or a seed that is not a whole number with exit code 2', async () => {
    expect((await shifan(['demo', '--scale', 'huge', '--no-load'])).code).toBe(2);
    const r = await shifan(['demo', '--seed', 'abc', '--no-load']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed 应为非负整数，收到“abc”');
  });
});
