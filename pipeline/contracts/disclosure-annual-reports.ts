import type { Column, DatasetContract } from './types.ts';
import { reviewColumns, reviewGroups } from './disclosure-report-template.ts';

const count = { type: 'int', optional: true, min: 0 } as const;

/** Section 四's fifteen numbers, one column each: reconsideration_upheld … litigation_after_total. */
const reviewCells: Column[] = reviewGroups.flatMap((g) =>
  reviewColumns.map((c) => ({ name: `${g.code}_${c.code}`, zh: `${g.label}${c.label}`, ...count })),
);

export const disclosureAnnualReports: DatasetContract = {
  name: 'disclosure_annual_reports',
  zh: '政府信息公开工作年度报告',
  description:
    'The published annual report on government information disclosure (条例 Art. 49–50) of one publisher and year, ' +
    'read from HTML, DOCX, PDF or text in the national template (pipeline/disclosure-reports): the totals of ' +
    "sections 二–四 as columns, every number of the tables in `detail`, and whether the template's own checks hold.",
  key: ['region_code', 'year', 'publisher'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', note: "resolved from the publisher's name" },
    { name: 'year', zh: '报告年度', type: 'int', min: 2008, max: 2100 },
    { name: 'publisher', zh: '发布机关', type: 'text', note: 'from the title' },
    {
      name: 'template',
      zh: '模板版本',
      type: 'enum',
      required: true,
      values: [
        { value: '2019', zh: '2019版', en: '2019 template' },
        { value: '2021', zh: '2021版', en: '2021 template' },
      ],
    },
    { name: 'title', zh: '标题', type: 'text', required: true },
    { name: 'published_on', zh: '发布日期', type: 'date', optional: true, note: "the page's date where present" },
    { name: 'source_url', zh: '来源网址', type: 'text', optional: true },
    { name: 'rules_issued', zh: '规章本年制发', ...count, note: '2019 template: 本年新制作数量' },
    { name: 'normative_issued', zh: '规范性文件本年制发', ...count, note: '2019 template: 本年新制作数量' },
    { name: 'normative_in_force', zh: '规范性文件现行有效', ...count, note: '2019 template: 对外公开总数量' },
    { name: 'licences', zh: '行政许可处理决定数', ...count },
    { name: 'penalties', zh: '行政处罚处理决定数', ...count },
    { name: 'coercions', zh: '行政强制处理决定数', ...count },
    {
      name: 'fees_amount',
      zh: '行政事业性收费金额(万元)',
      type: 'number',
      optional: true,
      min: 0,
      note: '2021 template only',
    },
    { name: 'received_new', zh: '本年新收申请数', ...count },
    { name: 'received_new_natural', zh: '本年新收申请数(自然人)', ...count },
    { name: 'carried_over', zh: '上年结转申请数', ...count },
    { name: 'disclosed', zh: '予以公开', ...count },
    { name: 'partly_disclosed', zh: '部分公开', ...count },
    { name: 'withheld', zh: '不予公开', ...count },
    { name: 'unable', zh: '无法提供', ...count },
    { name: 'not_processed', zh: '不予处理', ...count },
    { name: 'other_handled', zh: '其他处理', ...count },
    { name: 'handled_total', zh: '办理结果总计', ...count },
    { name: 'carried_forward', zh: '结转下年度继续办理', ...count },
    ...reviewCells,
    { name: 'balanced', zh: '勾稽关系成立', type: 'boolean', required: true },
    {
      name: 'balance_failures',
      zh: '未通过的校验',
      type: 'text',
      optional: true,
      note: 'codes of the failed checks, comma-separated',
    },
    {
      name: 'detail',
      zh: '全部数字',
      type: 'text',
      optional: true,
      note: 'JSON: every number of sections 二–四 by row and column code',
    },
  ],
};
