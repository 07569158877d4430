import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, InvalidDateError, isCivilDate, weekday } from '../../pipeline/calendar/index.ts';

describe('civil dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2024-02-29', 19782],
    ['2025-01-24', 20112],
  ])('reads %s as day number %i and writes it back unchanged', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(civilDate(day)).toBe(date);
  });

  it.each(['2025-02-30', '2023-02-29', '2025-13-01', '2025-1-24', '2025/01/24', '20250124', '2025-01-24T00:00', ''])(
    'rejects "%s", naming the expected form',
    (value) => {
      expect(isCivilDate(value)).toBe(false);
      expect(() => dayNumber(value)).toThrow(InvalidDateError);
      expect(() => dayNumber(value)).toThrow(/YYYY-MM-DD/);
    },
  );

  it.each([
    ['2024-02-04', 0, 'Sunday'],
    ['2018-12-29', 6, 'Saturday'],
    ['2025-10-11', 6, 'Saturday'],
    ['2027-01-01', 5, 'Friday'],
    ['1969-12-31', 3, 'Wednesday'],
  ])('knows %s is weekday %i (%s), before 1970 too', (date, wd) => {
    expect(weekday(dayNumber(date))).toBe(wd);
  });

  it('round-trips every day from 2018 to 2031 without a time-zone shift', () => {
    const first = dayNumber('2018-01-01');
    const last = dayNumber('2031-12-31');
    for (let d = first; d <= last; d++) expect(dayNumber(civilDate(d))).toBe(d);
    expect(last - first + 1).toBe(5113);
  });
});
