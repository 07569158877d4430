// Reports of our own making in both template variants, balanced, with zeros in places (so blank cells matter)
// and numbers that differ from row to row (so a shifted row or column is caught).
import { applicantColumns, requestRows, reviewGroups, type TemplateVersion } from '../../pipeline/contracts/index.ts';
import type { ReportContent } from '../../pipeline/disclosure-reports/render.ts';

export function balancedReport(template: TemplateVersion, publisher = '中卫市沙坡头区人民政府'): ReportContent {
  const rows = requestRows[template];
  const width = applicantColumns.length - 1;
  const requests: ReportContent['requests'] = {};
  const handled = rows.filter((r) => !['new', 'carried_over', 'total', 'carried_forward'].includes(r.code));
  const totals = new Array(width).fill(0);
  handled.forEach((r, k) => {
    const v = [(k * 7) % 5, k % 3 === 0 ? 2 : 0, 0, k === 3 ? 1 : 0, (k * 3) % 4 === 1 ? 1 : 0, k === 5 ? 12 : 0];
    requests[r.code] = [...v, v.reduce((a, b) => a + b, 0)];
    for (const [i, x] of v.entries()) totals[i] += x;
  });
  const forward = [3, 1, 0, 0, 0, 0];
  const carried = [2, 0, 0, 0, 1, 0];
  const fresh = totals.map((t, i) => t + forward[i] - carried[i]);
  const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)];
  requests.new = withTotal(fresh);
  requests.carried_over = withTotal(carried);
  requests.total = withTotal(totals);
  requests.carried_forward = withTotal(forward);
  const review: ReportContent['review'] = {};
  reviewGroups.forEach((g, i) => {
    review[g.code] = {
      upheld: 4 + i,
      corrected: i,
      other: i === 1 ? 1 : 0,
      pending: 2 - i,
      total: 4 + i + i + (i === 1 ? 1 : 0) + 2 - i,
    };
  });
  const active: ReportContent['active'] =
    template === '2021'
      ? {
          rules: { issued: 0, repealed: 0, in_force: 2 },
          normative: { issued: 13, repealed: 4, in_force: 57 },
          licences: { decisions: 1234 },
          penalties: { decisions: 86 },
          coercions: { decisions: 0 },
          fees: { amount: 312.5 },
        }
      : {
          rules: { made: 0, published: 0, total: 3 },
          normative: { made: 9, published: 9, total: 41 },
          licences: { prev_items: 210, change: -12, decisions: 987 },
          other_services: { prev_items: 35, change: 0, decisions: 64 },
          penalties: { prev_items: 120, change: 3, decisions: 71 },
          coercions: { prev_items: 14, change: 0, decisions: 5 },
          fees: { prev_items: 6, change: -1 },
        };
  return {
    year: template === '2021' ? 2023 : 2020,
    publisher,
    template,
    publishedOn: template === '2021' ? '2024-01-26' : '2021-01-29',
    active,
    requests,
    review,
  };
}
