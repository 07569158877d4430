// How a scheduled job's run reads: each job ends with a code and its figures (pipeline/jobs/definitions.ts), kept in
// the run's details; the data page words them in the reader's language, and the stored one-line summary is the
// Chinese of the same template (for logs and the CLI).
import { fill } from './render.ts';
import type { Lang, Params, Template } from './types.ts';

export const jobMessage = {
  'inbox.missing': { zh: '收件箱 {dir} 不存在，未加载', en: 'the inbox {dir} does not exist; nothing loaded' },
  'inbox.done': {
    zh: '收件箱 {files} 个文件：新加载 {loaded} 个（{rows} 行，拒收 {rejected} 行），已加载跳过 {skipped} 个，拒绝 {refused} 个',
    en: 'inbox, {files} files: {loaded} newly loaded ({rows} rows, {rejected} rejected), {skipped} already loaded and skipped, {refused} refused',
  },
  'refresh.done': {
    zh: '刷新 run {run_id}：数据日期 {as_of}，指标值 {metric_rows} 条，预警 {flags_active} 条有效（新增 {flags_new}，解除 {flags_resolved}）',
    en: 'refresh run {run_id}: data as of {as_of}, {metric_rows} indicator values, {flags_active} active flags ({flags_new} new, {flags_resolved} resolved)',
  },
  'reports.too_early': {
    zh: '{year}年度报告检查：数据日期 {as_of} 未晚于截止日 {deadline}，缺报/逾期尚无法判断；请先载入年度报告报送记录',
    en: 'annual reports on {year}: the data as of {as_of} are not after the deadline {deadline}, so missing or late reports cannot be told yet; load the report submissions first',
  },
  'reports.done': {
    zh: '{year}年度报告检查（数据日期 {as_of}）：未报送 {missing} 个地区，逾期报送 {late} 个地区，均已生成预警',
    en: 'annual reports on {year} (data as of {as_of}): {missing} regions did not report, {late} reported late; each has a flag',
  },
  'calendar.loaded': {
    zh: '{year}年节假日安排已载入（休息日 {off_days} 天，调休上班 {adjusted_workdays} 天）',
    en: 'the {year} holiday notice is loaded ({off_days} days off, {adjusted_workdays} adjusted working days)',
  },
  'calendar.missing': {
    zh: '{year}年节假日安排尚未载入：国务院办公厅通知发布后请运行 shifan calendar load；在此之前{year}年的工作日按周一至周五计算，结果标为临时',
    en: 'the {year} holiday notice is not loaded: run shifan calendar load once the State Council General Office publishes it; until then working days of {year} count Monday to Friday and results are marked provisional',
  },
  'draw.committed': {
    zh: '{year}年度回访抽查已完成抽取并提交（抽取 {draw_id}）',
    en: 'the {year} spot check is drawn and committed (draw {draw_id})',
  },
  'draw.frozen': {
    zh: '{year}年度回访抽查尚未提交（当前状态：抽样框已冻结），请完成抽取',
    en: 'the {year} spot check is not committed (the pool is frozen); finish the draw',
  },
  'draw.drawn': {
    zh: '{year}年度回访抽查尚未提交（当前状态：已抽取未提交），请完成抽取',
    en: 'the {year} spot check is not committed (drawn, not committed); finish the draw',
  },
  'draw.not_started': {
    zh: '{year}年度回访抽查尚未开始：请冻结抽样框并抽取（shifan spotcheck freeze / draw）',
    en: 'the {year} spot check has not started: freeze the pool and draw (shifan spotcheck freeze / draw)',
  },
  'export.done': {
    zh: '{quarter}季报已导出：{files} 个文件，PDF 已生成',
    en: 'quarterly package {quarter} exported: {files} files, PDF made',
  },
  'export.no_pdf': {
    zh: '{quarter}季报已导出：{files} 个文件，PDF 未生成（检查 Chromium 与字体）',
    en: 'quarterly package {quarter} exported: {files} files, no PDF (check Chromium and its fonts)',
  },
  // what an export made, as `shifan export`, the dashboard's export panel and POST /api/exports say it
  'export.pdf_ok': { zh: '已生成 HTML、PDF、XLSX、CSV 和清单', en: 'HTML, PDF, XLSX, CSV and manifest written' },
  'export.pdf_missing': {
    zh: '未找到 Chromium，PDF 未生成；安装后重新导出即可生成 PDF：{hint}',
    en: 'no Chromium found, so no PDF; install it and export again to get the PDF: {hint}',
  },
  'export.pdf_failed': {
    zh: 'PDF 生成失败（{detail}）；其余文件已生成。检查 Chromium 与字体：{hint}',
    en: 'the PDF failed ({detail}); the other files are written. Check Chromium and its fonts: {hint}',
  },
  'export.kept': {
    zh: '{quarter}季报已于 {generated_at} 生成，保留原报告，未重新导出',
    en: 'the {quarter} package was made at {generated_at}; it is kept, not exported again',
  },
  'backup.done': {
    zh: '备份完成：{dir}（{tables} 张表，{rows} 行，{seconds} 秒）；保留最近 {kept} 份',
    en: 'backup made: {dir} ({tables} tables, {rows} rows, {seconds} s); the newest {kept} kept',
  },
  'backup.done_removed': {
    zh: '备份完成：{dir}（{tables} 张表，{rows} 行，{seconds} 秒）；保留最近 {kept} 份，删除较早的 {removed} 份',
    en: 'backup made: {dir} ({tables} tables, {rows} rows, {seconds} s); the newest {kept} kept, {removed} older removed',
  },
  'run.failed': { zh: '运行失败', en: 'the run failed' },
  'run.failed_retried': { zh: '重试{attempts}次后仍失败', en: 'failed again after {attempts} attempts' },
  'run.storage_full': {
    zh: '磁盘空间不足，运行失败：这次运行没有保存，已有的数据不受影响；请腾出空间后重新运行',
    en: 'the disk is full, so the run failed: nothing of it was saved and the data already there is intact; free some space and run it again',
  },
  skipped_overlap: {
    zh: '上一次运行尚未结束，本次跳过',
    en: 'the previous run had not finished; this one was skipped',
  },
} satisfies Record<string, Template>;

export type JobMessageCode = keyof typeof jobMessage;

/** A job run's message: its code and figures, as kept in the run's details. */
export interface JobMessage {
  code: JobMessageCode;
  params: Params;
}

/** A run's message in a language; a code this version does not know shows the stored summary instead. */
export function renderJobMessage(
  message: { code: string; params?: Params } | null | undefined,
  lang: Lang,
  fallback = '',
): string {
  const template = message ? (jobMessage as Record<string, Template>)[message.code] : undefined;
  return template ? fill(template, message?.params ?? {}, lang) : fallback;
}
