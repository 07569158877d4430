// The folder of holiday files (data/calendar, or SHIFAN_CALENDAR_DIR) and the calendar built from it. Reading
// files directly, not the database, lets `shifan workdays` answer while a server holds the DuckDB file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../db/paths.ts';
import { CalendarFileError, parseHolidayFile, type HolidayFile } from './holiday-file.ts';
import { WorkCalendar } from './work-calendar.ts';

/** Only `<year>.json` files are notices; schema.json and LICENSE sit beside them. */
export const HOLIDAY_FILE_NAME = /^\d{4}\.json$/;

export function calendarDir(): string {
  return process.env.SHIFAN_CALENDAR_DIR ?? join(dataDir, 'calendar');
}

export interface CalendarSource {
  dir: string;
  files: HolidayFile[];
  /** SHA-256 over every notice file's name and bytes, in name order: changes whenever the data does. */
  sha256: string;
}

export function readCalendarDir(dir: string = calendarDir()): CalendarSource {
  const names = readdirSync(dir)
    .filter((f) => HOLIDAY_FILE_NAME.test(f))
    .sort();
  const hash = createHash('sha256');
  const files = names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
    const file = parseHolidayFile(bytes.toString('utf8'), join(dir, name));
    // "Published" is decided per notice year, so a file must be named after the year it declares.
    if (name !== `${file.year}.json`)
      throw new CalendarFileError(file.source, `declares year ${file.year}; rename it ${file.year}.json`);
    return file;
  });
  return { dir, files, sha256: hash.digest('hex') };
}

const cache = new Map<string, WorkCalendar>();

/** The calendar of a folder, read once per process (call forgetCalendars() after changing the folder). */
export function loadCalendar(dir: string = calendarDir()): WorkCalendar {
  let calendar = cache.get(dir);
  if (!calendar) {
    calendar = new WorkCalendar(readCalendarDir(dir).files);
    cache.set(dir, calendar);
  }
  return calendar;
}

export function forgetCalendars(): void {
  cache.clear();
}
