// Day arithmetic for generating 20 million rows quickly: days are small integers (0 = 2019-01-01), and every
// per-day fact (working day or not, the date in each accepted spelling, working-day sequence) is precomputed
// once into arrays. Whether a day is a working day comes from pipeline/calendar (isWorkday); the holiday
// rules are not repeated here.

export const FIRST_DAY = '2019-01-01';
export const LAST_DAY = '2026-12-31';
const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(2019, 0, 1);

export type DateForm = 'iso' | 'slash' | 'cn';

export interface DayTable {
  /** Number of days in the table; day indices run 0..size-1. */
  size: number;
  iso: string[];
  slash: string[];
  cn: string[];
  year: Int16Array;
  month: Int8Array;
  work: Uint8Array;
  /** workdays[k] = the day index of the k-th working day in the table (ascending). */
  workdays: Int32Array;
  /** workdaysUpTo[d] = number of working days in 0..d (inclusive). */
  workdaysUpTo: Int32Array;
}

export function dayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / MS_PER_DAY);
}

/** Midnight UTC of the day, which exceljs writes as that calendar date. */
export function utcDate(day: number): Date {
  return new Date(EPOCH_MS + day * MS_PER_DAY);
}

export function buildDayTable(isWorkday: (date: string) => boolean): DayTable {
  const size = dayIndex(LAST_DAY) + 1;
  const iso: string[] = new Array(size);
  const slash: string[] = new Array(size);
  const cn: string[] = new Array(size);
  const year = new Int16Array(size);
  const month = new Int8Array(size);
  const work = new Uint8Array(size);
  const workdaysUpTo = new Int32Array(size);
  const list: number[] = [];
  for (let d = 0; d < size; d++) {
    const date = utcDate(d);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const dd = date.getUTCDate();
    iso[d] = `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    slash[d] = `${y}/${m}/${dd}`;
    cn[d] = `${y}年${m}月${dd}日`;
    year[d] = y;
    month[d] = m;
    if (isWorkday(iso[d])) {
      work[d] = 1;
      list.push(d);
    }
    workdaysUpTo[d] = list.length;
  }
  return { size, iso, slash, cn, year, month, work, workdays: Int32Array.from(list), workdaysUpTo };
}

/**
 * The n-th working day after `day` (n = 0: the day itself). Returns `size` or more when it falls beyond the
 * table, which callers treat as "later than anything we publish".
 */
export function addWorkdays(t: DayTable, day: number, n: number): number {
  if (n <= 0) return day;
  const k = t.workdaysUpTo[day] + n - 1;
  return k < t.workdays.length ? t.workdays[k] : t.size + k;
}

export function yearStart(y: number): number {
  return dayIndex(`${y}-01-01`);
}

export function yearEnd(y: number): number {
  return dayIndex(`${y}-12-31`);
}

/** The working days of a year, as a view into t.workdays. */
export function workdaysOfYear(t: DayTable, y: number): Int32Array {
  const from = yearStart(y) === 0 ? 0 : t.workdaysUpTo[yearStart(y) - 1];
  return t.workdays.subarray(from, t.workdaysUpTo[yearEnd(y)]);
}

export function formatDay(t: DayTable, day: number, form: DateForm): string {
  return form === 'iso' ? t.iso[day] : form === 'slash' ? t.slash[day] : t.cn[day];
}
