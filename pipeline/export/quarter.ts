// Quarters: "2025Q3" ⇄ {year, quarter}, their civil date ranges, Chinese labels, and the reporting year a
// quarterly package reports on.

import { CodedError } from '../vocabulary/index.ts';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** A quarter not written YYYYQn: a vocabulary error (400 in the API, a usage error in the CLI). */
export class QuarterError extends CodedError {
  constructor(text: string) {
    super('export.bad_quarter', { value: text });
  }
}

export function parseQuarter(text: string): Quarter {
  const m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(text.trim());
  if (!m) throw new QuarterError(text);
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

/** 2025年第3季度 */
export function quarterLabelZh(q: Quarter): string {
  return `${q.year}年第${q.quarter}季度`;
}

export function quarterOf(date: string): Quarter {
  return {
    year: Number(date.slice(0, 4)),
    quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'],
  };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** First and last civil day of the quarter. */
export function quarterRange(q: Quarter): { start: string; end: string } {
  const startMonth = (q.quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${q.year}-${pad(startMonth)}-01`, end: `${q.year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/**
 * The year a quarterly package reports on: the latest full year, i.e. the year before the quarter's. Annual
 * reports on year Y are due by 31 January of Y + 1, so in every quarter of Y + 1 year Y is the latest year
 * whose figures are complete. The package shows that year and the years before it.
 */
export function reportingYear(q: Quarter): number {
  return q.year - 1;
}

/**
 * The quarter the generate box proposes: the latest quarter that has ended (on `today`, a civil date) and whose
 * reporting year has scored data. The quarter that just ended reports on last year, which is often not scored yet
 * (the demo's 2026Q3 reported on 2025: 92 regions, none judged, no flags); the latest quarter reporting on the
 * latest scored year L is L+1 Q4, or the quarter that just ended if that is earlier. No scored year: the quarter
 * that just ended.
 */
export function defaultExportQuarter(today: string, latestScoredYear: number | null): Quarter {
  const ended = previousQuarter(quarterOf(today));
  if (latestScoredYear == null || reportingYear(ended) <= latestScoredYear) return ended;
  return { year: latestScoredYear + 1, quarter: 4 };
}
