// The command line's own words: table headings, summaries and notices of `shifan <command>` in each language
// (`--lang en`, SHIFAN_LANG, an English LANG; Chinese otherwise). Codes (statuses, rules, decisions) keep their
// labels in terms.ts; a column of a data contract keeps its header in the contract.
import { fill } from './render.ts';
import type { Lang, Params, Template } from './types.ts';

export const cliWords = {
  // shared headings
  region: { zh: '地区', en: 'Region' },
  file: { zh: '文件', en: 'File' },
  bytes: { zh: '字节', en: 'Bytes' },
  kind: { zh: '类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  year: { zh: '年度', en: 'Year' },
  evidence: { zh: '证据', en: 'evidence' },
  'evidence.total': { zh: '…共 {n} 条证据', en: '… {n} evidence rows in all' },
  'evidence.kept': {
    zh: '…共 {n} 条相关记录（保存 {kept} 条）',
    en: '… {n} related records in all ({kept} kept)',
  },
  // naming round: applicants
  'contradictions.none': {
    zh: '没有发现自评与数据之间的矛盾',
    en: 'no contradiction between a self-assessment and the data',
  },
  'contradictions.count': {
    zh: '{n} 处矛盾（{regions} 个申报地区）',
    en: '{n} contradictions ({regions} applicants)',
  },
  // naming rounds
  'round.created': { zh: '已创建认定批次 {round}：{title}', en: 'created naming round {round}: {title}' },
  'round.method': {
    zh: '申报类型 {kinds}；申报地区数据年度 {from}–{to}（以 {to} 年判定）；实地核查名单规则：{rule}',
    en: "kinds {kinds}; applicants' data years {from}–{to} (judged on {to}); field-check rule: {rule}",
  },
  'round.none': { zh: '还没有认定批次（shifan round create）', en: 'no naming round yet (shifan round create)' },
  'round.status': { zh: '{round} {title}（截至 {today}）', en: '{round} {title} (as of {today})' },
  'round.statusMethod': {
    zh: '申报地区数据年度 {from}–{to}；实地核查名单规则：{rule}；公示期 {notice} 个工作日',
    en: "applicants' data years {from}–{to}; field-check rule: {rule}; notice {notice} working days",
  },
  'round.provisional': { zh: '（暂定：日历未公布）', en: ' (provisional: calendar not published)' },
  'head.round': { zh: '批次', en: 'Round' },
  'head.title': { zh: '标题', en: 'Title' },
  'head.dataYears': { zh: '数据年度', en: 'Data years' },
  'head.applicationsDue': { zh: '申报截止', en: 'Applications due' },
  'head.fieldCheckRule': { zh: '核查名单规则', en: 'Field-check rule' },
  'head.step': { zh: '步骤', en: 'Step' },
  'head.due': { zh: '截止日期', en: 'Due' },
  'head.workdays': { zh: '工作日', en: 'Working days' },
  'head.progress': { zh: '进展', en: 'Progress' },
  'head.dataset': { zh: '数据集', en: 'Dataset' },
  'head.loaded': { zh: '入库', en: 'Loaded' },
  'head.rejected': { zh: '拒收', en: 'Rejected' },
  'head.message': { zh: '说明', en: 'Message' },
  'head.load': { zh: '入库批次', en: 'Load' },
  'head.records': { zh: '记录数', en: 'Records' },
  'head.superseded': { zh: '替换旧行', en: 'Superseded' },
  'head.ms': { zh: '用时(毫秒)', en: 'ms' },
  'head.line': { zh: '行号', en: 'Line' },
  'head.column': { zh: '列', en: 'Column' },
  'head.code': { zh: '代码', en: 'Code' },
  'head.reason': { zh: '原因', en: 'Reason' },
  'head.raw': { zh: '原始记录', en: 'Raw record' },
  // risk queue
  'risk.open': {
    zh: '{year}年尚未结束（数据日期 {as_of}，次年2月1日前为暂定年度）：不作风险排序',
    en: '{year} has not ended (data as of {as_of}; a year is provisional until 1 February of the next): no risk ranking',
  },
  'risk.scope.designated': { zh: '示范地区（命名期内）', en: 'demonstration regions (within their designation)' },
  'risk.scope.monitored': { zh: '监测地区', en: 'monitored regions' },
  'risk.summary': {
    zh: '{year}年风险排序 {scope}：{n} 个地区，{listed} 个有风险理由（数据日期 {as_of}）',
    en: '{year} risk ranking of {scope}: {n} regions, {listed} with reasons (data as of {as_of})',
  },
  'risk.region': { zh: '{rank}. {region}  {score} 分（{tier}）', en: '{rank}. {region}  {score} points ({tier})' },
  'risk.moreReasons': { zh: '…共 {n} 条理由', en: '… {n} reasons in all' },
  'head.rank': { zh: '排名', en: 'Rank' },
  'head.tier': { zh: '层级', en: 'Tier' },
  'head.score': { zh: '得分', en: 'Score' },
  'head.rankInterval': { zh: '排名区间(90%)', en: 'Rank interval (90%)' },
  // flags and the watchlist
  'flags.summary': { zh: '{year}年预警 {n} 条{all_note}', en: '{n} flags of {year}{all_note}' },
  'flags.withResolved': { zh: '（含已解除）', en: ' (resolved ones included)' },
  'flags.watchlist': { zh: '{year}年摘牌观察名单', en: 'Revocation watchlist of {year}' },
  'head.entry': { zh: '条目', en: 'Entry' },
  'head.basis': { zh: '依据', en: 'Basis' },
  'head.summary': { zh: '说明', en: 'Summary' },
  // indicators
  'head.no': { zh: '序号', en: 'No.' },
  'head.metric': { zh: '指标', en: 'Metric' },
  'head.value': { zh: '数值', en: 'Value' },
  'head.fraction': { zh: '分子/分母', en: 'Numerator/denominator' },
  'head.threshold': { zh: '标准', en: 'Standard' },
  'indicators.noBenchmark': { zh: '无参照值', en: 'no benchmark' },
  'indicators.none': { zh: '{year}年没有指标值{region_note}', en: 'no indicator values for {year}{region_note}' },
  'indicators.regionNote': { zh: '（地区 {region}）', en: ' (region {region})' },
  'indicators.header': {
    zh: '{region} {name} {year}年（指标体系{version}版）',
    en: '{region} {name} {year} (indicator system {version})',
  },
  // a load left running by a process that ended, found when the database is opened
  'open.setup_log_set_aside': {
    zh: '数据库的首次准备没有完成（磁盘已满，或进程提前结束），其日志无法重放，已移到 {file}；准备已重新进行，数据库可以使用（其中原本只有准备的内容）',
    en: "the database's first setup did not finish (the disk was full, or the process ended first) and its log cannot be replayed; it was moved to {file} and the setup has run again, so the database can be used (the log held nothing but that setup)",
  },
  'load.interrupted': {
    zh: '第 {load_id} 次载入（{file}）所在的进程已结束，未完成：已标记为中断，其数据均未保留',
    en: 'load {load_id} ({file}) was left running by a process that ended; marked interrupted, nothing of it was kept',
  },
  // exports and jobs
  'export.done': {
    zh: '{quarter} 季报：数据截至 {as_of}，指标体系 {version}版，{seconds} s',
    en: 'quarterly package {quarter}: data as of {as_of}, indicator system {version}, {seconds} s',
  },
  'export.dir': { zh: '目录 {dir}', en: 'folder {dir}' },
  'export.replaced': {
    zh: '原报告（生成于 {generated_at}）未删除，已移至 {dir}',
    en: 'the earlier package (generated {generated_at}) is kept, moved to {dir}',
  },
  'head.job': { zh: '任务', en: 'Job' },
  'head.enabled': { zh: '启用', en: 'Enabled' },
  'head.nextRuns': { zh: '下次运行', en: 'Next runs' },
  'head.description': { zh: '说明', en: 'Description' },
  'head.run': { zh: '运行', en: 'Run' },
  'head.trigger': { zh: '触发', en: 'Trigger' },
  'head.started': { zh: '开始', en: 'Started' },
  'head.finished': { zh: '结束', en: 'Finished' },
  'head.attempts': { zh: '次数', en: 'Attempts' },
  'schedule.workdays': { zh: ' +工作日', en: ' +working days' },
  'schedule.provisional': {
    zh: '（临时：{years}年节假日未发布）',
    en: ' (provisional: holidays of {years} not published)',
  },
  // naming round: ranking and scorecards
  'rank.method': {
    zh: '{round} 综合排名：得分 = 第三方评估 ×{tp}、满意度 ×{sat}、数据达标率 ×{conf} 的加权平均（0–100）；排名区间为权重随机扰动并按样本重抽满意度 {draws} 次的 {coverage}% 区间',
    en: '{round} combined ranking: score = weighted mean of the third-party score ×{tp}, satisfaction ×{sat} and conformance ×{conf} (0–100); the rank interval is the {coverage}% range over {draws} draws of the weights and resampled satisfaction',
  },
  'rank.rule': { zh: '实地核查名单规则：{rule}（✓ 为入选）', en: 'field-check rule: {rule} (✓ on the list)' },
  'head.conformance': { zh: '达标率', en: 'Conformance' },
  'head.contradictions': { zh: '矛盾', en: 'Contradictions' },
  'head.thirdParty': { zh: '第三方', en: 'Third party' },
  'head.satisfaction': { zh: '满意度(95%区间)', en: 'Satisfaction (95% CI)' },
  'head.interval': { zh: '排名区间', en: 'Rank interval' },
  'head.fieldCheck': { zh: '核查', en: 'Field check' },
  'head.byYear': { zh: '逐年达标（按指标序号）', en: 'Met by year (indicator Nos.)' },
  'head.decisive': { zh: '判定年度达标率', en: 'Conformance, decisive year' },
  'scorecard.single': { zh: '不适用（单项）', en: 'n/a (single-item)' },
  // watchlist
  'watch.empty': { zh: '摘牌观察名单为空', en: 'the revocation watchlist is empty' },
  'watch.year': { zh: '{year}年', en: '{year}' },
  'watch.status': { zh: '【{status}】', en: '[{status}]' },
  'watch.sourceGone': { zh: '（来源数据已不再出现）', en: ' (its source data no longer appear)' },
  // refresh
  'refresh.done': {
    zh: '刷新完成（运行 {run}）：数据日期 {as_of}（{as_of_source}），评分方法 {scoring}，漏斗图过度离散模型 {model}，FDR q={q}',
    en: 'refresh done, run {run}: data as of {as_of} ({as_of_source}), scoring {scoring}, funnel overdispersion model {model}, FDR q={q}',
  },
  'refresh.fromData': { zh: '取自数据', en: 'from the data' },
  'refresh.full': { zh: '全量刷新', en: 'full refresh' },
  'refresh.incremental': {
    zh: '增量刷新：重算 {years} 年度',
    en: 'incremental refresh: years recomputed {years}',
  },
  'refresh.none': { zh: '无', en: 'none' },
  'refresh.speed': {
    zh: '{seconds} s，读取 {rows} 行，{per_second} rows/s',
    en: '{seconds} s, {rows} rows read, {per_second} rows/s',
  },
  'refresh.counts': {
    zh: '指标值 {metric_rows} 条；预警 {active} 条有效（新增 {new}，解除 {resolved}）；摘牌观察名单新增 {watch} 条',
    en: '{metric_rows} indicator values; {active} active flags ({new} new, {resolved} resolved); {watch} new watchlist entries',
  },
  'ingest.superseded': { zh: '替换旧数据 {n} 行', en: '{n} superseded' },
  // the server's start (`shifan serve`, `shifan start`)
  'serve.computed': {
    zh: '已计算指标（刷新运行 {run}，{seconds} 秒）：指标值 {metric_rows} 条，有效预警 {flags_active} 条',
    en: 'computed the indicators (refresh run {run}, {seconds} s): {metric_rows} values, {flags_active} active flags',
  },
  'serve.firstAdmin': {
    zh: '首次启动：已创建管理员账号 {username}，初始密码只显示这一次，请立即保存。密码：{password}',
    en: 'first start: created user {username}, password (shown once, store it now): {password}',
  },
  'serve.notBuilt': {
    zh: '仪表板尚未构建（{dir}）：请运行 {command}；在此之前 API 照常可用',
    en: 'the dashboard is not built ({dir}); run {command} — the API works meanwhile',
  },
  'serve.running': {
    zh: 'shifan 已在 {url} 运行（API 文档：{docs}），按 Ctrl-C 停止',
    en: 'shifan is running at {url} (API docs: {docs}); Ctrl-C stops it',
  },
  'serve.login': {
    zh: '下一步：在浏览器中打开 {url}，用账号 {username} 和上面的初始密码登录，再在“账号”页为同事建立账号',
    en: "next: open {url} in a browser and log in as {username} with the password above, then create your colleagues' accounts on the Accounts page",
  },
} satisfies Record<string, Template>;

export type CliWord = keyof typeof cliWords;

/** A word or sentence of the command line in a language, its `{parameters}` filled. */
export function cliWord(key: CliWord, lang: Lang, params: Params = {}): string {
  return fill(cliWords[key], params, lang);
}
