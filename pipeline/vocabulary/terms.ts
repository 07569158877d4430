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
  1: {
    zh: '(一) 严重违法行政行为或不作为乱作为',
    en: '(1) serious unlawful administrative act, or inaction / misconduct',
  },
  2: { zh: '(二) 虚假材料等不正当手段', en: '(2) false materials or other improper means' },
  3: { zh: '(三) 回访抽查证实不再符合指标体系', en: '(3) spot check found the indicator system no longer met' },
  4: { zh: '(四) 其他情形', en: '(4) other circumstances' },
} satisfies TermGroup;

/** The grounds in the seed's full words (四(三)), for choosing one. */
export const watchGroundFull = {
  1: {
    zh: '（一）发生严重违法行政行为，或者因行政不作为、乱作为造成恶劣社会影响',
    en: '(1) A serious illegal administrative act, or inaction/abuse with a bad social impact',
  },
  2: {
    zh: '（二）通过提供虚假材料、隐瞒事实真相或者其他不正当手段获取示范命名',
    en: '(2) Designation obtained by false materials or other improper means',
  },
  3: {
    zh: '（三）在回访抽查中证实不再符合示范指标体系的条件和要求',
    en: '(3) A spot check confirms the region no longer meets the indicators',
  },
  4: { zh: '（四）其他应当撤销示范命名的情形', en: '(4) Other circumstances calling for revocation' },
} satisfies TermGroup;

/** What put an entry on the watchlist. */
export const watchKind = {
  serious_violation: { zh: '严重违法行政行为', en: 'Serious unlawful administrative act' },
  inaction: { zh: '不作为乱作为造成恶劣影响', en: 'Inaction or misconduct with grave effect' },
  false_materials: { zh: '提供虚假材料', en: 'False materials' },
  spotcheck_below_bar: { zh: '回访抽查未达标', en: 'Spot check below the bar' },
  spotcheck_unlinked: { zh: '抽查结果未关联已提交的抽查', en: 'Spot-check findings outside a committed draw' },
  other: { zh: '其他情形', en: 'Other circumstances' },
  analyst: { zh: '分析人员录入', en: "An analyst's entry" },
  concealment_signal: { zh: '命名前发生、可能隐瞒的事件', en: 'Event before the naming, possibly concealed' },
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
  self_report_contradiction: { zh: '自报数据与案件数据矛盾', en: 'Self-report contradicts the case data' },
  self_assessment_contradiction: { zh: '指标自评与数据矛盾', en: 'Self-assessment contradicts the data' },
  disclosure_report_unbalanced: { zh: '信息公开年报数据不平衡', en: 'Disclosure report does not balance' },
  disclosure_report_contradiction: {
    zh: '信息公开年报与案件数据矛盾',
    en: 'Disclosure report contradicts the case data',
  },
  sudden_drop: { zh: '指标骤降', en: 'Sudden drop' },
  worsening: { zh: '连续两年变差', en: 'Worse two years running' },
} satisfies TermGroup;

/** An analyst's decision on a flag (pipeline/flags/triage.ts), and the state it leaves the flag in. */
export const triageDecision = {
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  dismissed: { zh: '已排除', en: 'Dismissed' },
  escalated: { zh: '已列入摘牌观察名单', en: 'Escalated to the watchlist' },
} satisfies TermGroup;

export const triageState = {
  ...triageDecision,
  reopened: { zh: '证据变化，重新打开', en: 'Reopened (evidence changed)' },
} satisfies TermGroup;

/** The risk queue's rules (data/risk-weights.json) and tiers (pipeline/risk). */
export const riskRule = {
  watchlist_ground: { zh: '摘牌依据', en: 'Ground for revocation' },
  integrity_signal: { zh: '疑似材料不实的筛查信号', en: 'Screening signal of false materials' },
  screening_signal: { zh: '自评或年报数据存疑（弱信号）', en: 'Doubtful self-assessment or report (weak signal)' },
  report_missing: { zh: '年度报告未报送', en: 'Annual report missing' },
  report_late: { zh: '年度报告逾期报送', en: 'Annual report late' },
  report_unpublished: { zh: '年度报告未向社会公布', en: 'Annual report not published' },
  funnel_unfavourable: {
    zh: '漏斗图显著偏差（经错误发现率校正）',
    en: 'Significantly worse on the funnel plot (false discovery rate controlled)',
  },
  funnel_favourable: {
    zh: '漏斗图显著好于总体（建议核实数据）',
    en: 'Significantly better on the funnel plot (check the data)',
  },
  event_deadline_missed: { zh: '重大舆情未按时限回应', en: 'Major public-opinion event not answered in time' },
  metric_miss_outside_95: { zh: '指标未达标且超出95%控制限', en: 'Metric not met and beyond the 95% limit' },
  metric_miss_repeated: { zh: '指标连续两年未达标', en: 'Metric not met two years running' },
  sudden_drop: { zh: '指标骤降', en: 'Sudden drop' },
  worsening: { zh: '指标连续两年变差', en: 'Worse two years running' },
  below_bar_repeated: { zh: '连续两年达标率低于90%', en: 'Conformance below 90% two years running' },
  persistence: { zh: '上年存在同一问题', en: 'The same problem the year before' },
} satisfies TermGroup;

export const riskTier = {
  grounds: { zh: '摘牌依据', en: 'Grounds for revocation' },
  breach: { zh: '违反明确义务或数据存疑', en: 'Breach of a named duty, or doubtful data' },
  review: { zh: '优先核查', en: 'Review first' },
  watch: { zh: '关注', en: 'Watch' },
  clear: { zh: '无问题', en: 'Clear' },
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

/** Who did something, when it was not a person's account (pipeline/vocabulary/actor.ts words every actor). */
export const actorKind = {
  system: { zh: '系统', en: 'System' },
  refresh: { zh: '系统（数据刷新）', en: 'System (data refresh)' },
  scheduler: { zh: '系统（定时任务）', en: 'System (schedule)' },
  annualReportCheck: { zh: '系统（年度报告报送检查）', en: 'System (annual-report check)' },
  address: { zh: '来自 {address} 的访问', en: 'a visitor from {address}' },
  cli: { zh: '命令行操作', en: 'Command-line operation' },
  cliNamed: { zh: '命令行（{name}）', en: 'command line ({name})' },
} satisfies TermGroup;

/** Who asked for a load (load_log.source). */
export const loadSource = {
  cli: { zh: '命令行', en: 'Command line' },
  upload: { zh: '网页上传', en: 'Upload' },
  inbox: { zh: '收件箱', en: 'Inbox' },
  demo: { zh: '演示数据', en: 'Demo' },
  naming: { zh: '认定命名', en: 'Naming' },
  reference: { zh: '参考数据', en: 'Reference data' },
  scheduler: { zh: '定时任务自动载入', en: 'Scheduled job' },
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
  superseded: { zh: '已被新抽签替代', en: 'Superseded' },
} satisfies TermGroup;

/**
 * The checks of `spotcheck verify` (pipeline/spotcheck/verify.ts), one line each on the certificate's checklist.
 * verify.ts types its check codes by this group, so a check without words here does not compile.
 */
export const verifyCheck = {
  pool_hash: { zh: '抽样池文件的 SHA-256 与公布值一致', en: 'The pool file hashes to the published SHA-256' },
  strata_hash: { zh: '分层文件的 SHA-256 与公布值一致', en: 'The strata file hashes to the published SHA-256' },
  freeze_logged: {
    zh: '冻结时的抽样池哈希已记入审计日志',
    en: 'The pool hash was written to the audit log at freeze time',
  },
  seed_hash: { zh: '种子哈希与记录一致', en: 'The seed hash matches the record' },
  allocation: {
    zh: '按公布的分层文件和抽取参数重新计算，各层抽取数与审计日志记录一致',
    en: 'Recomputed from the published strata file and parameters, the number drawn per stratum matches the audit log',
  },
  selection: {
    zh: '按公布的抽样池和种子重新计算，入选地区及顺序与记录一致',
    en: 'Recomputed from the published pool and seed, the selection and its order match the record',
  },
  inclusion_probabilities: {
    zh: '每个入选地区记录的入样概率等于其所在层的抽取数除以层内地区数',
    en: "Each selected region's stored inclusion probability equals its stratum's number drawn over its size",
  },
  inspectors: {
    zh: '按检查员快照重新计算，各检查组与记录一致',
    en: 'Recomputed from the inspector snapshot, the teams match the record',
  },
  draw_logged: {
    zh: '抽签结果（种子哈希、入选地区、检查组）已记入审计日志',
    en: 'The draw (seed hash, selection, teams) is in the audit log',
  },
  commit_logged: { zh: '确认提交已记入审计日志', en: 'The commit is in the audit log' },
  audit_chain: { zh: '审计日志哈希链完整，未被改动', en: 'The audit log hash chain is intact' },
} satisfies TermGroup;

/** How a draw shares its sample out over the strata (draws.allocation_rule; pipeline/spotcheck/allocation.ts). */
export const allocationRule = {
  hamilton_seed_ties: {
    zh: '抽取总数为抽样池地区数乘以比例后向上取整（或为给定数量）；各层先分得按比例应得名额的整数部分，剩余名额按小数部分从大到小逐一分给各层（最大余额法），小数部分相同时先给地区数较多的层；仍然并列、争最后名额的层，由种子决定先后（各层的抽签号，与地区的抽签号算法相同），不在种子公布前确定；设定每层最少抽取数时，每层再提高到该数（不超过层内地区数）。入样概率为该层预期抽取数除以层内地区数；一个层分得 0 个名额时，其中的地区不可能被抽中',
    en: "The total is the pool size times the proportion, rounded up (or the count given); each stratum first gets the whole part of its proportional share, the regions left go one each to the strata with the largest fractional part (largest remainder), ties to the larger stratum; strata still tied for the last regions are ordered by the seed (each stratum's ticket, computed as a region's), so the tie is not settled before the seed is known; with a per-stratum minimum every stratum is raised to it (at most its size). The inclusion probability is the stratum's expected take over its size; a stratum given 0 regions cannot have any of its regions drawn",
  },
  hamilton: {
    zh: '抽取总数为抽样池地区数乘以比例后向上取整（或为给定数量）；各层先分得按比例应得名额的整数部分，剩余名额按小数部分从大到小逐一分给各层（最大余额法），小数部分相同时先给地区数较多的层，再按层代码顺序（由种子决定并列之前的规则）；设定每层最少抽取数时，每层再提高到该数（不超过层内地区数）。一个层分得 0 个名额时，其中的地区不可能被抽中',
    en: 'The total is the pool size times the proportion, rounded up (or the count given); each stratum first gets the whole part of its proportional share, the regions left go one each to the strata with the largest fractional part (largest remainder), ties to the larger stratum, then to the stratum code first in order (the rule before ties were settled by the seed); with a per-stratum minimum every stratum is raised to it (at most its size). A stratum given 0 regions cannot have any of its regions drawn',
  },
  ceil_per_stratum: {
    zh: '每层抽取该层地区数乘以比例后向上取整（采用最大余额法之前的抽查所用规则）',
    en: 'Each stratum takes its size times the proportion, rounded up (the rule of draws made before largest-remainder allocation)',
  },
} satisfies TermGroup;

/** How a spot-check finding's region came to be checked (sql/spotcheck/findings_by_draw.sql, link). */
export const findingLink = {
  selected: { zh: '随机抽中', en: 'In the random sample' },
  risk_targeted: { zh: '按风险定向核查', en: 'Checked for a stated risk' },
  not_selected: { zh: '不在已提交的抽查名单内', en: 'Outside the committed draw' },
  no_committed_draw: { zh: '当年没有已提交的抽查', en: 'No committed draw that year' },
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

/** Whether a round's field-check list is made, and its notice published (the round's progress). */
export const yesNoMade = {
  true: { zh: '名单已生成', en: 'list made' },
  false: { zh: '名单尚未生成', en: 'list not made' },
} satisfies TermGroup;

export const yesNoPublished = {
  true: { zh: '已公示', en: 'published' },
  false: { zh: '未公示', en: 'not published' },
} satisfies TermGroup;

/** What a request field must be (a route schema's `type` and `format`), as a validation message names it. */
export const jsonType = {
  string: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'a whole number' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是/否值（true 或 false）', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  null: { zh: '空值', en: 'null' },
} satisfies TermGroup;

export const jsonFormat = {
  date: { zh: '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)' },
  'date-time': { zh: '日期时间（ISO 8601）', en: 'a date-time (ISO 8601)' },
  time: { zh: '时间（HH:MM:SS）', en: 'a time (HH:MM:SS)' },
  email: { zh: '电子邮箱地址', en: 'an e-mail address' },
  uri: { zh: '网址', en: 'a URL' },
  uuid: { zh: 'UUID', en: 'a UUID' },
} satisfies TermGroup;

/** The naming round (pipeline/naming): its steps and their state, contradictions between a region's claims and
 *  the data, why an applicant is not ranked, and the decision. */
export const roundStep = {
  applications: { zh: '自愿申报', en: 'Applications' },
  prereview: { zh: '初审推荐', en: 'Provincial pre-review' },
  evaluation: { zh: '第三方评估和满意度测评', en: 'Third-party evaluation and satisfaction survey' },
  field_check: { zh: '实地核查', en: 'Field check' },
  notice: { zh: '媒体公示', en: 'Public notice' },
  naming: { zh: '批准命名', en: 'Naming' },
} satisfies TermGroup;

export const stepState = {
  done: { zh: '已完成', en: 'Done' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  open: { zh: '未到期', en: 'Not yet due' },
} satisfies TermGroup;

export const namingContradiction = {
  claimed_met: { zh: '自评达标，数据未达标', en: 'Claimed met, the data say not met' },
  claimed_not_applicable: { zh: '自评不适用，数据未达标', en: 'Claimed not applicable, the data say not met' },
  claimed_figure: { zh: '自报数值与数据不符', en: 'Claimed figure differs from the data' },
} satisfies TermGroup;

export const unranked = {
  not_recommended: { zh: '未获初审推荐', en: 'Not recommended by the province' },
  no_third_party: { zh: '缺第三方评估', en: 'No third-party evaluation' },
  no_satisfaction: { zh: '缺满意度测评', en: 'No satisfaction survey' },
  no_conformance: { zh: '缺数据达标率', en: 'No conformance from the data' },
} satisfies TermGroup;

export const namingDecision = {
  named: { zh: '予以命名', en: 'Named' },
  not_named: { zh: '不予命名', en: 'Not named' },
} satisfies TermGroup;

/** The steps of a first `shifan start` (pipeline/setup/first-run.ts), in order: said on the terminal as each begins
 *  and on the page the server shows while they run. */
export const firstRunStep = {
  reference: { zh: '载入全国参照值', en: 'loading the national benchmarks' },
  generate: { zh: '生成小型示例数据', en: 'generating the small demo' },
  load: { zh: '载入示例数据文件', en: "loading the demo's files" },
  inspectors: { zh: '导入示例抽查人员名册', en: "importing the demo's inspector register" },
  refresh: { zh: '计算指标、预警和摘牌观察名单', en: 'computing indicators, risk flags and the revocation watchlist' },
  naming: { zh: '写入示例认定批次（第四批，2026 年）', en: "writing the demo's naming round (fourth batch, 2026)" },
} satisfies TermGroup;

/** Every group above by name: `label('watchStatus', 'flagged', lang)`. */
/** The tables of the quarterly package (pipeline/export/collect.ts), by their file name: scorecard.csv … */
export const exportTable = {
  scorecard: { zh: '示范地区评分表', en: 'Scorecard' },
  indicators: { zh: '指标达标情况', en: 'Indicators met' },
  flags: { zh: '有效预警清单', en: 'Active flags' },
  watchlist: { zh: '摘牌观察名单条目', en: 'Revocation watchlist entries' },
  spotchecks: { zh: '回访抽查结果', en: 'Spot-check findings' },
  loads: { zh: '数据报送与更新', en: 'Data received and loaded' },
  manifest: { zh: '清单', en: 'Manifest' },
} satisfies TermGroup;

export const terms = {
  watchStatus,
  watchGround,
  watchGroundFull,
  watchKind,
  watchOrigin,
  flagRule,
  triageDecision,
  triageState,
  riskRule,
  riskTier,
  severity,
  flagStatus,
  metricStatus,
  funnelPosition,
  direction,
  reportStatus,
  loadStatus,
  loadSource,
  refreshStatus,
  jobStatus,
  jobTrigger,
  drawState,
  verifyCheck,
  allocationRule,
  drawStrata,
  findingLink,
  drawExclusion,
  role,
  scoringMethod,
  yesNo,
  jsonType,
  jsonFormat,
  yesNoMade,
  yesNoPublished,
  roundStep,
  stepState,
  namingContradiction,
  unranked,
  namingDecision,
  exportTable,
  actorKind,
  firstRunStep,
} as const;

export type TermGroupName = keyof typeof terms;
