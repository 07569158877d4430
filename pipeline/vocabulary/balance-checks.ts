// The disclosure report template's own arithmetic (勾稽关系, pipeline/disclosure-reports/checks.ts) in words. A failed
// check is stored as `check:place` codes ("flow:total, row_total:withheld.3"); the reader sees what does not add up
// and where: the template's Chinese wording of the row or column, and an English rendering of it.
import {
  applicantColumns,
  requestGroupLabels,
  requestRows,
  reviewGroups,
  type TemplateVersion,
} from '../contracts/index.ts';
import type { Lang, Term } from './types.ts';

export const balanceCheck = {
  flow: {
    zh: '第一项加第二项之和不等于第三项加第四项之和',
    en: 'items one and two do not add up to items three and four',
  },
  handled_sum: { zh: '（七）总计不等于（一）至（六）之和', en: 'the total (7) is not the sum of (1) to (6)' },
  row_total: { zh: '总计不等于各类申请人之和', en: 'the total is not the sum of the applicant columns' },
  review_total: {
    zh: '总计不等于结果维持、结果纠正、其他结果与尚未审结之和',
    en: 'the total is not upheld + corrected + other + pending',
  },
  row_missing: { zh: '报告缺少此行', en: 'the row is missing from the report' },
} satisfies Record<string, Term>;

/** Section 三's applicant columns in English (the Chinese is the template's, in pipeline/contracts). */
export const applicantColumnEn: Record<string, string> = {
  natural: 'natural persons',
  business: 'commercial enterprises',
  research: 'research institutions',
  social: 'public-interest organisations',
  legal_services: 'legal service organisations',
  other: 'other applicants',
  total: 'all applicants',
};

/** Section 三's rows in English, by the template's row code (both versions of the template). */
export const requestRowEn: Record<string, string> = {
  new: 'I. new requests this year',
  carried_over: 'II. requests carried over from last year',
  disclosed: '(1) disclosed',
  partly: '(2) partly disclosed',
  'withheld.1': '(3) withheld: 1. state secret',
  'withheld.2': '(3) withheld: 2. prohibited by other laws and administrative regulations',
  'withheld.3': '(3) withheld: 3. would endanger security or social stability',
  'withheld.4': "(3) withheld: 4. protects a third party's lawful rights",
  'withheld.5': '(3) withheld: 5. internal affairs information',
  'withheld.6': '(3) withheld: 6. process information',
  'withheld.7': '(3) withheld: 7. administrative enforcement case files',
  'withheld.8': '(3) withheld: 8. administrative inquiry matters',
  'unable.1': '(4) cannot be provided: 1. the agency does not hold it',
  'unable.2': '(4) cannot be provided: 2. it would have to be newly made',
  'unable.3': '(4) cannot be provided: 3. still unclear after correction',
  'not_processed.1': '(5) not processed: 1. petitions, reports and complaints',
  'not_processed.2': '(5) not processed: 2. repeated request',
  'not_processed.3': '(5) not processed: 3. request for published materials',
  'not_processed.4': '(5) not processed: 4. many repeated requests without good reason',
  'not_processed.5': '(5) not processed: 5. confirming or re-issuing information already obtained',
  'other.1': '(6) other handling: 1. not corrected in time without good reason',
  'other.2': '(6) other handling: 2. fee not paid in time',
  'other.3': '(6) other handling: 3. other',
  other: '(6) other handling',
  total: '(7) total',
  carried_forward: 'IV. carried forward to next year',
};

/** Section 四's groups in English. */
export const reviewGroupEn: Record<string, string> = {
  reconsideration: 'administrative reconsideration',
  litigation_direct: 'litigation without reconsideration',
  litigation_after: 'litigation after reconsideration',
};

type Check = keyof typeof balanceCheck;

const rowsByCode = new Map(
  (Object.keys(requestRows) as TemplateVersion[]).flatMap((v) => requestRows[v].map((r) => [r.code, r] as const)),
);

/** Where a check failed, in LANG: a column of section 三, a row of it, or a group of section 四. */
function place(check: Check, at: string, lang: Lang): string | undefined {
  if (check === 'flow' || check === 'handled_sum') {
    const col = applicantColumns.find((c) => c.code === at);
    return col && (lang === 'zh' ? col.label : applicantColumnEn[at]);
  }
  if (check === 'review_total') {
    const group = reviewGroups.find((g) => g.code === at);
    return group && (lang === 'zh' ? group.label : reviewGroupEn[at]);
  }
  const row = rowsByCode.get(at);
  if (!row) return undefined;
  if (lang === 'en') return requestRowEn[at];
  // a sub-row's own label is numbered within its group: name the group too
  return row.group !== row.code && requestGroupLabels[row.group]
    ? `${requestGroupLabels[row.group]}${row.label}`
    : row.label;
}

/**
 * The failed checks of a report ("flow:total, row_total:withheld.3", as stored) in LANG, one clause each; a code this
 * vocabulary does not know shows as stored.
 */
export function renderBalanceFailures(stored: string | null | undefined, lang: Lang): string {
  if (!stored) return '';
  return stored
    .split(/,\s*/)
    .filter(Boolean)
    .map((code) => {
      const [check, at = ''] = code.split(':');
      const words = (balanceCheck as Record<string, Term>)[check]?.[lang];
      const where = words ? place(check as Check, at, lang) : undefined;
      if (!words || !where) return code;
      return lang === 'zh' ? `${words}（${where}）` : `${words} (${where})`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}
