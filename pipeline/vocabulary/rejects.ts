// Every reason a row or a file can be refused, with its message in each language. The loader stores the code
// (rejects.code, load_log) and the dashboard and CLI render the reason from here. The contracts' own row rules
// (published_before_decided, …) carry their messages in pipeline/contracts; rowRuleMessage finds them.
import { datasets } from '../contracts/index.ts';
import type { Lang, Params, Template } from './types.ts';
import { fill } from './render.ts';
import { columnLabel, datasetLabel, enumLabels } from './contract.ts';

export const rowReject = {
  required: { zh: '必填项为空', en: 'a required cell is empty' },
  bad_region_code: { zh: '不是6位行政区划代码', en: 'not a 6-digit administrative division code' },
  unknown_region_code: {
    zh: '不是已知的行政区划代码（GB/T 2260 区划代码表和示范地区名录中都没有）',
    en: 'not a known administrative division code (neither in the GB/T 2260 list nor in the regions directory)',
  },
  bad_int: { zh: '不是整数', en: 'not a whole number' },
  bad_number: { zh: '不是数字', en: 'not a number' },
  bad_percent: { zh: '不是百分比（0–100，可带%）', en: 'not a percentage (0–100, an optional % sign)' },
  bad_date: {
    zh: '不是可识别的日期（YYYY-MM-DD、YYYY/M/D、YYYY年M月D日）',
    en: 'not a date in an accepted form (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日)',
  },
  bad_datetime: { zh: '不是 ISO 8601 日期时间', en: 'not an ISO 8601 date-time' },
  bad_boolean: { zh: '不是是/否（true/false、1/0、是/否、Y/N）', en: 'not a boolean (true/false, 1/0, 是/否, Y/N)' },
  bad_enum: { zh: '不在允许的取值中', en: 'not one of the allowed values' },
  out_of_range: { zh: '超出允许范围', en: 'outside the allowed range' },
  duplicate_key: { zh: '同一主键在文件中已出现', en: 'the same key appears earlier in the file' },
  too_many_fields: { zh: '字段数多于表头', en: 'the record has more fields than the header' },
  too_few_fields: { zh: '字段数少于表头', en: 'the record has fewer fields than the header' },
  bad_quoting: {
    zh: '引号未闭合或引号后有多余字符',
    en: 'a quoted field is not closed or is followed by other characters',
  },
  bad_encoding: { zh: '含有不符合文件编码的字节', en: "bytes that are not valid in the file's encoding" },
  line_too_long: { zh: '记录过长，无法读取', en: 'the record is longer than the reader accepts' },
  bad_json: { zh: '该行不是 JSON 对象', en: 'the line is not a JSON object' },
  malformed: { zh: '记录无法读取', en: 'the record could not be read' },
  unreadable_report: {
    zh: '公开的年度报告表格无法按全国统一格式读取（已注明行号和原因）',
    en: 'a published report whose tables cannot be read in the national template (the line and the reason are named)',
  },
  unresolved_publisher: {
    zh: '公开的年度报告的发布机关名称不能唯一对应一个行政区划',
    en: "a published report whose publisher's name does not resolve to exactly one administrative division",
  },
} satisfies Record<string, Template>;

export const fileRefusal = {
  header_mismatch: { zh: '表头缺少必需列或含有未知列', en: 'the header misses required columns or has unknown ones' },
  unknown_dataset: {
    zh: '无法从文件名或表头判断数据集',
    en: 'the dataset could not be told from the file name or header',
  },
  unsupported_format: {
    zh: '文件类型不是 CSV、XLSX、JSON Lines、Parquet 或公开的年度报告（HTML、DOCX、PDF、文本）',
    en: 'the file type is not CSV, XLSX, JSON Lines, Parquet, or a published report (HTML, DOCX, PDF, text)',
  },
  count_mismatch: {
    zh: '入库数与拒收数之和不等于文件中的记录数',
    en: 'loaded + rejected does not equal the records counted in the file',
  },
  empty_file: { zh: '文件没有表头', en: 'the file has no header' },
  unreadable_xlsx: {
    zh: '文件不是有效的 XLSX 工作簿（已损坏，或是改了扩展名的其他文件）',
    en: 'the file is not a valid XLSX workbook (damaged, or another kind of file renamed)',
  },
  xlsx_too_large: { zh: 'XLSX 文件超过大小上限', en: 'the XLSX file is larger than the size limit' },
  unreadable_parquet: {
    zh: '文件不是可读取的 Parquet 文件（已损坏或未完整导出）',
    en: 'the file is not a readable Parquet file (damaged or cut short)',
  },
  unreadable_jsonl: {
    zh: '文件中没有一行是 JSON 对象，不是 JSON Lines 文件',
    en: 'no line of the file is a JSON object, so it is not a JSON Lines file',
  },
  unreadable: { zh: '文件无法读取', en: 'the file could not be read' },
} satisfies Record<string, Template>;

/** "{column}：{reason}" — a reject as the user reads it. */
export const rejectLine: Template = { zh: '{column}：{reason}{allowed}', en: '{column}: {reason}{allowed}' };
const allowedValues: Template = { zh: '（可填：{values}）', en: ' (one of {values})' };

/** The message of a contract's own row rule, or undefined when no contract has the code. */
export function rowRuleMessage(code: string, lang: Lang): string | undefined {
  for (const d of datasets) {
    const rule = d.rules?.find((r) => r.code === code);
    if (rule) return lang === 'zh' ? rule.zh : rule.message;
  }
  return undefined;
}

/** A rejected row's reason in a language, from its code, dataset and column. */
export function renderReject(r: { code: string; dataset?: string | null; column?: string | null }, lang: Lang): string {
  const reason = (rowReject as Record<string, Template>)[r.code]?.[lang] ?? rowRuleMessage(r.code, lang) ?? r.code;
  if (!r.column) return reason;
  const column = r.column
    .split(',')
    .map((c) => (r.dataset ? columnLabel(r.dataset, c, lang) : c))
    .join(lang === 'zh' ? '、' : ', ');
  const values = r.code === 'bad_enum' ? enumLabels[r.column] : undefined;
  const allowed = values
    ? fill(
        allowedValues,
        { values: Object.entries(values).map(([v, t]) => (lang === 'zh' ? t.zh : `${v} (${t.en})`)) },
        lang,
      )
    : '';
  return fill(rejectLine, { column, reason, allowed }, lang);
}

/**
 * What a load says about its file (load_log.message_code and message_params; the upload's answer; `shifan ingest`):
 * its counts, why it was skipped, or why the whole file was refused, with the figures and names it rests on.
 */
export const loadMessage = {
  loaded: {
    zh: '{loaded} 行入库，{rejected} 行拒收{superseded_note}',
    en: '{loaded} loaded, {rejected} rejected{superseded_note}',
  },
  superseded: { zh: '，{superseded} 行旧数据被替换', en: ', {superseded} older rows superseded' },
  skipped: {
    zh: '内容与入库批次 {earlier}（{earlier_file}）相同，未作改动',
    en: 'same content as load {earlier} ({earlier_file}); nothing changed',
  },
  header_mismatch: {
    zh: '表头与数据集“{dataset_label}”不符：{parts}。请使用 shifan templates 生成的模板（英文列名或中文表头均可）',
    en: 'header does not fit dataset {dataset} ({dataset_label}): {parts}. Use the template from shifan templates (English names or the Chinese headers are both accepted)',
  },
  missing: { zh: '缺少列 {columns}', en: 'missing columns: {columns}' },
  unknown: { zh: '未知列 {columns}', en: 'unknown columns: {columns}' },
  duplicated: { zh: '重复的列 {columns}', en: 'columns given twice: {columns}' },
  no_header: {
    zh: '第一行不是数据集“{dataset_label}”的表头：{cells} 个单元格中只有 {known} 个是列名，文件似乎没有表头行。请加上 shifan templates 模板中的表头行（英文列名或中文表头均可）',
    en: 'the first row is not a header of dataset {dataset} ({dataset_label}): {known} of its {cells} cells are column names, so the file seems to have no header row. Add the header row of the template from shifan templates (English names or the Chinese headers are both accepted)',
  },
  unknown_dataset: {
    zh: '无法判断文件属于哪个数据集{closest_note}：请按“数据集名_….csv”命名（如 enforcement_decisions_2024.csv）或指定数据集',
    en: 'cannot tell which dataset this file carries{closest_note}: name it <dataset>_….csv (e.g. enforcement_decisions_2024.csv) or pass --dataset',
  },
  closest: { zh: '（最接近：{closest_label}）', en: ' (closest: {closest})' },
  ambiguous_dataset: {
    zh: '表头同时符合多个数据集（{datasets}）：请按其中一个命名文件或指定数据集',
    en: 'the header fits several datasets ({datasets}); name the file after one or pass --dataset',
  },
  count_mismatch: {
    zh: '文件中有 {records} 条记录，但入库 {loaded} + 拒收 {rejected} = {sum}；文件未入库（请检查引号和换行）',
    en: '{records} records in the file but {loaded} loaded + {rejected} rejected = {sum}; the file was not loaded (check its quoting and line breaks)',
  },
  unsupported_format: fileRefusal.unsupported_format,
  empty_file: fileRefusal.empty_file,
  unreadable_xlsx: {
    zh: '文件不是有效的 XLSX 工作簿（可能已损坏，或是改了扩展名的其他文件，如 XLS 或 CSV）。请用 Excel 或 WPS 打开后另存为 XLSX 格式再报送，或改交 CSV 文件',
    en: 'the file is not a valid XLSX workbook (it may be damaged, or another kind of file renamed, such as .xls or CSV). Open it in Excel or WPS and save it again as .xlsx, or send a CSV file instead',
  },
  xlsx_too_large: {
    zh: 'XLSX 文件 {size_mb} MB，超过 {limit_mb} MB 上限。请另存为 CSV 后报送（CSV 没有此上限）',
    en: 'the XLSX file is {size_mb} MB, larger than the {limit_mb} MB limit. Save it as CSV and send that (CSV has no such limit)',
  },
  unreadable_parquet: {
    zh: '文件不是可读取的 Parquet 文件（可能已损坏、未完整导出，或是改了扩展名的其他文件）。请重新导出 Parquet 文件，或改交 CSV 文件',
    en: 'the file is not a readable Parquet file (it may be damaged, cut short, or another kind of file renamed). Export it again, or send a CSV file instead',
  },
  unreadable_jsonl: {
    zh: '文件的 {lines} 行中没有一行是 JSON 对象，不是 JSON Lines 文件。请按每行一个 JSON 对象重新导出，或改交 CSV 文件',
    en: 'none of the {lines} lines of the file is a JSON object, so it is not a JSON Lines file. Export it again with one JSON object per line, or send a CSV file instead',
  },
  unreadable: { zh: '文件无法读取（{detail}）', en: 'the file could not be read ({detail})' },
  // not the file's fault: the load was cut off (status interrupted), and the same file loads once there is room
  storage_full: {
    zh: '磁盘空间不足，这次装载没有保存，已有的数据不受影响；腾出空间后重新装载该文件即可',
    en: 'the disk was full, so this load was not saved and the data already there is intact; free some space and load the file again',
  },
} satisfies Record<string, Template>;

/** A load's message in a language from its code and parameters; a row written before codes keeps its text. */
export function renderLoadMessage(
  code: string | null | undefined,
  params: Params | string | null | undefined,
  lang: Lang,
  fallback = '',
): string {
  const t = code ? (loadMessage as Record<string, Template>)[code] : undefined;
  if (!t) return fallback;
  let p: Params = {};
  if (typeof params === 'string') {
    try {
      p = JSON.parse(params) as Params;
    } catch {
      p = {};
    }
  } else if (params) p = { ...params };
  const list = (xs: unknown) => (Array.isArray(xs) ? xs.join(lang === 'zh' ? '、' : ', ') : String(xs ?? ''));
  if (typeof p.dataset === 'string') p.dataset_label = datasetLabel(p.dataset, lang);
  if (code === 'loaded') p.superseded_note = Number(p.superseded ?? 0) > 0 ? fill(loadMessage.superseded, p, lang) : '';
  if (code === 'unknown_dataset')
    p.closest_note = p.closest
      ? fill(loadMessage.closest, { ...p, closest_label: datasetLabel(String(p.closest), lang) }, lang)
      : '';
  if (code === 'header_mismatch') {
    const d = String(p.dataset ?? '');
    const col = (c: string) => (lang === 'zh' ? columnLabel(d, c, lang) : `${c} (${columnLabel(d, c, 'zh')})`);
    const parts: string[] = [];
    if (Array.isArray(p.missing) && p.missing.length)
      parts.push(fill(loadMessage.missing, { columns: list(p.missing.map((c) => col(String(c)))) }, lang));
    if (Array.isArray(p.unknown) && p.unknown.length)
      parts.push(fill(loadMessage.unknown, { columns: list(p.unknown.map((c) => `"${c}"`)) }, lang));
    if (Array.isArray(p.duplicated) && p.duplicated.length)
      parts.push(fill(loadMessage.duplicated, { columns: list(p.duplicated) }, lang));
    p.parts = parts.join(lang === 'zh' ? '；' : '; ');
  }
  if (code === 'ambiguous_dataset') p.datasets = list(p.datasets);
  if (code === 'count_mismatch') p.sum = Number(p.loaded ?? 0) + Number(p.rejected ?? 0);
  return fill(t, p, lang);
}
