// Keeps the calendar_days table in step with data/calendar. Runs at every (writable) open through setup
// (pipeline/setup/open.ts); a SHA-256 of the files, the fill SQL and the range means an
// unchanged calendar costs one small query.
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { calendarDir, readCalendarDir } from './calendar-dir.ts';
import { dayNumber, yearOf } from './civil-date.ts';
import { WorkCalendar } from './work-calendar.ts';

/** The table always covers at least these years; a notice for a later year extends it to that year's end. */
export const CALENDAR_TABLE_YEARS = { first: 2018, last: 2031 } as const;

const FILL_SQL = 'calendar/fill_days';

export interface CalendarTableRefresh {
  refreshed: boolean;
  sha256: string;
  from: string;
  to: string;
}

export async function refreshCalendarTable(db: Database, dir: string = calendarDir()): Promise<CalendarTableRefresh> {
  const source = readCalendarDir(dir);
  const calendar = new WorkCalendar(source.files);
  const listed = calendar.listedDays();
  const years = [...listed.map((d) => yearOf(dayNumber(d.date))), ...source.files.map((f) => f.year)];
  const from = `${Math.min(CALENDAR_TABLE_YEARS.first, ...years)}-01-01`;
  const to = `${Math.max(CALENDAR_TABLE_YEARS.last, ...years)}-12-31`;
  const sha256 = createHash('sha256')
    .update(`${source.sha256}\n${from}..${to}\n${sqlText(FILL_SQL)}`)
    .digest('hex');

  const current = await db.one<{ sha256: string }>(`SELECT sha256 FROM reference_sources WHERE name = 'calendar'`);
  if (current?.sha256 === sha256) return { refreshed: false, sha256, from, to };

  const listing = JSON.stringify(listed.map((d) => ({ date: d.date, off: d.isOffDay, name: d.name })));
  await db.transaction(async () => {
    await db.run('DELETE FROM calendar_days');
    await db.runFile(FILL_SQL, { listing, published: JSON.stringify(calendar.publishedYears()), from, to });
    await db.run(`INSERT OR REPLACE INTO reference_sources VALUES ('calendar', $1, current_localtimestamp())`, [
      sha256,
    ]);
  });
  return { refreshed: true, sha256, from, to };
}
