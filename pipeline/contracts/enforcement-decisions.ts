import type { DatasetContract } from './types.ts';

export const enforcementDecisions: DatasetContract = {
  name: 'enforcement_decisions',
  zh: '行政执法决定',
  description: 'Case-level administrative enforcement decisions and when they were published (执法公示).',
  key: ['case_id'],
  columns: [
    { name: 'case_id', zh: '案件编号', type: 'text' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', required: true },
    { name: 'agency', zh: '执法机关', type: 'text', required: true },
    {
      name: 'action_type',
      zh: '执法类别',
      type: 'enum',
      required: true,
      values: [
        { value: 'license', zh: '许可', en: 'Licensing', aliases: ['行政许可'] },
        { value: 'penalty', zh: '处罚', en: 'Penalty', aliases: ['行政处罚'] },
        { value: 'coercion', zh: '强制', en: 'Coercion', aliases: ['行政强制'] },
        { value: 'inspection', zh: '检查', en: 'Inspection', aliases: ['行政检查'] },
        { value: 'levy', zh: '征收', en: 'Levy', aliases: ['行政征收'] },
        { value: 'other', zh: '其他', en: 'Other' },
      ],
    },
    { name: 'decided_on', zh: '决定日期', type: 'date', required: true },
    { name: 'published_on', zh: '公示日期', type: 'date', note: 'empty: not published; not before decided_on' },
    { name: 'is_major', zh: '重大执法决定', type: 'boolean', required: true },
    { name: 'legal_review', zh: '法制审核', type: 'boolean' },
  ],
  rules: [
    {
      code: 'published_before_decided',
      column: 'published_on',
      check: 'published_on >= decided_on',
      zh: '公示日期早于决定日期',
      message: 'published_on is before decided_on',
    },
  ],
};
