// Expected answers were worked out by hand from the holiday-cn JSON files and a wall calendar, not from the code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../pipeline/db/paths.ts';
import { loadCalendar } from '../../pipeline/calendar/index.ts';

const calendar = loadCalendar(join(dataDir, 'calendar'));

describe('isWorkday on the shipped calendar', () => {
  it.each([
    ['2024-02-04', true, 'a Sunday made a working day for the Spring Festival (调休)'],
    ['2024-02-18', true, 'a Sunday made a working day after the Spring Festival'],
    ['2024-09-29', true, 'a Sunday made a working day before National Day'],
    ['2024-10-12', true, 'a Saturday made a working day after National Day'],
    ['2024-10-01', false, 'National Day'],
    ['2024-10-08', true, 'an unlisted Tuesday after the holiday'],
    ['2024-02-09', true, 'New Year’s Eve 2024, not a holiday that year and not listed'],
    ['2025-01-28', false, 'New Year’s Eve 2025, a statutory holiday from 2025'],
    ['2025-10-08', false, 'the eighth day of the combined 2025 National Day and Mid-Autumn holiday'],
    ['2025-10-11', true, 'a Saturday made a working day after the 2025 National Day holiday'],
    ['2018-12-29', true, 'a 2018 Saturday made a working day by the 2019 notice (2019.json)'],
    ['2018-12-31', false, 'a 2018 Monday given off by the 2019 notice'],
    ['2022-12-31', false, 'a 2022 Saturday listed as off in 2023.json'],
    ['2023-01-02', false, 'the Monday after New Year 2023'],
    ['2020-01-31', false, 'a Friday added to the 2020 Spring Festival by the COVID-19 extension'],
    ['2020-02-01', false, 'a Saturday first declared a working day, then off under the extension'],
    ['2020-02-03', true, 'the Monday listed explicitly as a working day after the extension'],
    ['2026-01-04', true, 'a Sunday made a working day after New Year 2026'],
    ['2026-02-23', false, 'the ninth day of the 2026 Spring Festival holiday'],
    ['2026-02-28', true, 'a Saturday made a working day after the 2026 Spring Festival'],
    ['2019-04-06', false, 'a weekend day adjoining Qingming that the notice does not list'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
  });

  it('treats 2027 as not published, because its file is empty, and uses the weekdays-only rule there', () => {
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.publishedYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(calendar.dayInfo('2027-10-01')).toEqual({
      date: '2027-10-01',
      isWorkday: true,
      holidayName: null,
      published: false,
    });
  });

  it('names the festival of a listed day, holiday or adjusted working day', () => {
    expect(calendar.dayInfo('2024-02-04')).toEqual({
      date: '2024-02-04',
      isWorkday: true,
      holidayName: '春节',
      published: true,
    });
    expect(calendar.dayInfo('2024-10-03').holidayName).toBe('国庆节');
    expect(calendar.dayInfo('2024-10-08').holidayName).toBeNull();
  });
});

describe('addWorkdays counts the N-th working day after the date', () => {
  it.each([
    [
      '2025-01-24',
      7,
      '2025-02-10',
      'across the 2025 Spring Festival, with the adjusted Sunday 01-26 and Saturday 02-08',
    ],
    ['2025-01-27', 1, '2025-02-05', 'from the last working day before the 2025 Spring Festival'],
    ['2024-02-08', 3, '2024-02-19', 'across the 2024 Spring Festival, counting the adjusted Sunday 02-18'],
    ['2024-02-09', 1, '2024-02-18', 'onto an adjusted working Sunday'],
    ['2026-02-13', 2, '2026-02-24', 'across the nine-day 2026 Spring Festival, counting the adjusted Saturday 02-14'],
    ['2024-09-30', 7, '2024-10-15', 'across National Day 2024, counting the adjusted Saturday 10-12'],
    ['2025-09-30', 1, '2025-10-09', 'across the eight-day 2025 National Day holiday'],
    ['2025-09-30', 3, '2025-10-11', 'onto the adjusted working Saturday 2025-10-11'],
    ['2026-09-30', 1, '2026-10-08', 'across National Day 2026'],
    ['2024-05-10', 1, '2024-05-11', 'onto the adjusted working Saturday after Labour Day 2024'],
    ['2020-01-23', 1, '2020-02-03', 'across the 2020 Spring Festival as extended for COVID-19'],
    ['2022-12-30', 1, '2023-01-03', 'across a year boundary whose holiday sits in the next year’s file'],
    ['2024-10-01', 0, '2024-10-01', 'with N = 0, returning the date itself even on a holiday'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(calendar.addWorkdays(date, n)).toEqual({ date: expected, provisional: false, unpublishedYears: [] });
  });

  it.each([
    ['2018-12-28', 1, '2018-12-29', [2018]],
    ['2018-12-29', 1, '2019-01-02', [2018]],
    ['2026-12-31', 1, '2027-01-01', [2027]],
    ['2026-12-25', 10, '2027-01-08', [2027]],
    ['2027-03-01', 0, '2027-03-01', [2027]],
  ])('%s + %i = %s is provisional, touching unpublished years %j', (date, n, expected, years) => {
    expect(calendar.addWorkdays(date, n)).toEqual({ date: expected, provisional: true, unpublishedYears: years });
  });

  it.each([-1, 1.5, Number.NaN])('refuses N = %s', (n) => {
    expect(() => calendar.addWorkdays('2025-01-24', n)).toThrow(RangeError);
  });
});

describe('workdaysBetween counts working days d with a < d <= b', () => {
  it.each([
    ['2024-02-09', '2024-02-19', 2, 'the 2024 Spring Festival: only the adjusted Sunday and the Monday after'],
    ['2024-12-31', '2025-01-31', 19, 'January 2025: 23 weekdays, 5 holidays, 1 adjusted Sunday'],
    ['2023-12-31', '2024-12-31', 251, 'the whole of 2024: 262 weekdays, 19 weekday holidays, 8 adjusted weekend days'],
    ['2022-12-30', '2023-01-03', 1, 'New Year 2023'],
    ['2024-09-30', '2024-10-15', 7, 'National Day 2024, the mirror of addWorkdays'],
    ['2025-09-30', '2025-10-11', 3, 'National Day 2025'],
    ['2020-01-23', '2020-02-03', 1, 'the extended 2020 Spring Festival'],
    ['2025-03-05', '2025-03-05', 0, 'the same day'],
    ['2024-10-01', '2024-10-02', 0, 'two holiday days'],
  ])('between %s and %s is %i (%s)', (a, b, expected) => {
    expect(calendar.workdaysBetween(a, b)).toEqual({ workdays: expected, provisional: false, unpublishedYears: [] });
    expect(calendar.workdaysBetween(b, a).workdays).toBe(expected === 0 ? 0 : -expected);
  });

  it('flags a span into 2027 as provisional and still answers with the weekdays-only rule', () => {
    expect(calendar.workdaysBetween('2026-12-25', '2027-01-08')).toEqual({
      workdays: 10,
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('flags years before the first notice: 2018-01-01 counts as a working day only provisionally', () => {
    expect(calendar.workdaysBetween('2017-12-29', '2018-01-02')).toEqual({
      workdays: 2,
      provisional: true,
      unpublishedYears: [2017, 2018],
    });
  });

  it('agrees with addWorkdays: the N-th working day after a date is N working days after it', () => {
    for (const [date, n] of [
      ['2019-01-31', 20],
      ['2020-01-20', 15],
      ['2021-09-17', 9],
      ['2023-04-28', 30],
      ['2026-06-18', 5],
    ] as const) {
      const { date: end } = calendar.addWorkdays(date, n);
      expect(calendar.workdaysBetween(date, end).workdays).toBe(n);
      expect(calendar.isWorkday(end)).toBe(true);
    }
  });
});
