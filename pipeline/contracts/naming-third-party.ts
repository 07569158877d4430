import { ROUND_ID_PATTERN } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingThirdParty: DatasetContract = {
  name: 'naming_third_party',
  zh: '第三方评估',
  description:
    "The third-party evaluation of each applicant against the indicator system (三(三) 第三方评估): a score 0–100 per indicator area (一级指标 1–8) with the evaluator's opinion.",
  key: ['round_id', 'region_code', 'area'],
  columns: [
    { name: 'round_id', zh: '认定批次', type: 'text', example: '2026' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    {
      name: 'area',
      zh: '一级指标',
      type: 'int',
      min: 1,
      max: 8,
      note: 'the annex area 1–8 (附加项 area 9 is not scored)',
    },
    { name: 'score', zh: '评估得分', type: 'number', min: 0, max: 100, required: true },
    { name: 'evaluator', zh: '评估机构', type: 'text', optional: true },
    { name: 'opinion', zh: '评估意见', type: 'text', optional: true },
  ],
  rules: [
    {
      code: 'bad_round_id',
      column: 'round_id',
      check: `regexp_full_match(round_id, '${ROUND_ID_PATTERN}')`,
      zh: '轮次编号应为认定年份，可带后缀（如 2026、2026-b）',
      message: 'round_id must be the round year, optionally with a suffix (2026, 2026-b)',
    },
  ],
};
