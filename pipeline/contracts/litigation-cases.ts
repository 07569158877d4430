import type { DatasetContract } from './types.ts';

export const litigationCases: DatasetContract = {
  name: 'litigation_cases',
  zh: '行政诉讼案件',
  description:
    'Administrative litigation cases with the government as defendant: outcome, head appearance, performance.',
  key: ['case_id'],
  columns: [
    { name: 'case_id', zh: '案号', type: 'text' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', required: true },
    { name: 'defendant_agency', zh: '被告机关', type: 'text', required: true },
    { name: 'filed_on', zh: '立案日期', type: 'date', required: true },
    { name: 'concluded_on', zh: '审结日期', type: 'date', note: 'empty: pending; not before filed_on' },
    {
      name: 'outcome',
      zh: '裁判结果',
      type: 'enum',
      note: 'empty while pending',
      values: [
        { value: 'lost', zh: '败诉', en: 'Lost' },
        { value: 'won', zh: '胜诉', en: 'Won' },
        { value: 'withdrawn', zh: '撤诉', en: 'Withdrawn' },
        { value: 'dismissed', zh: '驳回起诉', en: 'Dismissed' },
        { value: 'other', zh: '其他', en: 'Other' },
      ],
    },
    {
      name: 'is_major',
      zh: '重大或社会关注案件',
      type: 'boolean',
      note: 'includes public-interest suits by procuratorates',
    },
    { name: 'head_appeared', zh: '负责人出庭', type: 'boolean' },
    { name: 'judgment_performed', zh: '生效裁判已履行', type: 'boolean', note: 'empty when not lost' },
  ],
  rules: [
    {
      code: 'concluded_before_filed',
      column: 'concluded_on',
      check: 'concluded_on >= filed_on',
      zh: '审结日期早于立案日期',
      message: 'concluded_on is before filed_on',
    },
    {
      code: 'outcome_without_conclusion',
      column: 'outcome',
      check: '(outcome IS NULL) = (concluded_on IS NULL)',
      zh: '裁判结果应与审结日期同时填写（未审结时留空）',
      message: 'outcome must be given exactly when concluded_on is (empty while pending)',
    },
  ],
};
