import { ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingFieldChecks: DatasetContract = {
  name: 'naming_field_checks',
  zh: '实地核查',
  description:
    'Findings of the field check of an applicant on the field-check list (三(五) 实地核查), one row per indicator No. checked.',
  key: ['round_id', 'region_code', 'indicator_no'],
  columns: [
    ROUND_ID_COLUMN,
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'indicator_no', zh: '指标序号', type: 'int', min: 1, max: 200 },
    { name: 'met', zh: '核实达标', type: 'boolean', required: true },
    { name: 'checked_on', zh: '核查日期', type: 'date', optional: true },
    { name: 'note', zh: '核查说明', type: 'text', optional: true },
  ],
  rules: [ROUND_ID_RULE],
};
