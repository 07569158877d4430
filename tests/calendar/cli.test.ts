// The workdays and calendar commands as a user runs them: the answer alone on stdout, warnings on stderr. The
// commands run in this process (tests/cli/run-cli.ts); one case runs the real executable.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, repoRoot } from '../../pipeline/db/paths.ts';
import { runCli } from '../cli/run-cli.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shifan-calcli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// --db points at a scratch file so the commands never touch (or wait for) the real database.
const shifan = (args: string[], env: Record<string, string> = {}) =>
  runCli(['--db', join(work, 'cli.duckdb'), ...args], env);

const WARNING_2027 =
  'warning: 2027 has no published holiday calendar; weekdays-only rule used, result is provisional\n';

describe('shifan workdays', () => {
  it('prints only the date for add, and nothing on stderr, from the installed executable', () => {
    const run = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin', 'shifan.mjs'), '--db', join(work, 'cli.duckdb'), 'workdays', 'add', '2025-01-24', '7'],
      { encoding: 'utf8' },
    );
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: '2025-02-10\n',
      stderr: '',
    });
  });

  it('prints only the integer for between, negative when B is before A', async () => {
    expect(await shifan(['workdays', 'between', '2024-12-31', '2025-01-31'])).toEqual({
      code: 0,
      stdout: '19\n',
      stderr: '',
    });
    expect((await shifan(['workdays', 'between', '2025-01-31', '2024-12-31'])).stdout).toBe('-19\n');
  });

  it('still answers into 2027 but warns on stderr that the result is provisional', async () => {
    expect(await shifan(['workdays', 'add', '2026-12-31', '1'])).toEqual({
      code: 0,
      stdout: '2027-01-01\n',
      stderr: WARNING_2027,
    });
  });

  it('prints the answer with its provisional status as JSON under --json', async () => {
    const add = await shifan(['--json', 'workdays', 'add', '2026-12-31', '1']);
    expect(JSON.parse(add.stdout)).toEqual({ date: '2027-01-01', provisional: true, unpublished_years: [2027] });
    const between = await shifan(['--json', 'workdays', 'between', '2025-09-30', '2025-10-11']);
    expect(JSON.parse(between.stdout)).toEqual({ workdays: 3, provisional: false, unpublished_years: [] });
  });

  it.each([
    [['workdays', 'add', '2025-02-30', '1'], /expected a date as YYYY-MM-DD .*"2025-02-30"/],
    [['workdays', 'add', '2025/01/24', '1'], /expected a date as YYYY-MM-DD/],
    [['workdays', 'add', '2025-01-24', 'seven'], /N must be a whole number of working days >= 0, found "seven"/],
    [['workdays', 'between', '2025-01-24', 'tomorrow'], /expected a date as YYYY-MM-DD .*"tomorrow"/],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const run = await shifan(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('shifan calendar', () => {
  it('lists the published years and 2027 as not published', async () => {
    const status = await shifan(['--json', 'calendar', 'status']);
    expect(status.code).toBe(0);
    const years = JSON.parse(status.stdout).years as Array<{ year: number; published: boolean }>;
    expect(years.filter((y) => !y.published).map((y) => y.year)).toEqual([2027]);
    expect((await shifan(['calendar', 'status'])).stdout).toMatch(/^2027\s+2027\.json\s+0\s+0\s+0\s+no/m);
  });

  it('loads a newer notice into the calendar folder and refreshes calendar_days, after which 2027 is no longer provisional', async () => {
    const dir = join(work, 'calendar');
    cpSync(join(dataDir, 'calendar'), dir, { recursive: true });
    const env = { SHIFAN_CALENDAR_DIR: dir };
    // A made-up 2027 notice (test input only).
    const src = join(work, 'notice.json');
    writeFileSync(
      src,
      JSON.stringify({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }),
    );
    const load = await shifan(['calendar', 'load', src], env);
    expect(load).toEqual({
      code: 0,
      stdout: `2027: replaced ${join(dir, '2027.json')} (1 day); calendar_days refreshed\n`,
      stderr: '',
    });
    expect(readFileSync(join(dir, '2027.json'), 'utf8')).toBe(readFileSync(src, 'utf8'));
    expect(await shifan(['workdays', 'add', '2026-12-31', '1'], env)).toEqual({
      code: 0,
      stdout: '2027-01-04\n',
      stderr: '',
    });
    expect((await shifan(['calendar', 'load', src], env)).stdout).toMatch(/^2027: unchanged /);
  });

  it('refuses a malformed notice with exit 1, naming the file and entry', async () => {
    const src = join(work, 'bad.json');
    writeFileSync(src, '{"year": 2027, "days": [{"name": "x", "date": "2027-13-01", "isOffDay": true}]}');
    const run = await shifan(['calendar', 'load', src], { SHIFAN_CALENDAR_DIR: join(work, 'calendar') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${src}: days[0].date must be a date as YYYY-MM-DD`);
  });
});
