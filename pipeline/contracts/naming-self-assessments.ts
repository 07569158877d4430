import { ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingSelfAssessments: DatasetContract = {
  name: 'naming_self_assessments',
  zh: '申报自评',
  description:
    "An applicant's self-assessment against the indicator system (三(一) 自查自评), one row per seed indicator No.: met, not met or not applicable, with the figure it claims.",
  key: ['round_id', 'region_code', 'indicator_no'],
  columns: [
    ROUND_ID_COLUMN,
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'indicator_no', zh: '指标序号', type: 'int', min: 1, max: 200, note: "the seed's third-level number" },
    {
      name: 'status',
      zh: '自评结论',
      type: 'enum',
      required: true,
      values: [
        { value: 'met', zh: '达标', en: 'Met', aliases: ['是', '符合'] },
        { value: 'not_met', zh: '未达标', en: 'Not met', aliases: ['否', '不符合'] },
        { value: 'not_applicable', zh: '不适用', en: 'Not applicable', aliases: ['无此项'] },
      ],
    },
    {
      name: 'metric',
      zh: '指标项',
      type: 'text',
      optional: true,
      note: 'the metric id the claimed figure is for, where the No. has several (e.g. enforcement.publish_7wd)',
    },
    {
      name: 'claimed_value',
      zh: '自报数值',
      type: 'number',
      optional: true,
      note: 'in the unit the annex states: rates in percent (0–100), days in working days, counts as counts',
    },
    { name: 'note', zh: '说明', type: 'text', optional: true },
  ],
  rules: [ROUND_ID_RULE],
};
