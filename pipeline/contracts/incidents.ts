import type { DatasetContract } from './types.ts';

export const incidents: DatasetContract = {
  name: 'incidents',
  zh: '重大事件',
  description:
    'Serious violations, inaction, false materials, public-opinion events, awards and nationally promoted practices.',
  key: ['event_id'],
  columns: [
    { name: 'event_id', zh: '事件编号', type: 'text' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code', required: true },
    {
      name: 'kind',
      zh: '类型',
      type: 'enum',
      required: true,
      values: [
        { value: 'serious_violation', zh: '严重违法行政行为', en: 'Serious unlawful administrative act' },
        { value: 'inaction', zh: '不作为乱作为', en: 'Inaction or misconduct' },
        { value: 'false_materials', zh: '虚假材料', en: 'False materials' },
        { value: 'public_opinion', zh: '重大舆情', en: 'Major public-opinion event' },
        { value: 'award', zh: '省部级以上表彰', en: 'Provincial or national commendation' },
        { value: 'promoted', zh: '经验全国推广', en: 'Practice promoted nationally' },
      ],
    },
    { name: 'occurred_at', zh: '发生时间', type: 'datetime', required: true },
    { name: 'first_release_at', zh: '首次发布权威信息时间', type: 'datetime', note: 'public_opinion events' },
    { name: 'press_conference_at', zh: '新闻发布会时间', type: 'datetime', note: 'public_opinion events' },
    { name: 'description', zh: '说明', type: 'text', optional: true },
    { name: 'source', zh: '来源', type: 'text', optional: true },
  ],
  rules: [
    {
      code: 'release_before_event',
      column: 'first_release_at',
      check: 'first_release_at >= occurred_at',
      zh: '首次发布时间早于事件发生时间',
      message: 'first_release_at is before occurred_at',
    },
    {
      code: 'press_before_event',
      column: 'press_conference_at',
      check: 'press_conference_at >= occurred_at',
      zh: '新闻发布会时间早于事件发生时间',
      message: 'press_conference_at is before occurred_at',
    },
  ],
};
