import type { DatasetContract } from './types.ts';

export const selfAssessments: DatasetContract = {
  name: 'self_assessments',
  zh: '指标自评',
  description: "A region's own assessment of each third-level indicator for a reported year.",
  key: ['region_code', 'report_year', 'indicator_no'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'report_year', zh: '报告年度', type: 'int', min: 2000, max: 2100 },
    { name: 'indicator_no', zh: '指标序号', type: 'int', min: 1, max: 200, note: "the seed's third-level number" },
    { name: 'met', zh: '是否达标', type: 'boolean', required: true },
    { name: 'evidence', zh: '佐证材料', type: 'text', optional: true },
  ],
};
