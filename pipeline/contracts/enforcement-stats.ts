import type { DatasetContract } from './types.ts';

export const enforcementStats: DatasetContract = {
  name: 'enforcement_stats',
  zh: '行政执法统计',
  description: 'Yearly enforcement statistics per agency: officers, certification, legal-review staff, training.',
  key: ['region_code', 'year', 'agency'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'year', zh: '统计年度', type: 'int', min: 2000, max: 2100 },
    { name: 'agency', zh: '执法机关', type: 'text' },
    { name: 'officers', zh: '执法人员数', type: 'int', min: 0 },
    { name: 'certified_officers', zh: '持证人员数', type: 'int', min: 0 },
    { name: 'legal_review_staff', zh: '法制审核人员数', type: 'int', min: 0 },
    { name: 'training_hours_avg', zh: '人均培训学时', type: 'number', min: 0 },
    { name: 'stats_published_on', zh: '统计年报公开日期', type: 'date' },
  ],
  rules: [
    {
      code: 'certified_exceeds_officers',
      column: 'certified_officers',
      check: 'certified_officers <= officers',
      zh: '持证执法人员数超过执法人员总数',
      message: 'certified_officers exceeds officers',
    },
  ],
};
