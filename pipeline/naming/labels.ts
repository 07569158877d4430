// Every Chinese label of the naming round in one place (codes → zh), so they can move to the shared vocabulary
// module as a whole. The dashboard imports this file too: it imports nothing.
export const ROUND_STEP_ZH: Record<string, string> = {
  applications: '自愿申报',
  prereview: '初审推荐',
  evaluation: '第三方评估和满意度测评',
  field_check: '实地核查',
  notice: '媒体公示',
  naming: '批准命名',
};

export const STEP_STATE_ZH: Record<string, string> = { done: '已完成', overdue: '已逾期', open: '未到期' };

export const KIND_ZH: Record<string, string> = { comprehensive: '综合示范', single: '单项示范' };

export const CONTRADICTION_ZH: Record<string, string> = {
  claimed_met: '自评达标，数据未达标',
  claimed_not_applicable: '自评不适用，数据未达标',
  claimed_figure: '自报数值与数据不符',
};

export const CLAIM_ZH: Record<string, string> = { met: '达标', not_met: '未达标', not_applicable: '不适用' };

export const DATA_STATUS_ZH: Record<string, string> = { met: '达标', not_met: '未达标', no_data: '无数据' };

export const UNRANKED_ZH: Record<string, string> = {
  not_recommended: '未获初审推荐',
  no_third_party: '缺第三方评估',
  no_satisfaction: '缺满意度测评',
  no_conformance: '缺数据达标率',
};

export const DECISION_ZH: Record<string, string> = { named: '予以命名', not_named: '不予命名' };

export const OBJECTION_ZH: Record<string, string> = { pending: '处理中', upheld: '异议成立', dismissed: '异议不成立' };

export const FUNNEL_POSITION_ZH: Record<string, string> = {
  within: '控制限内',
  above95: '高于95%上限',
  below95: '低于95%下限',
  above998: '高于99.8%上限',
  below998: '低于99.8%下限',
};
