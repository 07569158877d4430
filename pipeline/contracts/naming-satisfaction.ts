import { ROUND_ID_PATTERN } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingSatisfaction: DatasetContract = {
  name: 'naming_satisfaction',
  zh: '申报地区满意度测评',
  description:
    'The public-satisfaction survey run alongside the third-party evaluation (三(四) 人民群众满意度测评): sample size and satisfied respondents per applicant.',
  key: ['round_id', 'region_code'],
  columns: [
    { name: 'round_id', zh: '认定批次', type: 'text', example: '2026' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'respondents', zh: '样本量', type: 'int', min: 1, required: true },
    { name: 'satisfied', zh: '满意人数', type: 'int', min: 0, required: true },
    { name: 'surveyor', zh: '测评机构', type: 'text', optional: true },
  ],
  rules: [
    {
      code: 'bad_round_id',
      column: 'round_id',
      check: `regexp_full_match(round_id, '${ROUND_ID_PATTERN}')`,
      zh: '轮次编号应为认定年份，可带后缀（如 2026、2026-b）',
      message: 'round_id must be the round year, optionally with a suffix (2026, 2026-b)',
    },
    {
      code: 'satisfied_exceeds_respondents',
      column: 'satisfied',
      check: 'satisfied <= respondents',
      zh: '满意人数多于受访人数',
      message: 'satisfied exceeds respondents',
    },
  ],
};
