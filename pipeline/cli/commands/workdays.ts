// `shifan workdays add DATE N` / `shifan workdays between A B`: the calendar arithmetic the indicators use.
// Reads data/calendar directly (no database), so it answers even while a server holds the DuckDB file.
import type { Command } from 'commander';
import {
  addWorkdays,
  InvalidDateError,
  isCivilDate,
  type Provisional,
  provisionalWarnings,
  workdaysBetween,
} from '../../calendar/index.ts';
import { cliErr, cliOut, optionsOf, printJson, UsageError } from '../context.ts';

export function registerWorkdays(program: Command): void {
  const workdays = program
    .command('workdays')
    .description('working-day arithmetic on the official calendar (weekends, holidays and 调休 workdays)');

  workdays
    .command('add <date> <n>')
    .description('the N-th working day after DATE (DATE itself not counted; N = 0 gives DATE)')
    .action((date: string, n: string, _opts, cmd: Command) => {
      const result = addWorkdays(civilDateArg(date), countArg(n));
      report(cmd, result, { date: result.date }, result.date);
    });

  workdays
    .command('between <a> <b>')
    .description('number of working days d with A < d <= B (negative when B is before A)')
    .action((a: string, b: string, _opts, cmd: Command) => {
      const result = workdaysBetween(civilDateArg(a), civilDateArg(b));
      report(cmd, result, { workdays: result.workdays }, String(result.workdays));
    });
}

/** The answer alone on stdout (scripts read it); provisional warnings on stderr. */
function report(cmd: Command, result: Provisional, value: Record<string, unknown>, text: string): void {
  for (const line of provisionalWarnings(result.unpublishedYears)) cliErr.write(`${line}\n`);
  if (optionsOf(cmd).json)
    printJson({ ...value, provisional: result.provisional, unpublished_years: result.unpublishedYears });
  else cliOut.write(`${text}\n`);
}

function civilDateArg(value: string): string {
  if (!isCivilDate(value)) throw new UsageError(new InvalidDateError(value).message);
  return value;
}

function countArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`N must be a whole number of working days >= 0, found "${value}"`);
  return Number(value);
}
