// Header matching: English names and Chinese headers, ignoring case, surrounding spaces and full-/half-width.
import { describe, expect, it } from 'vitest';
import { datasets } from '../../pipeline/contracts/index.ts';
import { annualReports } from '../../pipeline/contracts/annual-reports.ts';
import { enforcementDecisions } from '../../pipeline/contracts/enforcement-decisions.ts';
import { describeHeaderProblem, matchHeader } from '../../pipeline/contracts/header-match.ts';
import { detectDataset } from '../../pipeline/load/detect-dataset.ts';

describe('matchHeader', () => {
  it.each([
    [
      'English names in any order',
      ['legal_review', 'CASE_ID', ' region_code ', 'agency', 'action_type', 'decided_on', 'published_on', 'is_major'],
    ],
    [
      'Chinese headers',
      ['案件编号', '行政区划代码', '执法机关', '执法类别', '决定日期', '公示日期', '重大执法决定', '法制审核'],
    ],
    [
      'full-width letters and spaces',
      [
        'ｃａｓｅ＿ｉｄ',
        '　行政区划代码　',
        'agency',
        'action_type',
        'decided_on',
        'published_on',
        'is_major',
        'legal_review',
      ],
    ],
  ])('accepts %s', (_what, fields) => {
    expect(matchHeader(enforcementDecisions, fields).ok).toBe(true);
  });

  it('accepts full-width parentheses in a Chinese header', () => {
    const fields = annualReports.columns
      .filter((c) => !c.optional)
      .map((c) => c.zh)
      .concat(['企业开办时限（工作日）']);
    const match = matchHeader(annualReports, fields);
    expect(match.ok).toBe(true);
    expect(match.columns).toContain('business_setup_days');
  });

  it('lets optional columns be absent but not required ones, and names both problems', () => {
    const match = matchHeader(enforcementDecisions, [
      'case_id',
      'region_code',
      'agency',
      'action_type',
      'decided_on',
      'is_major',
      'legal_review',
      'remark',
    ]);
    expect(match.missing).toEqual(['published_on']);
    expect(match.unknown).toEqual(['remark']);
    expect(describeHeaderProblem(enforcementDecisions, match)).toContain(
      'missing columns: published_on (公示日期); unknown columns: "remark"',
    );
  });

  it('refuses a column given twice (once in English, once in Chinese)', () => {
    const fields = [
      'case_id',
      '案件编号',
      'region_code',
      'agency',
      'action_type',
      'decided_on',
      'published_on',
      'is_major',
      'legal_review',
    ];
    expect(matchHeader(enforcementDecisions, fields).duplicated).toEqual(['case_id']);
  });
});

describe('detectDataset', () => {
  it('tells the dataset from the file name before the header, preferring the longest name', () => {
    expect(detectDataset('/x/enforcement_stats_2024.csv', [])).toEqual({
      contract: datasets.find((d) => d.name === 'enforcement_stats'),
    });
    expect(detectDataset('/x/行政执法决定2024.csv', [])).toEqual({ contract: enforcementDecisions });
  });

  it('tells the dataset from a header that fits exactly one contract', () => {
    const fields = enforcementDecisions.columns.map((c) => c.zh);
    expect(detectDataset('/x/upload.csv', fields)).toEqual({ contract: enforcementDecisions });
  });
});
