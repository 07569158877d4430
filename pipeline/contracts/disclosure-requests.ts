import type { DatasetContract } from './types.ts';

export const disclosureRequests: DatasetContract = {
  name: 'disclosure_requests',
  zh: '依申请公开',
  description: 'Requests for government information disclosure: received, answered, extended, and review outcome.',
  key: ['request_id'],
  columns: [
    { name: 'request_id', zh: '申请编号', type: 'text' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', required: true },
    { name: 'agency', zh: '答复机关', type: 'text', required: true },
    { name: 'received_on', zh: '收到日期', type: 'date', required: true },
    { name: 'answered_on', zh: '答复日期', type: 'date', note: 'empty: unanswered' },
    { name: 'extended', zh: '延期答复', type: 'boolean' },
    {
      name: 'review_result',
      zh: '复议诉讼结果',
      type: 'enum',
      values: [
        { value: 'none', zh: '未复议或诉讼', en: 'No review or suit', aliases: ['无'] },
        { value: 'upheld', zh: '维持', en: 'Upheld' },
        {
          value: 'overturned',
          zh: '撤销或确认违法或责令履行',
          en: 'Overturned, declared unlawful or ordered to act',
          aliases: ['撤销', '确认违法', '责令履行'],
        },
      ],
    },
  ],
  rules: [
    {
      code: 'answered_before_received',
      column: 'answered_on',
      check: 'answered_on >= received_on',
      zh: '答复日期早于收到申请日期',
      message: 'answered_on is before received_on',
    },
  ],
};
