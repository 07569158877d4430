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
} satisfies Record<string, Template>;

export type CliWord = keyof typeof cliWords;

/** A word or sentence of the command line in a language, its `{parameters}` filled. */
export function cliWord(key: CliWord, lang: Lang, params: Params = {}): string {
  return fill(cliWords[key], params, lang);
}
