// What `shifan calendar status` shows: each notice file and whether its year counts as published.
import { calendarDir, readCalendarDir } from './calendar-dir.ts';

export interface CalendarYearStatus {
  year: number;
  file: string;
  days: number;
  offDays: number;
  adjustedWorkdays: number;
  /** A year is published only when its own file lists days; an empty file (2027.json as shipped) is not. */
  published: boolean;
}

export function calendarStatus(dir: string = calendarDir()): CalendarYearStatus[] {
  return readCalendarDir(dir)
    .files.map((f) => ({
      year: f.year,
      file: `${f.year}.json`,
      days: f.days.length,
      offDays: f.days.filter((d) => d.isOffDay).length,
      adjustedWorkdays: f.days.filter((d) => !d.isOffDay).length,
      published: f.days.length > 0,
    }))
    .sort((a, b) => a.year - b.year);
}
