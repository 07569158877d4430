import { ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingObjections: DatasetContract = {
  name: 'naming_objections',
  zh: '公示异议',
  description:
    'Objections received during the public notice of the candidate list (三(六) 媒体公示) and how each was handled.',
  key: ['objection_id'],
  columns: [
    { name: 'objection_id', zh: '异议编号', type: 'text' },
    { ...ROUND_ID_COLUMN, required: true },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', required: true },
    { name: 'received_on', zh: '收到日期', type: 'date', required: true },
    { name: 'summary', zh: '异议内容', type: 'text', required: true },
    {
      name: 'handling',
      zh: '处理结果',
      type: 'enum',
      required: true,
      // the example shows a handled objection, with its date
      example: '异议不成立',
      values: [
        { value: 'pending', zh: '处理中', en: 'Pending', aliases: ['待处理'] },
        { value: 'upheld', zh: '异议成立', en: 'Upheld', aliases: ['成立'] },
        { value: 'dismissed', zh: '异议不成立', en: 'Dismissed', aliases: ['不成立'] },
      ],
    },
    { name: 'handled_on', zh: '处理日期', type: 'date', note: 'empty while pending' },
    { name: 'handling_note', zh: '处理说明', type: 'text', optional: true },
  ],
  rules: [
    ROUND_ID_RULE,
    {
      code: 'handled_before_received',
      column: 'handled_on',
      check: 'handled_on >= received_on',
      zh: '处理日期早于收到日期',
      message: 'handled_on is before received_on',
    },
    {
      code: 'handled_without_date',
      column: 'handled_on',
      check: "(handling = 'pending') = (handled_on IS NULL)",
      zh: '异议处理完毕时须填写处理日期，未处理时不填',
      message: 'handled_on must be given exactly when the objection is no longer pending',
    },
  ],
};
