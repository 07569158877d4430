// Next run times: cron fields in Asia/Shanghai, and the quarterly export's filter to the first official working
// day of the quarter. Expected dates are worked out by hand from data/calendar/*.json.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarStatus, forgetCalendars } from '../../pipeline/calendar/index.ts';
import {
  checkSchedules,
  firstWorkdayOfQuarter,
  listSchedules,
  loadSchedules,
  nextRuns,
  passesFilter,
  ScheduleConfigError,
} from '../../pipeline/jobs/index.ts';

const quarterly = loadSchedules().jobs.find((j) => j.job_id === 'quarterly_export')!;
const at = (iso: string) => new Date(iso);

describe('first working day of the quarter', () => {
  it.each([
    ['2024-10-15', '2024-10-08', 'National Day holiday 1-7 October 2024'],
    ['2025-01-20', '2025-01-02', '1 January 2025 is 元旦'],
    ['2025-11-03', '2025-10-09', 'National Day and Mid-Autumn run 1-8 October 2025'],
    ['2026-02-01', '2026-01-04', '元旦 1-3 January 2026; Sunday 4 January is an adjusted working day'],
    ['2023-12-31', '2023-10-07', 'holiday to 6 October 2023; Saturday 7 October is an adjusted working day'],
    ['2024-04-30', '2024-04-01', 'a plain Monday'],
    ['2025-07-01', '2025-07-01', 'a plain Tuesday'],
  ])('in the quarter of %s it is %s (%s)', (day, expected) => {
    expect(firstWorkdayOfQuarter(day)).toBe(expected);
  });
});

describe('next runs of the quarterly export', () => {
  it.each([
    ['2024-09-30T00:00:00Z', '2024-10-08T01:00:00.000Z'],
    ['2024-12-15T00:00:00Z', '2025-01-02T01:00:00.000Z'],
    ['2025-09-01T00:00:00Z', '2025-10-09T01:00:00.000Z'],
    ['2025-12-01T00:00:00Z', '2026-01-04T01:00:00.000Z'],
    ['2023-09-15T00:00:00Z', '2023-10-07T01:00:00.000Z'],
    ['2025-06-15T00:00:00Z', '2025-07-01T01:00:00.000Z'],
    ['2023-12-31T00:00:00Z', '2024-01-02T01:00:00.000Z'],
  ])('after %s the next run is %s (09:00 Asia/Shanghai on the first working day)', (from, expected) => {
    expect(nextRuns(quarterly, at(from), 1).map((d) => d.toISOString())).toEqual([expected]);
  });

  it('moves a quarter that starts on a holiday to its first working day, one run per quarter', () => {
    expect(nextRuns(quarterly, at('2024-01-03T00:00:00Z'), 4).map((d) => d.toISOString())).toEqual([
      '2024-04-01T01:00:00.000Z',
      '2024-07-01T01:00:00.000Z',
      '2024-10-08T01:00:00.000Z',
      '2025-01-02T01:00:00.000Z',
    ]);
  });

  it('a run time on the first working day itself is not repeated: the next one is next quarter', () => {
    expect(nextRuns(quarterly, at('2024-10-08T01:00:00Z'), 1)[0].toISOString()).toBe('2025-01-02T01:00:00.000Z');
  });

  it('finds the first working day of every quarter of every published calendar year (cron days 1-10 are enough)', () => {
    const published = calendarStatus()
      .filter((s) => s.published)
      .map((s) => s.year);
    expect(published.length).toBeGreaterThan(3);
    for (const year of published) {
      for (const month of ['01', '04', '07', '10']) {
        const first = firstWorkdayOfQuarter(`${year}-${month}-01`);
        const run = nextRuns(quarterly, at(`${year}-${month}-01T00:00:00+08:00`), 1)[0];
        expect(run.toISOString(), `${year}-${month}`).toBe(new Date(`${first}T09:00:00+08:00`).toISOString());
      }
    }
  });

  it('rejects the holiday days the cron expression proposes', () => {
    expect(passesFilter('first_workday_of_quarter', at('2024-10-01T01:00:00Z'))).toBe(false);
    expect(passesFilter('first_workday_of_quarter', at('2024-10-07T01:00:00Z'))).toBe(false);
    expect(passesFilter('first_workday_of_quarter', at('2024-10-08T01:00:00Z'))).toBe(true);
    expect(passesFilter('first_workday_of_quarter', at('2024-10-09T01:00:00Z'))).toBe(false);
  });
});

describe('answers kept until their first run', () => {
  it('gives every instant of half a year, hour by hour, the quarter first working days that follow it', () => {
    const quarterStarts = ['2024-10-08', '2025-01-02', '2025-04-01', '2025-07-01', '2025-10-09', '2026-01-04'].map(
      (d) => new Date(`${d}T09:00:00+08:00`).getTime(),
    );
    for (let t = at('2024-09-20T00:00:00Z').getTime(); t < at('2025-04-10T00:00:00Z').getTime(); t += 3_600_000) {
      const expected = quarterStarts.filter((s) => s > t).slice(0, 2);
      expect(
        nextRuns(quarterly, new Date(t), 2).map((d) => d.getTime()),
        new Date(t).toISOString(),
      ).toEqual(expected);
    }
  });

  it('reads the calendar again when it is reloaded: a new holiday moves the next run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifan-calendar-'));
    const before = process.env.SHIFAN_CALENDAR_DIR;
    try {
      cpSync(join(import.meta.dirname, '../../data/calendar'), dir, { recursive: true });
      process.env.SHIFAN_CALENDAR_DIR = dir;
      const from = at('2024-09-30T00:00:00Z');
      expect(nextRuns(quarterly, from, 1)[0].toISOString()).toBe('2024-10-08T01:00:00.000Z');
      // a (made-up) notice that also gives 8 October 2024 off, loaded as `shifan calendar load` does
      const file = JSON.parse(readFileSync(join(dir, '2024.json'), 'utf8'));
      file.days.push({ name: '国庆节', date: '2024-10-08', isOffDay: true });
      writeFileSync(join(dir, '2024.json'), JSON.stringify(file));
      forgetCalendars();
      expect(nextRuns(quarterly, from, 1)[0].toISOString()).toBe('2024-10-09T01:00:00.000Z');
    } finally {
      if (before === undefined) delete process.env.SHIFAN_CALENDAR_DIR;
      else process.env.SHIFAN_CALENDAR_DIR = before;
      forgetCalendars();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plain cron schedules', () => {
  it('reads the nightly refresh in Asia/Shanghai: 02:00 there is 18:00 UTC the day before', () => {
    const refresh = loadSchedules().jobs.find((j) => j.job_id === 'refresh')!;
    expect(nextRuns(refresh, at('2025-01-01T00:00:00Z'), 2).map((d) => d.toISOString())).toEqual([
      '2025-01-01T18:00:00.000Z',
      '2025-01-02T18:00:00.000Z',
    ]);
  });

  it('runs the inbox watch every 10 minutes', () => {
    const inbox = loadSchedules().jobs.find((j) => j.job_id === 'inbox')!;
    expect(nextRuns(inbox, at('2025-03-03T02:05:00Z'), 3).map((d) => d.toISOString().slice(11, 16))).toEqual([
      '02:10',
      '02:20',
      '02:30',
    ]);
  });

  it('puts the 1 February annual-report check at 08:00 Shanghai time', () => {
    const job = loadSchedules().jobs.find((j) => j.job_id === 'annual_report_check')!;
    expect(nextRuns(job, at('2025-06-01T00:00:00Z'), 1)[0].toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('schedule configuration', () => {
  it('lists every job once with a valid cron expression', () => {
    const ids = loadSchedules().jobs.map((j) => j.job_id);
    expect(ids).toEqual([
      'inbox',
      'refresh',
      'backup',
      'annual_report_check',
      'calendar_check',
      'draw_reminder',
      'quarterly_export',
    ]);
  });

  it.each([
    [
      { timezone: 'Asia/Shanghai', jobs: [{ job_id: 'x', cron: '61 * * * *', enabled: true }] },
      /cron "61 \* \* \* \*" is not a valid/,
    ],
    [
      { timezone: 'Asia/Shanghai', jobs: [{ job_id: 'x', cron: '* * * * *', enabled: 'yes' }] },
      /enabled must be true or false/,
    ],
    [
      {
        timezone: 'Asia/Shanghai',
        jobs: [{ job_id: 'x', cron: '* * * * *', enabled: true, workday_filter: 'last_friday' }],
      },
      /workday_filter must be one of/,
    ],
    [{ jobs: [] }, /expected \{"timezone"/],
  ])('refuses a bad schedule file, saying what is wrong (%#)', (raw, message) => {
    expect(() => checkSchedules(raw)).toThrow(ScheduleConfigError);
    expect(() => checkSchedules(raw)).toThrow(message);
  });
});

describe('listing schedules', () => {
  it('gives every job its next run times, and marks quarterly runs in a year without a published calendar as provisional', async () => {
    const listed = await listSchedules(null, { from: at('2026-12-15T00:00:00Z'), count: 2 });
    const q = listed.find((s) => s.job_id === 'quarterly_export')!;
    expect(q.next_runs).toHaveLength(2);
    expect(q.provisional_years).toEqual([2027]);
    const refresh = listed.find((s) => s.job_id === 'refresh')!;
    expect(refresh).toMatchObject({
      cron: '0 2 * * *',
      enabled: true,
      timezone: 'Asia/Shanghai',
      running: false,
      provisional_years: [],
    });
    expect(refresh.next_runs).toEqual(['2026-12-15T18:00:00.000Z', '2026-12-16T18:00:00.000Z']);
    expect(refresh.description_zh).toContain('夜间刷新');
  });

  it('gives no next runs for a disabled job', async () => {
    const schedules = {
      timezone: 'Asia/Shanghai',
      jobs: [{ job_id: 'off', cron: '* * * * *', enabled: false, description_zh: '', description_en: '' }],
    };
    expect((await listSchedules(null, { schedules }))[0].next_runs).toEqual([]);
  });
});
