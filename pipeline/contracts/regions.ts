import type { DatasetContract } from './types.ts';

export const regions: DatasetContract = {
  name: 'regions',
  zh: '示范地区名录',
  description: 'Demonstration regions and monitored regions: level, batch and designation.',
  key: ['region_code'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'region_name', zh: '地区名称', type: 'text', required: true },
    {
      name: 'province_code',
      zh: '省级代码',
      type: 'region_code',
      optional: true,
      note: '6 digits ending 0000; derived from region_code when absent',
      derive: "substr(region_code, 1, 2) || '0000'",
    },
    {
      name: 'level',
      zh: '层级',
      type: 'enum',
      required: true,
      values: [
        { value: 'city', zh: '市级', en: 'City level', aliases: ['市'] },
        { value: 'county', zh: '县级', en: 'County level', aliases: ['县', '区'] },
      ],
    },
    {
      name: 'batch',
      zh: '批次',
      type: 'int',
      min: 2019,
      max: 2100,
      note: 'year the designation was named; empty for a monitored non-designated region',
    },
    {
      name: 'designation',
      zh: '示范类型',
      type: 'enum',
      required: true,
      values: [
        { value: 'comprehensive', zh: '综合示范', en: 'Comprehensive', aliases: ['综合'] },
        { value: 'single', zh: '单项示范', en: 'Single-item', aliases: ['单项'] },
        { value: 'none', zh: '未命名（监测地区）', en: 'None (monitored)', aliases: ['无'] },
      ],
    },
    {
      name: 'project_name',
      zh: '单项示范项目',
      type: 'text',
      optional: true,
      note: 'required when designation = single',
    },
    { name: 'designated_on', zh: '命名日期', type: 'date', optional: true },
  ],
  rules: [
    {
      code: 'province_mismatch',
      column: 'province_code',
      check: "province_code = substr(region_code, 1, 2) || '0000'",
      zh: '省级代码应为行政区划代码前两位加0000',
      message: 'province_code must be the first two digits of region_code followed by 0000',
    },
    {
      code: 'project_required',
      column: 'project_name',
      check: "designation <> 'single' OR coalesce(trim(project_name), '') <> ''",
      zh: '单项示范须填写示范项目名称',
      message: 'a single designation needs its project_name',
    },
    {
      code: 'batch_required',
      column: 'batch',
      check: "designation = 'none' OR batch IS NOT NULL",
      zh: '已命名的示范地区须填写批次（命名年份）',
      message: 'a designated region needs its batch (the year it was named)',
    },
  ],
};
