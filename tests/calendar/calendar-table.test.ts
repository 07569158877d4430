// The SQL side of the calendar: calendar_days, its refresh, and the macros, checked against the TypeScript
// calendar on thousands of dates (two independent implementations of the same rule).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { dataDir } from '../../pipeline/db/paths.ts';
import { civilDate, dayNumber, loadCalendar, refreshCalendarTable } from '../../pipeline/calendar/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

const shipped = join(dataDir, 'calendar');
const calendar = loadCalendar(shipped);

/** Seeded PRNG (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let db: Database;
beforeAll(async () => {
  db = await openPreparedDatabase(':memory:');
});
afterAll(() => db.close());

describe('calendar_days', () => {
  it('covers 2018-01-01..2031-12-31, one row per day, with 2019..2026 published', async () => {
    const row = await db.one(`
      SELECT count(*) AS n, CAST(min(day) AS VARCHAR) AS first, CAST(max(day) AS VARCHAR) AS last,
             list(DISTINCT CAST(year(day) AS INTEGER) ORDER BY CAST(year(day) AS INTEGER)) FILTER (WHERE published) AS published
      FROM calendar_days`);
    expect(row).toEqual({
      n: 5113,
      first: '2018-01-01',
      last: '2031-12-31',
      published: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
    });
  });

  it('says the same as the TypeScript calendar for every day of the table', async () => {
    const rows = await db.all<{ d: string; w: boolean; p: boolean; h: string | null }>(
      `SELECT CAST(day AS VARCHAR) AS d, is_workday AS w, published AS p, holiday_name AS h FROM calendar_days ORDER BY day`,
    );
    const mismatches = rows.filter((r) => {
      const info = calendar.dayInfo(r.d);
      return info.isWorkday !== r.w || info.published !== r.p || info.holidayName !== r.h;
    });
    expect(mismatches).toEqual([]);
  });

  it('numbers working days so that seq(b) - seq(a) counts the working days in (a, b]', async () => {
    const rows = await db.all<{ d: string; s: number; w: boolean }>(
      `SELECT CAST(day AS VARCHAR) AS d, workday_seq AS s, is_workday AS w FROM calendar_days ORDER BY day`,
    );
    expect(rows[0]).toEqual({ d: '2018-01-01', s: 1, w: true });
    for (let i = 1; i < rows.length; i++) expect(rows[i].s - rows[i - 1].s).toBe(rows[i].w ? 1 : 0);
  });

  it('is not refilled when the calendar files are unchanged', async () => {
    const before = await db.one<{ t: string }>(
      `SELECT CAST(loaded_at AS VARCHAR) AS t FROM reference_sources WHERE name = 'calendar'`,
    );
    expect((await refreshCalendarTable(db, shipped)).refreshed).toBe(false);
    const after = await db.one<{ t: string }>(
      `SELECT CAST(loaded_at AS VARCHAR) AS t FROM reference_sources WHERE name = 'calendar'`,
    );
    expect(after).toEqual(before);
  });
});

describe('the calendar macros', () => {
  it.each([
    ['2025-01-24', 7, '2025-02-10', false],
    ['2025-09-30', 1, '2025-10-09', false],
    ['2024-09-30', 7, '2024-10-15', false],
    ['2024-10-01', 0, '2024-10-01', false],
    ['2018-12-29', 1, '2019-01-02', true],
    ['2026-12-31', 1, '2027-01-01', true],
  ])('workdays_add(%s, %i) = %s, provisional %s', async (d, n, expected, provisional) => {
    const row = await db.one(
      `SELECT CAST(workdays_add(CAST($1 AS DATE), $2) AS VARCHAR) AS d, workday_provisional(CAST($1 AS DATE), workdays_add(CAST($1 AS DATE), $2)) AS p`,
      [d, n],
    );
    expect(row).toEqual({ d: expected, p: provisional });
  });

  it.each([
    ['2024-12-31', '2025-01-31', 19, false],
    ['2025-01-31', '2024-12-31', -19, false],
    ['2023-12-31', '2024-12-31', 251, false],
    ['2026-12-25', '2027-01-08', 10, true],
  ])('workdays_between(%s, %s) = %i, provisional %s', async (a, b, expected, provisional) => {
    const row = await db.one(
      `SELECT workdays_between(CAST($1 AS DATE), CAST($2 AS DATE)) AS n, workday_provisional(CAST($1 AS DATE), CAST($2 AS DATE)) AS p`,
      [a, b],
    );
    expect(row).toEqual({ n: expected, p: provisional });
  });

  it('refuses a negative number of working days', async () => {
    await expect(db.one(`SELECT workdays_add(DATE '2025-01-24', -1) AS d`)).rejects.toThrow(/must be >= 0/);
  });

  it('returns NULL outside the table, and counts days outside it as provisional', async () => {
    const row =
      await db.one(`SELECT workdays_add(DATE '2032-01-05', 1) AS a, workdays_between(DATE '2017-12-29', DATE '2018-01-02') AS b,
                                     workday_provisional(DATE '2031-12-30', DATE '2032-01-02') AS p`);
    expect(row).toEqual({ a: null, b: null, p: true });
  });

  it('agree with the TypeScript calendar on 3,000 random spans within 2019–2026, scalar and join form', async () => {
    const next = random(20240204);
    const first = dayNumber('2019-01-01');
    const span = dayNumber('2026-11-30') - first;
    const cases = Array.from({ length: 3000 }, () => {
      const a = civilDate(first + Math.floor(next() * span));
      const b = civilDate(dayNumber(a) + Math.floor(next() * 400) - 200);
      const n = Math.floor(next() * 40);
      const added = calendar.addWorkdays(a, n);
      const between = calendar.workdaysBetween(a, b);
      return {
        a,
        b,
        n,
        add: added.date,
        add_p: added.provisional,
        between: between.workdays,
        between_p: between.provisional,
      };
    });
    const sql = await db.all<{
      a: string;
      b: string;
      n: number;
      add: string;
      add_p: boolean;
      between: number;
      between_p: boolean;
      join_add: string;
      join_between: number;
    }>(
      `
      WITH cases AS (
        SELECT unnest(from_json($1, '[{"a":"DATE","b":"DATE","n":"INTEGER"}]'), recursive := true)
      )
      SELECT CAST(c.a AS VARCHAR) AS a, CAST(c.b AS VARCHAR) AS b, c.n,
             CAST(workdays_add(c.a, c.n) AS VARCHAR) AS add,
             workday_provisional(c.a, workdays_add(c.a, c.n)) AS add_p,
             workdays_between(c.a, c.b) AS between,
             workday_provisional(c.a, c.b) AS between_p,
             CAST(dl.day AS VARCHAR) AS join_add,
             e.workday_seq - s.workday_seq AS join_between
      FROM cases AS c
      JOIN calendar_days AS s ON s.day = c.a
      JOIN calendar_days AS e ON e.day = c.b
      JOIN calendar_days AS dl ON (c.n = 0 AND dl.day = c.a) OR (c.n > 0 AND dl.is_workday AND dl.workday_seq = s.workday_seq + c.n)`,
      [JSON.stringify(cases.map(({ a, b, n }) => ({ a, b, n })))],
    );
    expect(sql).toHaveLength(cases.length);
    const bySql = new Map(sql.map((r) => [`${r.a}|${r.b}|${r.n}`, r]));
    const mismatches = cases.filter((c) => {
      const r = bySql.get(`${c.a}|${c.b}|${c.n}`);
      return (
        !r ||
        r.add !== c.add ||
        r.add_p !== c.add_p ||
        r.between !== c.between ||
        r.between_p !== c.between_p ||
        r.join_add !== c.add ||
        r.join_between !== c.between
      );
    });
    expect(mismatches).toEqual([]);
    // The sample reaches into 2018 and 2027, so both provisional answers are exercised.
    expect(cases.some((c) => c.between_p)).toBe(true);
  });
});

describe('refreshing calendar_days when the calendar changes', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'shifan-caltable-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refills the table from a folder with a newer notice and marks that year published', async () => {
    const dir = join(work, 'calendar');
    cpSync(shipped, dir, { recursive: true });
    // A made-up 2027 notice (test input only) with one holiday on Friday 2027-01-01.
    writeFileSync(
      join(dir, '2027.json'),
      JSON.stringify({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }),
    );
    expect((await refreshCalendarTable(db, dir)).refreshed).toBe(true);
    const row = await db.one(
      `SELECT CAST(workdays_add(DATE '2026-12-31', 1) AS VARCHAR) AS d, workday_provisional(DATE '2026-12-31', DATE '2027-01-04') AS p`,
    );
    expect(row).toEqual({ d: '2027-01-04', p: false });
    expect((await refreshCalendarTable(db, shipped)).refreshed).toBe(true);
    expect(await db.one(`SELECT CAST(workdays_add(DATE '2026-12-31', 1) AS VARCHAR) AS d`)).toEqual({
      d: '2027-01-01',
    });
  });

  it('extends the table to the end of a later notice year', async () => {
    const dir = join(work, 'calendar-2032');
    cpSync(shipped, dir, { recursive: true });
    writeFileSync(
      join(dir, '2032.json'),
      JSON.stringify({ year: 2032, papers: [], days: [{ name: '元旦', date: '2032-01-01', isOffDay: true }] }),
    );
    const refresh = await refreshCalendarTable(db, dir);
    expect(refresh).toMatchObject({ refreshed: true, from: '2018-01-01', to: '2032-12-31' });
    expect(await db.one(`SELECT count(*) AS n FROM calendar_days WHERE published AND year(day) = 2032`)).toEqual({
      n: 366,
    });
    await refreshCalendarTable(db, shipped);
  });
});
