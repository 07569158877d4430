// Reading one holiday-cn file (the State Council notice of a year, as published by NateScarlet/holiday-cn).
// The file is the boundary: it is checked here once, and the calendar trusts what comes out.
import { dayNumber, isCivilDate, yearOf } from './civil-date.ts';

export interface HolidayDay {
  name: string;
  date: string;
  isOffDay: boolean;
}

export interface HolidayFile {
  /** The notice year: the file's own `year`, which may differ from the years of its dates. */
  year: number;
  papers: string[];
  days: HolidayDay[];
  /** Where it was read from, for messages. */
  source: string;
}

export class CalendarFileError extends Error {
  override name = 'CalendarFileError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** Parses and checks a holiday-cn file; every problem names the file and the entry. */
export function parseHolidayFile(text: string, source: string): HolidayFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CalendarFileError(source, `not valid JSON (${(err as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null)
    throw new CalendarFileError(source, 'expected a JSON object { year, papers, days }');
  const { year, papers, days } = doc as Record<string, unknown>;
  if (!Number.isInteger(year) || (year as number) < 1949 || (year as number) > 2999) {
    throw new CalendarFileError(source, `"year" must be a whole number such as 2027, found ${JSON.stringify(year)}`);
  }
  if (!Array.isArray(days)) throw new CalendarFileError(source, '"days" must be an array of { name, date, isOffDay }');
  const checked = days.map((entry, i) => checkDay(entry, i, year as number, source));
  const paperList = Array.isArray(papers) ? papers.filter((p): p is string => typeof p === 'string') : [];
  return { year: year as number, papers: paperList, days: checked, source };
}

function checkDay(entry: unknown, i: number, fileYear: number, source: string): HolidayDay {
  const where = `days[${i}]`;
  if (typeof entry !== 'object' || entry === null)
    throw new CalendarFileError(source, `${where} must be an object { name, date, isOffDay }`);
  const { name, date, isOffDay } = entry as Record<string, unknown>;
  if (typeof date !== 'string' || !isCivilDate(date)) {
    throw new CalendarFileError(source, `${where}.date must be a date as YYYY-MM-DD, found ${JSON.stringify(date)}`);
  }
  if (typeof isOffDay !== 'boolean')
    throw new CalendarFileError(source, `${where}.isOffDay must be true or false, found ${JSON.stringify(isOffDay)}`);
  if (typeof name !== 'string')
    throw new CalendarFileError(source, `${where}.name must be text, found ${JSON.stringify(name)}`);
  // A notice moves days in its own year and, around New Year, the end of the previous one (2019.json holds
  // 2018-12-29). A date further away means the file is not what it claims to be.
  const dateYear = yearOf(dayNumber(date));
  if (dateYear !== fileYear && dateYear !== fileYear - 1) {
    throw new CalendarFileError(
      source,
      `${where}.date ${date} lies outside the notice year ${fileYear} (and the end of ${fileYear - 1})`,
    );
  }
  return { name, date, isOffDay };
}
