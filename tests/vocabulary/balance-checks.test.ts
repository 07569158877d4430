// A disclosure report's failed arithmetic checks (勾稽关系) read as words in either language, never as the stored
// codes: every check at every place the template has, a new row of the template without English fails here.
import { describe, expect, it } from 'vitest';
import { applicantColumns, requestRows, reviewGroups } from '../../pipeline/contracts/index.ts';
import { balanceCheck, renderBalanceFailures, renderFlag } from '../../pipeline/vocabulary/index.ts';
import { hasChinese, latinWords } from './language-rules.ts';

const places: Array<[string, string[]]> = [
  ['flow', applicantColumns.map((c) => c.code)],
  ['handled_sum', applicantColumns.map((c) => c.code)],
  ['row_total', [...new Set(Object.values(requestRows).flatMap((rows) => rows.map((r) => r.code)))]],
  ['row_missing', [...new Set(Object.values(requestRows).flatMap((rows) => rows.map((r) => r.code)))]],
  ['review_total', reviewGroups.map((g) => g.code)],
];

describe('failed checks of a published report', () => {
  it('has words for every check the template makes', () => {
    expect(Object.keys(balanceCheck).sort()).toEqual(places.map(([check]) => check).sort());
  });

  it.each(places)('words %s at every place in Chinese only and in English only', (check, codes) => {
    for (const at of codes) {
      const zh = renderBalanceFailures(`${check}:${at}`, 'zh');
      const en = renderBalanceFailures(`${check}:${at}`, 'en');
      expect(latinWords(zh), `${check}:${at} → ${zh}`).toEqual([]);
      expect(hasChinese(en), `${check}:${at} → ${en}`).toBe(false);
      expect(zh).not.toContain(':');
      expect(en).not.toContain(`${check}:`);
    }
  });

  it('reads a stored list clause by clause, naming the group of a numbered sub-row', () => {
    const stored = 'flow:total, row_total:withheld.3, review_total:litigation_after';
    expect(renderBalanceFailures(stored, 'zh')).toBe(
      '第一项加第二项之和不等于第三项加第四项之和（总计）；总计不等于各类申请人之和（（三）不予公开3.危及“三安全一稳定”）；' +
        '总计不等于结果维持、结果纠正、其他结果与尚未审结之和（复议后起诉）',
    );
    expect(renderBalanceFailures(stored, 'en')).toBe(
      'items one and two do not add up to items three and four (all applicants); the total is not the sum of the ' +
        'applicant columns ((3) withheld: 3. would endanger security or social stability); the total is not upheld + ' +
        'corrected + other + pending (litigation after reconsideration)',
    );
    expect(renderBalanceFailures(null, 'zh')).toBe('');
  });

  it('shows a code it does not know as stored, rather than nothing', () => {
    expect(renderBalanceFailures('flow:total, new_check:x, row_total:no_such_row', 'en')).toBe(
      'items one and two do not add up to items three and four (all applicants); new_check:x; row_total:no_such_row',
    );
  });

  it('words the flag of an unbalanced report in the reader’s language', () => {
    const params = { year: 2024, publisher: '某某区人民政府', failures: 'flow:total, handled_sum:natural' };
    expect(renderFlag('disclosure_report_unbalanced', params, 'zh')).toContain(
      '未通过的校验：第一项加第二项之和不等于第三项加第四项之和（总计）；（七）总计不等于（一）至（六）之和（自然人）',
    );
    expect(renderFlag('disclosure_report_unbalanced', params, 'en')).toContain(
      'checks failed: items one and two do not add up to items three and four (all applicants); the total (7) is not ' +
        'the sum of (1) to (6) (natural persons)',
    );
  });
});
