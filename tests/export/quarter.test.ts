import { describe, expect, it } from 'vitest';
import {
  defaultExportQuarter,
  formatQuarter,
  parseQuarter,
  previousQuarter,
  quarterLabelZh,
  quarterOf,
  quarterRange,
  QuarterError,
  reportingYear,
} from '../../pipeline/export/index.ts';

describe('quarters', () => {
  it.each(['2025Q3', '2025q3', '2025-Q3', ' 2025Q3 '])('reads %j as 2025Q3', (text) => {
    expect(formatQuarter(parseQuarter(text))).toBe('2025Q3');
  });

  it.each(['2025Q5', '2025', 'Q3 2025', '25Q3'])('refuses %j, showing the expected form', (text) => {
    expect(() => parseQuarter(text)).toThrow(QuarterError);
    expect(() => parseQuarter(text)).toThrow(/YYYYQn, e.g. 2025Q3/);
  });

  it.each([
    ['2025Q1', '2025-01-01', '2025-03-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2025Q2', '2025-04-01', '2025-06-30'],
    ['2025Q3', '2025-07-01', '2025-09-30'],
    ['2025Q4', '2025-10-01', '2025-12-31'],
  ])('%s runs from %s to %s', (q, start, end) => {
    expect(quarterRange(parseQuarter(q))).toEqual({ start, end });
  });

  it('labels a quarter in Chinese and reports on the previous full year', () => {
    expect(quarterLabelZh(parseQuarter('2025Q3'))).toBe('2025年第3季度');
    expect(reportingYear(parseQuarter('2025Q3'))).toBe(2024);
  });

  it('finds the quarter that just ended from a day of the next one', () => {
    expect(formatQuarter(previousQuarter(quarterOf('2025-10-09')))).toBe('2025Q3');
    expect(formatQuarter(previousQuarter(quarterOf('2026-01-04')))).toBe('2025Q4');
  });

  it.each([
    // the demo: scored through 2024, today in 2026Q4: the quarter that just ended (2026Q3) reports on 2025,
    // which has no scores; the latest quarter reporting on 2024 is 2025Q4
    ['2026-12-01', 2024, '2025Q4'],
    // scored through 2025: 2026Q3 reports on it
    ['2026-12-01', 2025, '2026Q3'],
    ['2026-01-15', 2025, '2025Q4'],
    ['2026-01-15', null, '2025Q4'],
  ] as const)('proposes on %s, with %s the latest scored year, %s', (today, scored, want) => {
    expect(formatQuarter(defaultExportQuarter(today, scored))).toBe(want);
  });
});
