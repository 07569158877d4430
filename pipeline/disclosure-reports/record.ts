// A parsed report as one row of the disclosure_annual_reports contract: cells as text, exactly as a file of
// that dataset would carry them, so the ordinary validation and load apply.
import { applicantColumns, requestRows, reviewColumns, reviewGroups } from '../contracts/index.ts';
import type { ParsedReport } from './parse.ts';
import { balanceChecks, describeFailures } from './checks.ts';

const TOTAL = applicantColumns.length - 1;

export function reportCells(report: ParsedReport, regionCode: string): Map<string, string | null> {
  const a = report.active;
  const r = report.requests;
  const text = (v: number | undefined | null) => (v === undefined || v === null ? null : String(v));
  const total = (code: string) => r[code]?.[TOTAL];
  const group = (g: string) => {
    const rows = requestRows[report.template].filter((row) => row.group === g && r[row.code]);
    return rows.length ? rows.reduce((sum, row) => sum + r[row.code][TOTAL], 0) : undefined;
  };
  const failures = balanceChecks(report);
  const cells = new Map<string, string | null>([
    ['region_code', regionCode],
    ['year', String(report.year)],
    ['publisher', report.publisher],
    ['template', report.template],
    ['title', report.title],
    ['published_on', report.publishedOn],
    ['source_url', report.sourceUrl],
    ['rules_issued', text(a.rules?.issued ?? a.rules?.made)],
    ['normative_issued', text(a.normative?.issued ?? a.normative?.made)],
    ['normative_in_force', text(a.normative?.in_force ?? a.normative?.total)],
    ['licences', text(a.licences?.decisions)],
    ['penalties', text(a.penalties?.decisions)],
    ['coercions', text(a.coercions?.decisions)],
    ['fees_amount', text(report.template === '2021' ? a.fees?.amount : undefined)],
    ['received_new', text(total('new'))],
    ['received_new_natural', text(r.new?.[0])],
    ['carried_over', text(total('carried_over'))],
    ['disclosed', text(total('disclosed'))],
    ['partly_disclosed', text(total('partly'))],
    ['withheld', text(group('withheld'))],
    ['unable', text(group('unable'))],
    ['not_processed', text(group('not_processed'))],
    ['other_handled', text(group('other'))],
    ['handled_total', text(total('total'))],
    ['carried_forward', text(total('carried_forward'))],
    ['balanced', failures.length === 0 ? 'true' : 'false'],
    ['balance_failures', describeFailures(failures)],
    ['detail', JSON.stringify({ active: a, requests: r, review: report.review })],
  ]);
  for (const g of reviewGroups)
    for (const c of reviewColumns) cells.set(`${g.code}_${c.code}`, text(report.review[g.code][c.code]));
  return cells;
}
