import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDir } from '../../pipeline/db/paths.ts';
import {
  CalendarFileError,
  calendarStatus,
  installHolidayFile,
  loadCalendar,
  parseHolidayFile,
  readCalendarDir,
  WorkCalendar,
} from '../../pipeline/calendar/index.ts';

const shipped = join(dataDir, 'calendar');
// A made-up notice used only as test input: no real 2027 schedule is claimed here.
const FIXTURE_2027 = JSON.stringify({
  year: 2027,
  papers: [],
  days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
});

describe('reading a holiday-cn file', () => {
  it.each([
    ['not json', /not valid JSON/],
    ['[]', /"year" must be a whole number/],
    ['{"year": "2027", "days": []}', /"year" must be a whole number/],
    ['{"year": 2027}', /"days" must be an array/],
    [
      '{"year": 2027, "days": [{"name": "元旦", "date": "2027-1-1", "isOffDay": true}]}',
      /days\[0\]\.date must be a date as YYYY-MM-DD/,
    ],
    [
      '{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": "yes"}]}',
      /days\[0\]\.isOffDay must be true or false/,
    ],
    ['{"year": 2027, "days": [{"date": "2027-01-01", "isOffDay": true}]}', /days\[0\]\.name must be text/],
    [
      '{"year": 2027, "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}]}',
      /outside the notice year 2027/,
    ],
  ])('rejects %s, naming the file and the problem', (text, message) => {
    expect(() => parseHolidayFile(text, 'x.json')).toThrow(CalendarFileError);
    expect(() => parseHolidayFile(text, 'x.json')).toThrow(message);
    expect(() => parseHolidayFile(text, 'x.json')).toThrow(/^x\.json: /);
  });

  it('accepts the end of the previous year in a notice, as 2019.json lists 2018-12-29', () => {
    const file = parseHolidayFile(readFileSync(join(shipped, '2019.json'), 'utf8'), '2019.json');
    expect(file.year).toBe(2019);
    expect(file.days[0]).toEqual({ name: '元旦', date: '2018-12-29', isOffDay: false });
  });

  it('reads every notice file of the folder and skips schema.json', () => {
    const source = readCalendarDir(shipped);
    expect(source.files.map((f) => f.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a later notice override an earlier one for the same date', () => {
    const older = { year: 2025, papers: [], days: [{ name: 'a', date: '2025-12-31', isOffDay: true }], source: '2025' };
    const newer = {
      year: 2026,
      papers: [],
      days: [{ name: 'b', date: '2025-12-31', isOffDay: false }],
      source: '2026',
    };
    for (const files of [
      [older, newer],
      [newer, older],
    ]) {
      const cal = new WorkCalendar(files);
      expect(cal.isWorkday('2025-12-31')).toBe(true);
      expect(cal.dayInfo('2025-12-31').holidayName).toBe('b');
    }
  });
});

describe('calendar status', () => {
  it('lists each year with its counts, and 2027 as not published', () => {
    const years = calendarStatus(shipped);
    expect(years.map((y) => [y.year, y.days, y.offDays, y.adjustedWorkdays, y.published])).toEqual([
      [2019, 31, 24, 7, true],
      [2020, 37, 30, 7, true],
      [2021, 38, 31, 7, true],
      [2022, 38, 31, 7, true],
      [2023, 34, 27, 7, true],
      [2024, 36, 28, 8, true],
      [2025, 33, 28, 5, true],
      [2026, 39, 33, 6, true],
      [2027, 0, 0, 0, false],
    ]);
  });
});

describe('loading a newer calendar as data', () => {
  let dir: string;
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'shifan-cal-'));
    dir = join(work, 'calendar');
    cpSync(shipped, dir, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('replaces the empty 2027 placeholder byte for byte and makes 2027 published', () => {
    const src = join(work, 'notice-2027.json');
    writeFileSync(src, FIXTURE_2027);
    expect(loadCalendar(dir).isPublished(2027)).toBe(false);
    const result = installHolidayFile(src, { dir });
    expect(result).toEqual({ year: 2027, days: 1, target: join(dir, '2027.json'), status: 'replaced' });
    expect(readFileSync(join(dir, '2027.json'), 'utf8')).toBe(FIXTURE_2027);
    const cal = loadCalendar(dir);
    expect(cal.isPublished(2027)).toBe(true);
    expect(cal.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: false, unpublishedYears: [] });
  });

  it('reports an identical file as unchanged', () => {
    expect(installHolidayFile(join(shipped, '2024.json'), { dir }).status).toBe('unchanged');
  });

  it('adds a year that had no file', () => {
    const src = join(work, 'n.json');
    writeFileSync(src, JSON.stringify({ year: 2028, papers: [], days: [] }));
    expect(installHolidayFile(src, { dir })).toMatchObject({ year: 2028, status: 'added' });
    expect(calendarStatus(dir).at(-1)).toMatchObject({ year: 2028, published: false });
  });

  it('refuses to overwrite a published year that differs unless asked to replace it', () => {
    const src = join(work, 'n.json');
    writeFileSync(
      src,
      JSON.stringify({ year: 2024, papers: [], days: [{ name: 'x', date: '2024-03-01', isOffDay: true }] }),
    );
    expect(() => installHolidayFile(src, { dir })).toThrow(/already holds the 2024 calendar \(36 days\).*--replace/);
    expect(installHolidayFile(src, { dir, replace: true }).status).toBe('replaced');
  });

  it('refuses a file that is not a holiday-cn notice, and leaves the folder alone', () => {
    const src = join(work, 'bad.json');
    writeFileSync(src, '{"year": 2027, "days": [{"name": "x", "date": "2027-02-30", "isOffDay": true}]}');
    expect(() => installHolidayFile(src, { dir })).toThrow(/days\[0\]\.date/);
    expect(readFileSync(join(dir, '2027.json'), 'utf8')).toBe(readFileSync(join(shipped, '2027.json'), 'utf8'));
  });

  it('refuses a folder file whose name does not match the year it declares', () => {
    writeFileSync(join(dir, '2028.json'), FIXTURE_2027);
    expect(() => readCalendarDir(dir)).toThrow(/declares year 2027; rename it 2027\.json/);
  });
});
