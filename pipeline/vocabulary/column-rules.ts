// What a column accepts, in words: its type, whether it is the key or required, its allowed values and bounds. One
// definition for the templates' column guide, the upload page's guide and the README's data-contract section.
import { isRequired, type Column, type DatasetContract } from '../contracts/index.ts';
import { fill } from './render.ts';
import type { Lang, TermGroup } from './types.ts';

export const columnType = {
  text: { zh: '文本', en: 'text' },
  region_code: { zh: '6 位行政区划代码（GB/T 2260）', en: '6-digit GB/T 2260 code' },
  int: { zh: '整数', en: 'whole number' },
  number: { zh: '数字', en: 'number' },
  percent: { zh: '百分比 0–100', en: 'percent 0–100' },
  date: { zh: '日期（YYYY-MM-DD、YYYY/M/D、YYYY年M月D日）', en: 'date (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日)' },
  datetime: {
    zh: '日期时间（ISO 8601；未写时区按北京时间）',
    en: 'date-time (ISO 8601; Asia/Shanghai when no offset)',
  },
  boolean: { zh: '是/否（也可填 true/false、1/0、Y/N）', en: 'boolean (true/false, 1/0, 是/否, Y/N)' },
  enum: { zh: '下列之一', en: 'one of' },
} satisfies TermGroup;

const part = {
  oneOf: { zh: '可填：{values}', en: 'one of {values}' },
  key: { zh: '主键', en: 'key' },
  required: { zh: '必填', en: 'required' },
  optionalColumn: { zh: '可省略此列', en: 'optional column' },
  atLeast: { zh: '不小于 {min}', en: 'at least {min}' },
  atMost: { zh: '不大于 {max}', en: 'at most {max}' },
  derived: { zh: '留空时自动推出', en: 'derived when left blank' },
} satisfies TermGroup;

/**
 * A column's rule as one line. The contract's free-text `note` is English and shown in English only (the Chinese
 * line says everything the checks enforce; the note explains meaning).
 */
export function columnRuleText(contract: DatasetContract, col: Column, lang: Lang): string {
  const sep = lang === 'zh' ? '；' : '; ';
  const parts: string[] = [];
  parts.push(
    col.type === 'enum'
      ? fill(
          part.oneOf,
          {
            values: (col.values ?? []).map((v) => (lang === 'zh' ? v.zh : `${v.value} ${v.zh}`)).join(' / '),
          },
          lang,
        )
      : columnType[col.type][lang],
  );
  if (contract.key.includes(col.name)) parts.push(part.key[lang]);
  else if (isRequired(contract, col)) parts.push(part.required[lang]);
  if (col.min !== undefined && col.type !== 'enum') parts.push(fill(part.atLeast, { min: col.min }, lang));
  if (col.max !== undefined && col.type !== 'enum') parts.push(fill(part.atMost, { max: col.max }, lang));
  if (col.derive) parts.push(part.derived[lang]);
  if (col.optional) parts.push(part.optionalColumn[lang]);
  if (col.note && lang === 'en') parts.push(col.note);
  return parts.join(sep);
}
