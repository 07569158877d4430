import { ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingThirdParty: DatasetContract = {
  name: 'naming_third_party',
  zh: '第三方评估',
  description:
    "The third-party evaluation of each applicant against the indicator system (三(三) 第三方评估): a score 0–100 per indicator area (一级指标 1–8) with the evaluator's opinion.",
  key: ['round_id', 'region_code', 'area'],
  columns: [
    ROUND_ID_COLUMN,
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
  rules: [ROUND_ID_RULE],
};
