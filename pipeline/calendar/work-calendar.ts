// Working-day arithmetic on the official calendar. A listed date follows its notice (off, or 调休 workday);
// any other date follows Monday..Friday. Results that touch a year without a published notice say so, because
// for those years the weekdays-only rule is a guess that the notice may overturn.
import { civilDate, dayNumber, weekday, yearOf, type CivilDate } from './civil-date.ts';
import type { HolidayFile } from './holiday-file.ts';

export interface Provisional {
  /** True when a date the computation touched lies in a year without a published calendar. */
  provisional: boolean;
  /** Those years, ascending. */
  unpublishedYears: number[];
}

export interface AddWorkdaysResult extends Provisional {
  date: CivilDate;
}

export interface WorkdaysBetweenResult extends Provisional {
  workdays: number;
}

export interface ListedDay {
  isOffDay: boolean;
  name: string;
  /** The notice year of the file that listed it. */
  fileYear: number;
}

export interface DayInfo {
  date: CivilDate;
  isWorkday: boolean;
  /** Festival name for a date the notice lists (a holiday or an adjusted working day), else null. */
  holidayName: string | null;
  published: boolean;
}

export class WorkCalendar {
  private readonly listed = new Map<number, ListedDay>();
  private readonly published = new Set<number>();

  constructor(files: readonly HolidayFile[]) {
    // Older notices first, so that a later notice listing the same date overrides it.
    for (const file of [...files].sort((a, b) => a.year - b.year)) {
      if (file.days.length > 0) this.published.add(file.year);
      for (const d of file.days)
        this.listed.set(dayNumber(d.date), { isOffDay: d.isOffDay, name: d.name, fileYear: file.year });
    }
  }

  isPublished(year: number): boolean {
    return this.published.has(year);
  }

  publishedYears(): number[] {
    return [...this.published].sort((a, b) => a - b);
  }

  /** Every listed date, ascending: what the database table is built from. */
  listedDays(): Array<{ date: CivilDate } & ListedDay> {
    return [...this.listed.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([day, info]) => ({ date: civilDate(day), ...info }));
  }

  isWorkday(date: CivilDate): boolean {
    return this.isWorkdayNumber(dayNumber(date));
  }

  dayInfo(date: CivilDate): DayInfo {
    const day = dayNumber(date);
    return {
      date,
      isWorkday: this.isWorkdayNumber(day),
      holidayName: this.listed.get(day)?.name ?? null,
      published: this.published.has(yearOf(day)),
    };
  }

  /** The n-th working day after `date` (date itself not counted); n = 0 gives `date`. */
  addWorkdays(date: CivilDate, n: number): AddWorkdaysResult {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`the number of working days must be a whole number >= 0, found ${n}`);
    const start = dayNumber(date);
    let day = start;
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.isWorkdayNumber(day)) left -= 1;
    }
    return { date: civilDate(day), ...this.provisionalOver(start, day) };
  }

  /** Working days d with a < d <= b; negative (the mirror count) when b is before a. */
  workdaysBetween(a: CivilDate, b: CivilDate): WorkdaysBetweenResult {
    const [from, to] = [dayNumber(a), dayNumber(b)];
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorkdayNumber(day)) count++;
    // `|| 0` keeps an empty reversed span at 0, not -0.
    return { workdays: from <= to ? count : -count || 0, ...this.provisionalOver(lo, hi) };
  }

  /** Provisional status of the dates lo..hi (day numbers, inclusive). */
  provisionalOver(lo: number, hi: number): Provisional {
    const unpublishedYears: number[] = [];
    for (let year = yearOf(lo); year <= yearOf(hi); year++) if (!this.published.has(year)) unpublishedYears.push(year);
    return { provisional: unpublishedYears.length > 0, unpublishedYears };
  }

  private isWorkdayNumber(day: number): boolean {
    const listed = this.listed.get(day);
    if (listed) return !listed.isOffDay;
    const wd = weekday(day);
    return wd >= 1 && wd <= 5;
  }
}
