// Public surface of the working-day calendar. The free functions use the product's calendar folder
// (data/calendar or SHIFAN_CALENDAR_DIR); loadCalendar(dir) gives a calendar over any other folder.
import type { CivilDate } from './civil-date.ts';
import { loadCalendar } from './calendar-dir.ts';
import type { AddWorkdaysResult, DayInfo, WorkdaysBetweenResult } from './work-calendar.ts';

export {
  WorkCalendar,
  type AddWorkdaysResult,
  type WorkdaysBetweenResult,
  type Provisional,
  type DayInfo,
  type ListedDay,
} from './work-calendar.ts';
export {
  calendarDir,
  loadCalendar,
  readCalendarDir,
  forgetCalendars,
  HOLIDAY_FILE_NAME,
  type CalendarSource,
} from './calendar-dir.ts';
export { parseHolidayFile, CalendarFileError, type HolidayFile, type HolidayDay } from './holiday-file.ts';
export { installHolidayFile, type InstallResult } from './install.ts';
export { calendarStatus, type CalendarYearStatus } from './status.ts';
export { refreshCalendarTable, CALENDAR_TABLE_YEARS, type CalendarTableRefresh } from './calendar-table.ts';
export { dayNumber, civilDate, isCivilDate, weekday, InvalidDateError, type CivilDate } from './civil-date.ts';

/** Is `date` a working day on the official calendar (weekdays-only rule in unpublished years)? */
export function isWorkday(date: CivilDate): boolean {
  return loadCalendar().isWorkday(date);
}

/** The n-th working day after `date` (n >= 0; `date` itself not counted, n = 0 gives `date`). */
export function addWorkdays(date: CivilDate, n: number): AddWorkdaysResult {
  return loadCalendar().addWorkdays(date, n);
}

/** Number of working days d with a < d <= b; negative when b is before a. */
export function workdaysBetween(a: CivilDate, b: CivilDate): WorkdaysBetweenResult {
  return loadCalendar().workdaysBetween(a, b);
}

export function dayInfo(date: CivilDate): DayInfo {
  return loadCalendar().dayInfo(date);
}

/** The stderr line for a provisional result, one per unpublished year. */
export function provisionalWarnings(unpublishedYears: readonly number[]): string[] {
  return unpublishedYears.map(
    (y) => `warning: ${y} has no published holiday calendar; weekdays-only rule used, result is provisional`,
  );
}
