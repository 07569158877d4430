import type { DatasetContract } from './types.ts';

export const normativeDocuments: DatasetContract = {
  name: 'normative_documents',
  zh: '行政规范性文件',
  description: 'Normative documents: legality review, review duration, public comment period and filing (备案).',
  key: ['doc_id'],
  columns: [
    { name: 'doc_id', zh: '文号', type: 'text' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', required: true },
    { name: 'title', zh: '文件名称', type: 'text', optional: true },
    { name: 'issued_on', zh: '印发日期', type: 'date', required: true },
    { name: 'legal_review', zh: '经合法性审核', type: 'boolean' },
    { name: 'review_workdays', zh: '审核工作日', type: 'int', min: 0 },
    { name: 'comment_days', zh: '征求意见天数', type: 'int', min: 0 },
    { name: 'filed_on', zh: '报备日期', type: 'date', note: 'empty: not filed' },
  ],
  rules: [
    {
      code: 'filed_before_issued',
      column: 'filed_on',
      check: 'filed_on >= issued_on',
      zh: '备案日期早于印发日期',
      message: 'filed_on is before issued_on',
    },
  ],
};
