// Every enum of the product with its label in each language: statuses, grounds, rules, severities, states,
// roles. Terms follow GLOSSARY.md and the seed's words (section 四: 回访抽查 "核查有关材料", 摘牌退出 "撤销其示范命名").
// The values of dataset columns (designation, level, outcome, …) are labelled in their contract
// (pipeline/contracts), not here: see contract.ts.
import type { TermGroup } from './types.ts';

/**
 * Revocation watchlist statuses (pipeline/watchlist). 核查 is the seed's verb for checking materials (四(二));
 * 已列入 rather than 已预警 because 预警 names a risk flag (GLOSSARY); 已解除 rather than 已排除 because 排除 names
 * a region left out of the spot-check pool.
 */
export const watchStatus = {
  flagged: { zh: '已列入', en: 'Listed' },
  needs_review: { zh: '待核查', en: 'Needs review' },
  under_review: { zh: '核查中', en: 'Under review' },
  cleared: { zh: '已解除', en: 'Cleared' },
  revoked: { zh: '已摘牌', en: 'Revoked' },
} satisfies TermGroup;

/** The grounds of section 四(三), numbered as the seed numbers them. */
export const watchGround = {
  1: { zh: '(一) 严重违法行政行为或不作为乱作为', en: '(1) serious unlawful administrative act, or inaction / misconduct' },
  2: { zh: '(二) 虚假材料等不正当手段', en: '(2) false materials or other improper means' },
  3: { zh: '(三) 回访抽查证实不再符合指标体系', en: '(3) spot check found the indicator system no longer met' },
  4: { zh: '(四) 其他情形', en: '(4) other circumstances' },
} satisfies TermGroup;

/** What put an entry on the watchlist. */
export const watchKind = {
  serious_violation: { zh: '严重违法行政行为', en: 'Serious unlawful administrative act' },
  inaction: { zh: '不作为乱作为造成恶劣影响', en: 'Inaction or misconduct with grave effect' },
  false_materials: { zh: '提供虚假材料', en: 'False materials' },
  spotcheck_below_bar: { zh: '回访抽查未达标', en: 'Spot check below the bar' },
  spotcheck_unlinked: { zh: '抽查结果未关联已提交的抽查', en: 'Spot-check findings outside a committed draw' },
  other: { zh: '其他情形', en: 'Other circumstances' },
  integrity_signal: { zh: '诚信信号', en: 'Integrity signal' },
} satisfies TermGroup;

export const watchOrigin = {
  refresh: { zh: '刷新自动列入', en: 'Added by refresh' },
  analyst: { zh: '分析人员录入', en: 'Entered by an analyst' },
} satisfies TermGroup;

/** Flag rules: the file names of sql/flags/*.sql (a test keeps the two in step). */
export const flagRule = {
  conformance_below_bar: { zh: '达标率低于示范标准', en: 'Conformance below the bar' },
  funnel_outlier: { zh: '漏斗图异常值', en: 'Funnel outlier' },
  metric_not_met: { zh: '指标未达标', en: 'Metric not met' },
  report_late: { zh: '年度报告逾期', en: 'Annual report late' },
  report_missing: { zh: '年度报告未报送', en: 'Annual report missing' },
  self_report_contradiction: { zh: '自评与数据矛盾', en: 'Self-report contradicts the data' },
  sudden_drop: { zh: '指标骤降', en: 'Sudden drop' },
  worsening: { zh: '连续两年变差', en: 'Worse two years running' },
} satisfies TermGroup;

export const severity = {
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
  info: { zh: '提示', en: 'Info' },
} satisfies TermGroup;

export const flagStatus = {
  active: { zh: '有效', en: 'Active' },
  resolved: { zh: '已消除', en: 'Resolved' },
} satisfies TermGroup;

/** A metric value's standing against its threshold (indicator_values.status), and the provisional mark. */
export const metricStatus = {
  met: { zh: '达标', en: 'Met' },
  not_met: { zh: '未达标', en: 'Not met' },
  no_data: { zh: '无数据', en: 'No data' },
  provisional: { zh: '暂定', en: 'Provisional' },
} satisfies TermGroup;

/** Where a rate lies on its funnel plot (funnel_limits.position). */
export const funnelPosition = {
  within: { zh: '控制限内', en: 'Within limits' },
  above95: { zh: '高于 95% 上限', en: 'Above the 95% limit' },
  below95: { zh: '低于 95% 下限', en: 'Below the 95% limit' },
  above998: { zh: '高于 99.8% 上限', en: 'Above the 99.8% limit' },
  below998: { zh: '低于 99.8% 下限', en: 'Below the 99.8% limit' },
} satisfies TermGroup;

export const direction = {
  higher: { zh: '≥', en: '≥' },
  lower: { zh: '≤', en: '≤' },
  equal: { zh: '=', en: '=' },
} satisfies TermGroup;

/** Annual report standing (sql/api/overview_reports_outstanding.sql). */
export const reportStatus = {
  missing: { zh: '未报送', en: 'Missing' },
  unpublished: { zh: '已报送未公开', en: 'Submitted, not published' },
} satisfies TermGroup;

export const loadStatus = {
  loaded: { zh: '已入库', en: 'Loaded' },
  skipped: { zh: '已跳过（内容相同）', en: 'Skipped (same content)' },
  refused: { zh: '整文件拒收', en: 'Refused' },
  running: { zh: '入库中', en: 'Loading' },
  interrupted: { zh: '已中断', en: 'Interrupted' },
} satisfies TermGroup;

export const refreshStatus = {
  running: { zh: '运行中', en: 'Running' },
  done: { zh: '完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
} satisfies TermGroup;

export const jobStatus = {
  ok: { zh: '成功', en: 'OK' },
  warning: { zh: '需处理', en: 'Needs attention' },
  failed: { zh: '失败', en: 'Failed' },
  running: { zh: '运行中', en: 'Running' },
  skipped_overlap: { zh: '跳过（上次未结束）', en: 'Skipped (previous run still going)' },
} satisfies TermGroup;

export const jobTrigger = {
  manual: { zh: '手动', en: 'Manual' },
  scheduled: { zh: '定时', en: 'Scheduled' },
} satisfies TermGroup;

/** Spot-check draw states (spotcheck_draws.state). */
export const drawState = {
  frozen: { zh: '已冻结', en: 'Frozen' },
  drawn: { zh: '已抽签', en: 'Drawn' },
  committed: { zh: '已确认', en: 'Committed' },
} satisfies TermGroup;

export const drawStrata = {
  none: { zh: '不分层', en: 'None' },
  province: { zh: '按省份分层', en: 'By province' },
  batch: { zh: '按批次分层', en: 'By batch' },
  designation: { zh: '按示范类型分层', en: 'By designation' },
} satisfies TermGroup;

export const drawExclusion = {
  revoked: { zh: '已摘牌地区', en: 'Revoked regions' },
  named_this_year: { zh: '当年新命名地区', en: 'Named this year' },
} satisfies TermGroup;

export const role = {
  admin: { zh: '管理员', en: 'Administrator' },
  central: { zh: '中央依法治国办', en: 'Central office' },
  provincial: { zh: '依法治省办', en: 'Provincial office' },
  anonymous: { zh: '未登录', en: 'not logged in' },
} satisfies TermGroup;

export const scoringMethod = {
  threshold: { zh: '按达到标准的程度计分', en: 'Scored by how far the threshold is reached' },
  binary: { zh: '达标计1分、未达标计0分', en: '1 point if met, 0 if not' },
} satisfies TermGroup;

/** How a true/false cell reads. */
export const yesNo = {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
} satisfies TermGroup;

/** Every group above by name: `label('watchStatus', 'flagged', lang)`. */
export const terms = {
  watchStatus, watchGround, watchKind, watchOrigin, flagRule, severity, flagStatus, metricStatus, funnelPosition,
  direction, reportStatus, loadStatus, refreshStatus, jobStatus, jobTrigger, drawState, drawStrata, drawExclusion, role,
  scoringMethod, yesNo,
} as const;

export type TermGroupName = keyof typeof terms;
