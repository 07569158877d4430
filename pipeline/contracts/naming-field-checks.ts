import { ROUND_ID_PATTERN } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingFieldChecks: DatasetContract = {
  name: 'naming_field_checks',
  zh: '实地核查',
  description:
    'Findings of the field check of an applicant on the field-check list (三(五) 实地核查), one row per indicator No. checked.',
  key: ['round_id', 'region_code', 'indicator_no'],
  columns: [
    { name: 'round_id', zh: '认定批次', type: 'text', example: '2026' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'indicator_no', zh: '指标序号', type: 'int', min: 1, max: 200 },
    { name: 'met', zh: '核实达标', type: 'boolean', required: true },
    { name: 'checked_on', zh: '核查日期', type: 'date', optional: true },
    { name: 'note', zh: '核查说明', type: 'text', optional: true },
  ],
  rules: [
    {
      code: 'bad_round_id',
      column: 'round_id',
      check: `regexp_full_match(round_id, '${ROUND_ID_PATTERN}')`,
      zh: '轮次编号应为认定年份，可带后缀（如 2026、2026-b）',
      message: 'round_id must be the round year, optionally with a suffix (2026, 2026-b)',
    },
  ],
};
