// `shifan calendar load`: a newer notice arrives as data. The file is checked, then copied byte for byte as
// <year>.json, so the folder keeps the upstream format and the same reader serves old and new years.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDir, forgetCalendars } from './calendar-dir.ts';
import { CalendarFileError, parseHolidayFile } from './holiday-file.ts';

export interface InstallResult {
  year: number;
  days: number;
  target: string;
  /** added: no file for that year before; replaced: a different file was there; unchanged: same bytes. */
  status: 'added' | 'replaced' | 'unchanged';
}

export function installHolidayFile(path: string, options: { dir?: string; replace?: boolean } = {}): InstallResult {
  const dir = options.dir ?? calendarDir();
  const bytes = readFileSync(path);
  const file = parseHolidayFile(bytes.toString('utf8'), path);
  const target = join(dir, `${file.year}.json`);
  const result = { year: file.year, days: file.days.length, target };
  if (!existsSync(target)) {
    writeFileSync(target, bytes);
    forgetCalendars();
    return { ...result, status: 'added' };
  }
  const current = readFileSync(target);
  if (current.equals(bytes)) return { ...result, status: 'unchanged' };
  // Replacing an empty placeholder (like the shipped 2027.json) is the normal case; overwriting a notice that
  // already has days changes past deadlines, so it must be asked for.
  const currentDays = parseHolidayFile(current.toString('utf8'), target).days.length;
  if (currentDays > 0 && !options.replace) {
    throw new CalendarFileError(
      path,
      `${target} already holds the ${file.year} calendar (${currentDays} days) and differs from this file; pass --replace to overwrite it`,
    );
  }
  writeFileSync(target, bytes);
  forgetCalendars();
  return { ...result, status: 'replaced' };
}
