import type { DatasetContract } from './types.ts';

export const spotcheckFindings: DatasetContract = {
  name: 'spotcheck_findings',
  zh: '抽查结果',
  description: "Inspectors' findings per indicator for a region checked in a year's spot check (回访抽查).",
  key: ['region_code', 'year', 'indicator_no'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'year', zh: '抽查年度', type: 'int', min: 2000, max: 2100 },
    { name: 'indicator_no', zh: '指标序号', type: 'int', min: 1, max: 200 },
    { name: 'met', zh: '是否达标', type: 'boolean', required: true },
    { name: 'note', zh: '核查说明', type: 'text', optional: true },
  ],
};
