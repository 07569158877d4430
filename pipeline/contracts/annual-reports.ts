import type { DatasetContract } from './types.ts';

const stated = { optional: true, min: 0 } as const;

export const annualReports: DatasetContract = {
  name: 'annual_reports',
  zh: '年度报告',
  description:
    'One row per region and reported year: when the report was submitted and published, and the figures it states.',
  key: ['region_code', 'report_year'],
  columns: [
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'report_year', zh: '报告年度', type: 'int', min: 2000, max: 2100 },
    { name: 'submitted_on', zh: '报送日期', type: 'date' },
    { name: 'published_on', zh: '公开日期', type: 'date', note: 'empty: not published' },
    { name: 'published_url', zh: '公开网址', type: 'text', optional: true },
    { name: 'enforcement_decisions', zh: '执法决定总数', type: 'int', ...stated },
    { name: 'litigation_concluded', zh: '行政诉讼审结数', type: 'int', ...stated },
    { name: 'litigation_lost', zh: '行政诉讼败诉数', type: 'int', ...stated },
    { name: 'disclosure_requests', zh: '依申请公开申请数', type: 'int', ...stated },
    { name: 'disclosure_answered_on_time', zh: '按期答复数', type: 'int', ...stated },
    { name: 'business_setup_days', zh: '企业开办时限(工作日)', type: 'number', ...stated },
    { name: 'online_service_rate', zh: '网上可办率', type: 'percent', optional: true },
    { name: 'one_window_rate', zh: '一窗受理率', type: 'percent', optional: true },
    { name: 'one_trip_items', zh: '最多跑一次事项数', type: 'int', ...stated },
    { name: 'proposals_reply_rate', zh: '建议提案回复率', type: 'percent', optional: true },
    { name: 'suggestion_satisfaction', zh: '建议办理满意度', type: 'percent', optional: true },
    { name: 'judicial_suggestion_reply_rate', zh: '司法建议办复率', type: 'percent', optional: true },
    { name: 'procuratorial_suggestion_reply_rate', zh: '检察建议办复率', type: 'percent', optional: true },
    { name: 'major_decisions', zh: '重大行政决策数', type: 'int', ...stated },
    { name: 'major_decisions_legal_reviewed', zh: '经合法性审查数', type: 'int', ...stated },
    { name: 'major_decisions_collective', zh: '集体讨论决定数', type: 'int', ...stated },
    { name: 'reconsideration_on_time_rate', zh: '复议按期办结率', type: 'percent', optional: true },
    { name: 'leadership_study_sessions', zh: '领导班子法治专题学习次数', type: 'int', ...stated },
    { name: 'leadership_court_hearings', zh: '旁听庭审次数', type: 'int', ...stated },
    { name: 'rule_of_law_weight', zh: '法治建设考核权重', type: 'percent', optional: true },
  ],
  rules: [
    {
      code: 'published_before_submitted',
      column: 'published_on',
      check: 'published_on >= submitted_on',
      message: 'published_on is before submitted_on',
    },
    {
      code: 'submitted_before_year_end',
      column: 'submitted_on',
      check: 'year(submitted_on) > report_year',
      message: 'a report on a year cannot be submitted before that year has ended',
    },
    {
      code: 'lost_exceeds_concluded',
      column: 'litigation_lost',
      check: 'litigation_lost <= litigation_concluded',
      message: 'litigation_lost exceeds litigation_concluded',
    },
    {
      code: 'answered_exceeds_requests',
      column: 'disclosure_answered_on_time',
      check: 'disclosure_answered_on_time <= disclosure_requests',
      message: 'disclosure_answered_on_time exceeds disclosure_requests',
    },
    {
      code: 'reviewed_exceeds_decisions',
      column: 'major_decisions_legal_reviewed',
      check: 'major_decisions_legal_reviewed <= major_decisions',
      message: 'major_decisions_legal_reviewed exceeds major_decisions',
    },
    {
      code: 'collective_exceeds_decisions',
      column: 'major_decisions_collective',
      check: 'major_decisions_collective <= major_decisions',
      message: 'major_decisions_collective exceeds major_decisions',
    },
  ],
};
