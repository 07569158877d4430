// Next run times. Cron fields come from cron-parser (the same 5-field syntax node-cron runs), read in the
// schedule's time zone; a job with a working-day filter keeps only the cron times that pass the filter.
//
// Why a filter: "the first working day of the quarter" depends on the official holiday notice of each year
// (元旦, 清明, 国庆 and their adjusted working days), which no cron expression can know. The cron expression names
// the candidate days (09:00 on days 1-10 of January, April, July, October) and the filter keeps the one that is
// the quarter's first working day by pipeline/calendar. Days 1-10, not 1-7: in 2025 the National Day holiday
// runs 1-8 October, so the first working day of 2025Q4 is 9 October.
import { CronExpressionParser } from 'cron-parser';
import { isWorkday, addWorkdays, loadCalendar, type WorkCalendar } from '../calendar/index.ts';
import type { ScheduleConfig, WorkdayFilter } from './config.ts';

export const TIMEZONE = 'Asia/Shanghai';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The civil date (YYYY-MM-DD) of an instant in a time zone. */
export function civilDateIn(instant: Date, timezone = TIMEZONE): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timezone, format);
  }
  return format.format(instant);
}

/** The first official working day of the quarter containing `date` (YYYY-MM-DD). */
export function firstWorkdayOfQuarter(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return isWorkday(first) ? first : addWorkdays(first, 1).date;
}

/** Does an instant pass a schedule's working-day filter? */
export function passesFilter(filter: WorkdayFilter | undefined, instant: Date, timezone = TIMEZONE): boolean {
  if (filter === undefined) return true;
  const day = civilDateIn(instant, timezone);
  return day === firstWorkdayOfQuarter(day);
}

interface Found {
  calendar: WorkCalendar | null;
  from: number;
  runs: Date[];
}
/** The last answer per schedule, time zone and count (see nextRuns). */
const found = new Map<string, Found>();

/**
 * The next `count` run times of a schedule strictly after `from`. A filtered schedule is searched through at
 * most `maxCandidates` cron times (enough for years of quarterly candidates).
 *
 * The answer for `from` is also the answer for any later instant before its first run (no cron time in between
 * passes the filter, or it would have been that first run), so it is kept until then, or until the calendar the
 * filter reads is reloaded (in this process: `shifan calendar load` in another process reaches a running server when
 * it restarts, as for every other use of the calendar): searching takes cron-parser some 10–35 ms per schedule,
 * which `/api/jobs` and the data page would otherwise pay on every view.
 */
export function nextRuns(
  schedule: Pick<ScheduleConfig, 'cron' | 'workday_filter'>,
  from: Date,
  count: number,
  timezone = TIMEZONE,
  maxCandidates = 2000,
): Date[] {
  const key = JSON.stringify([schedule.cron, schedule.workday_filter ?? null, timezone, count, maxCandidates]);
  // only a filtered schedule reads the calendar (a broken calendar file must not stop plain cron schedules)
  const calendar = schedule.workday_filter === undefined ? null : loadCalendar();
  const last = found.get(key);
  const at = from.getTime();
  if (last && last.calendar === calendar && last.from <= at && at < last.runs[0]!.getTime())
    return last.runs.map((d) => new Date(d));
  const runs = searchRuns(schedule, from, count, timezone, maxCandidates);
  // a search cut short by maxCandidates could find more from a later instant: not kept
  if (runs.length === count && count > 0) found.set(key, { calendar, from: at, runs: runs.map((d) => new Date(d)) });
  return runs;
}

function searchRuns(
  schedule: Pick<ScheduleConfig, 'cron' | 'workday_filter'>,
  from: Date,
  count: number,
  timezone: string,
  maxCandidates: number,
): Date[] {
  const expr = CronExpressionParser.parse(schedule.cron, { currentDate: from, tz: timezone });
  const runs: Date[] = [];
  for (let i = 0; i < maxCandidates && runs.length < count && expr.hasNext(); i++) {
    const candidate = expr.next().toDate();
    if (passesFilter(schedule.workday_filter, candidate, timezone)) runs.push(candidate);
  }
  return runs;
}
