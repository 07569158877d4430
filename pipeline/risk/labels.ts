// Chinese labels of the risk rules, as the queue's reason texts start. (To move into the shared vocabulary module
// once it exists in main.)
import type { RiskRule } from './weights.ts';

export const RISK_RULE_ZH: Record<RiskRule, string> = {
  watchlist_ground: '摘牌依据',
  integrity_signal: '疑似材料不实的筛查信号',
  report_missing: '年度报告未报送',
  report_late: '年度报告逾期报送',
  report_unpublished: '年度报告未向社会公布',
  funnel_unfavourable: '漏斗图显著偏差（经错误发现率校正）',
  funnel_favourable: '漏斗图显著好于总体（建议核实数据）',
  event_deadline_missed: '重大舆情未按时限回应',
  metric_miss_outside_95: '指标未达标且超出95%控制限',
  metric_miss_repeated: '指标连续两年未达标',
  sudden_drop: '指标骤降',
  worsening: '指标连续两年变差',
  below_bar_repeated: '连续两年达标率低于90%',
  persistence: '上年存在同一问题',
};

export const RISK_TIER_ZH: Record<string, string> = {
  grounds: '摘牌依据',
  breach: '违反明确义务或数据存疑',
  review: '优先核查',
  watch: '关注',
  clear: '无',
};
