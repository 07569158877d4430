import type { DatasetContract } from './types.ts';

export const nationalBenchmarks: DatasetContract = {
  name: 'national_benchmarks',
  zh: '全国参照值',
  description:
    "Published national reference figures, e.g. the national administrative-litigation loss rate that indicator 73 compares against (the previous year's).",
  key: ['year', 'metric'],
  columns: [
    { name: 'year', zh: '年度', type: 'int', min: 2000, max: 2100 },
    { name: 'metric', zh: '指标', type: 'text', note: 'e.g. litigation_loss_rate' },
    { name: 'value', zh: '数值', type: 'number', required: true, note: 'a rate as a fraction 0..1' },
    { name: 'source', zh: '出处', type: 'text', optional: true },
  ],
};
