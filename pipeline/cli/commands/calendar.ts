// `shifan calendar status|load`: which years have an official holiday notice, and adding a newer one as data.
import type { Command } from 'commander';
import { calendarDir, calendarStatus, installHolidayFile } from '../../calendar/index.ts';
import { DatabaseBusyError } from '../../db/index.ts';
import { optionsOf, printJson, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('the official holiday calendar: published years, loading a newer notice');

  calendar
    .command('status')
    .description('list the notice years in the calendar folder and whether each is published')
    .action((_opts, cmd: Command) => {
      const years = calendarStatus();
      if (optionsOf(cmd).json) return printJson({ dir: calendarDir(), years });
      const rows = years.map((y) => [y.year, y.file, y.days, y.offDays, y.adjustedWorkdays, y.published ? 'yes' : 'no (weekdays-only rule, provisional)']);
      process.stdout.write(`${formatTable(['year', 'file', 'days', 'off', 'adjusted workdays', 'published'], rows)}\n`);
      process.stdout.write(`calendar folder: ${calendarDir()}\nyears without a published file are computed with the weekdays-only rule and flagged provisional\n`);
    });

  calendar
    .command('load <file>')
    .description('check a holiday-cn format JSON file, copy it into the calendar folder as <year>.json and refresh calendar_days')
    .option('--replace', 'overwrite a year that already has a different published calendar')
    .action(async (file: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ replace?: boolean }>(cmd);
      const result = installHolidayFile(file, { replace: opts.replace });
      // Opening the database through setup refreshes calendar_days (pipeline/setup/open.ts). A busy database is not a
      // failure: the file is in place and the table follows at the next open.
      let table: 'refreshed' | 'deferred' = 'refreshed';
      try {
        await withDatabase(cmd, async () => undefined);
      } catch (err) {
        if (!(err instanceof DatabaseBusyError)) throw err;
        table = 'deferred';
        process.stderr.write(`note: ${err.message}; calendar_days will be refreshed the next time the database is opened\n`);
      }
      if (opts.json) return printJson({ ...result, calendar_days: table });
      const days = result.days === 0 ? 'no days: the year stays unpublished' : `${result.days} day${result.days === 1 ? '' : 's'}`;
      process.stdout.write(`${result.year}: ${result.status} ${result.target} (${days}); calendar_days ${table}\n`);
    });
}
