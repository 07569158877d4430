// The round's timetable and the public notice are counted in working days on the official calendar (data/calendar):
// weekends, holidays and the adjusted working weekends (调休) included; unpublished years say so.
import { describe, expect, it } from 'vitest';
import { buildTimetable, noticePeriod } from '../../pipeline/naming/index.ts';

describe('the notice period', () => {
  it('counts a notice opened on a working day from that day: 5 working days from Monday 2024-06-03 end on Friday', () => {
    expect(noticePeriod('2024-06-03', 5)).toEqual({
      starts_on: '2024-06-03',
      ends_on: '2024-06-07',
      workdays: 5,
      provisional: false,
    });
  });

  it('skips National Day and counts the adjusted working Sunday: 5 working days from 2024-09-27 end on 2024-10-09', () => {
    // 2024-09-27 Fri (1), 09-29 Sun is a working day (2), 09-30 Mon (3), 10-01..07 holiday, 10-08 (4), 10-09 (5)
    expect(noticePeriod('2024-09-27', 5).ends_on).toBe('2024-10-09');
  });

  it('starts counting on the next working day when the notice opens on a holiday', () => {
    // 2025-10-01 is National Day; the holiday runs to 10-08 and Saturday 10-11 is an adjusted working day
    expect(noticePeriod('2025-10-01', 2).ends_on).toBe('2025-10-10');
    expect(noticePeriod('2025-10-01', 3).ends_on).toBe('2025-10-11');
  });

  it('marks a notice provisional when it runs into a year whose holiday notice is not published', () => {
    const p = noticePeriod('2027-01-25', 5);
    expect(p.provisional).toBe(true);
    expect(p.ends_on).toBe('2027-01-29');
  });

  it('refuses a notice of no working days', () => {
    expect(() => noticePeriod('2024-06-03', 0)).toThrow(/1 or more working days/);
  });
});

describe('the timetable', () => {
  it('puts each step the stated working days after the step before it, on the official calendar', () => {
    const t = buildTimetable('2024-09-27', { prereview: 3, evaluation: 1, field_check: 1, notice: 1, naming: 1 });
    expect(t.map((s) => [s.step, s.due, s.workdays])).toEqual([
      ['applications', '2024-09-27', null],
      ['prereview', '2024-10-08', 3], // 09-29 (调休), 09-30, 10-08
      ['evaluation', '2024-10-09', 1],
      ['field_check', '2024-10-10', 1],
      ['notice', '2024-10-11', 1],
      ['naming', '2024-10-12', 1], // Saturday 10-12 is an adjusted working day
    ]);
  });
});
