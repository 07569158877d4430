// Civil dates ("YYYY-MM-DD", Asia/Shanghai wall calendar) as day numbers since 1970-01-01. All arithmetic goes
// through Date.UTC so no local time zone or daylight-saving shift can move a date.

export type CivilDate = string;

const MS_PER_DAY = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
  constructor(readonly value: string) {
    super(`expected a date as YYYY-MM-DD (e.g. 2025-01-24), found "${value}"`);
  }
}

/** Day number of a YYYY-MM-DD date; rejects other forms and impossible dates such as 2025-02-30. */
export function dayNumber(date: CivilDate): number {
  const m = CIVIL_DATE.exec(date);
  if (!m) throw new InvalidDateError(date);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02; a round trip that changes the date means it did not exist.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new InvalidDateError(date);
  }
  return ms / MS_PER_DAY;
}

export function isCivilDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function civilDate(day: number): CivilDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
