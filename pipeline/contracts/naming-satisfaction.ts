import { ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingSatisfaction: DatasetContract = {
  name: 'naming_satisfaction',
  zh: '申报地区满意度测评',
  description:
    'The public-satisfaction survey run alongside the third-party evaluation (三(四) 人民群众满意度测评): sample size and satisfied respondents per applicant.',
  key: ['round_id', 'region_code'],
  columns: [
    ROUND_ID_COLUMN,
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'respondents', zh: '样本量', type: 'int', min: 1, required: true },
    { name: 'satisfied', zh: '满意人数', type: 'int', min: 0, required: true },
    { name: 'surveyor', zh: '测评机构', type: 'text', optional: true },
  ],
  rules: [
    ROUND_ID_RULE,
    {
      code: 'satisfied_exceeds_respondents',
      column: 'satisfied',
      check: 'satisfied <= respondents',
      zh: '满意人数多于受访人数',
      message: 'satisfied exceeds respondents',
    },
  ],
};
