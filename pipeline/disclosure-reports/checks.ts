// The template's own arithmetic (勾稽关系). A report that fails a check is loaded as published and marked, never
// corrected: the failure is itself a finding about the publisher.
//   flow         第一项加第二项之和，等于第三项加第四项之和 (the template's note), in every applicant column
//   handled_sum  （七）总计 is the sum of （一）–（六） and their sub-rows, in every column
//   row_total    in every row, 总计 is 自然人 plus the five kinds of 法人或其他组织
//   review_total in section 四, each group's 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结
//   row_missing  a row of the template's table 三 is not in the report
import { applicantColumns, handledGroups, requestRows, reviewGroups } from '../contracts/index.ts';
import type { ParsedReport } from './parse.ts';

export interface CheckFailure {
  check: 'flow' | 'handled_sum' | 'row_total' | 'review_total' | 'row_missing';
  /** Where: an applicant column, a row or a review group code. */
  at: string;
}

export function balanceChecks(report: ParsedReport): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const r = report.requests;
  const cell = (row: string, col: number) => r[row]?.[col] ?? 0;
  const rows = requestRows[report.template];
  applicantColumns.forEach((col, i) => {
    if (cell('new', i) + cell('carried_over', i) !== cell('total', i) + cell('carried_forward', i))
      failures.push({ check: 'flow', at: col.code });
    const handled = rows
      .filter((row) => (handledGroups as readonly string[]).includes(row.group))
      .reduce((sum, row) => sum + cell(row.code, i), 0);
    if (handled !== cell('total', i)) failures.push({ check: 'handled_sum', at: col.code });
  });
  const last = applicantColumns.length - 1;
  for (const row of rows) {
    const v = r[row.code];
    if (v && v.slice(0, last).reduce((a, b) => a + b, 0) !== v[last])
      failures.push({ check: 'row_total', at: row.code });
  }
  for (const g of reviewGroups) {
    const v = report.review[g.code];
    if (v.upheld + v.corrected + v.other + v.pending !== v.total) failures.push({ check: 'review_total', at: g.code });
  }
  for (const code of report.missingRows) failures.push({ check: 'row_missing', at: code });
  return failures;
}

export function describeFailures(failures: CheckFailure[]): string | null {
  return failures.length ? failures.map((f) => `${f.check}:${f.at}`).join(', ') : null;
}
