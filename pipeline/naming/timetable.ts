// A round's timetable: the steps of section 三 in order, each due a stated number of working days after the one
// before it (the first on a date the office sets), counted on the official calendar (pipeline/calendar). A due date
// that relies on a year whose holiday notice is not yet published is marked provisional, never silently weekdays-only.
import { addWorkdays, isWorkday } from '../calendar/index.ts';

export const ROUND_STEPS = ['applications', 'prereview', 'evaluation', 'field_check', 'notice', 'naming'] as const;
export type RoundStep = (typeof ROUND_STEPS)[number];

/** Working days after the previous step's due date, by default. The seed sets no durations: these are the office's. */
export const DEFAULT_STEP_WORKDAYS: Record<Exclude<RoundStep, 'applications'>, number> = {
  prereview: 20,
  evaluation: 40,
  field_check: 20,
  notice: 5,
  naming: 10,
};

export interface TimetableStep {
  step: RoundStep;
  due: string;
  /** Working days after the previous step (null for the first, which is a date). */
  workdays: number | null;
  provisional: boolean;
}

export function buildTimetable(
  applicationsDue: string,
  workdays: Partial<Record<Exclude<RoundStep, 'applications'>, number>> = {},
): TimetableStep[] {
  const steps: TimetableStep[] = [{ step: 'applications', due: applicationsDue, workdays: null, provisional: false }];
  let prev = applicationsDue;
  for (const step of ROUND_STEPS.slice(1) as Exclude<RoundStep, 'applications'>[]) {
    const n = workdays[step] ?? DEFAULT_STEP_WORKDAYS[step];
    const r = addWorkdays(prev, n);
    steps.push({ step, due: r.date, workdays: n, provisional: r.provisional });
    prev = r.date;
  }
  return steps;
}

export interface NoticePeriod {
  starts_on: string;
  ends_on: string;
  workdays: number;
  provisional: boolean;
}

/**
 * A public notice of N working days that opens on `start`: the start counts as the first day when it is a working
 * day (a notice published on a Monday for 5 working days ends that Friday); a notice published on a rest day starts
 * counting on the next working day. The notice is over when the day after `ends_on` begins.
 */
export function noticePeriod(start: string, workdays: number): NoticePeriod {
  if (!Number.isInteger(workdays) || workdays < 1)
    throw new Error(`a notice lasts 1 or more working days, got ${workdays}`);
  const first = isWorkday(start) ? 0 : 1;
  const end = addWorkdays(start, workdays - 1 + first);
  return { starts_on: start, ends_on: end.date, workdays, provisional: end.provisional };
}
