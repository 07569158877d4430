import { NAMING_FIELDS, ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingApplications: DatasetContract = {
  name: 'naming_applications',
  zh: '示范申报',
  description:
    'Applications of a naming round (认定程序 三(一)): the applying region, comprehensive or single-item, the field of a single-item application, and the self-assessment report file.',
  key: ['round_id', 'region_code'],
  columns: [
    { ...ROUND_ID_COLUMN, note: 'the round, e.g. 2026' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'region_name', zh: '地区名称', type: 'text', required: true },
    {
      name: 'kind',
      zh: '申报类型',
      type: 'enum',
      required: true,
      values: [
        { value: 'comprehensive', zh: '综合示范', en: 'Comprehensive', aliases: ['综合'] },
        { value: 'single', zh: '单项示范', en: 'Single-item', aliases: ['单项'] },
      ],
    },
    {
      name: 'field',
      zh: '单项示范领域',
      type: 'enum',
      values: NAMING_FIELDS,
      note: 'required for a single-item application',
    },
    {
      name: 'project_name',
      zh: '单项示范项目名称',
      type: 'text',
      optional: true,
      note: 'the name the region gives its project',
    },
    { name: 'applied_on', zh: '申报日期', type: 'date', required: true },
    {
      name: 'report_file',
      zh: '自评报告文件',
      type: 'text',
      optional: true,
      note: 'file name of the self-assessment report (PDF/DOCX), loaded by `shifan applications report`',
    },
  ],
  rules: [
    ROUND_ID_RULE,
    {
      code: 'field_required',
      column: 'field',
      check: "kind <> 'single' OR field IS NOT NULL",
      zh: '单项示范申报须填写申报领域',
      message: 'a single-item application needs its field',
    },
  ],
};
