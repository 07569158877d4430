import type { DatasetContract } from './types.ts';

export const satisfactionSurveys: DatasetContract = {
  name: 'satisfaction_surveys',
  zh: '群众满意度测评',
  description: 'Yearly public satisfaction survey with dispute resolution: sample size and satisfied respondents.',
  key: ['region_code', 'year'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'year', zh: '年度', type: 'int', min: 2000, max: 2100 },
    { name: 'respondents', zh: '样本量', type: 'int', min: 1, required: true },
    { name: 'satisfied', zh: '满意人数', type: 'int', min: 0, required: true },
  ],
  rules: [
    {
      code: 'satisfied_exceeds_respondents',
      column: 'satisfied',
      check: 'satisfied <= respondents',
      zh: '满意人数超过受访人数',
      message: 'satisfied exceeds respondents',
    },
  ],
};
