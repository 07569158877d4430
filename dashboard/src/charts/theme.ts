// Shared chart settings: status colours, fonts and value formats by unit. No React, no DOM globals.
import { PUNCTUATION } from '../i18n/make.ts';
export const STATUS_COLORS = { met: '#2f6f3e', not_met: '#b3261e', no_data: '#9aa0a6' } as const;
export const INK = '#1f2933';
export const ACCENT = '#1d4e89';
export const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** A tick/label formatter for a metric unit: rates are fractions shown as percentages. */
export function unitFormat(unit: string | undefined): (v: number) => string {
  if (unit === 'rate') return (v) => `${Math.round(v * 1000) / 10}%`;
  return (v) => (Math.abs(v) >= 1000 ? v.toLocaleString('zh-CN') : String(Math.round(v * 100) / 100));
}

export interface BaseOptions {
  /** The language of the chart's own words (Chinese unless English). */
  lang?: 'zh' | 'en';
  width?: number;
  height?: number;
  document?: Document;
}

export const base = (o: BaseOptions, width: number, height: number) => ({
  width: o.width ?? width,
  height: o.height ?? height,
  style: { fontFamily: FONT, fontSize: '11px', color: INK, background: 'transparent' },
  ...(o.document ? { document: o.document } : {}),
});

/** The unit written after a value that is not a rate (rates carry their % already). */
const UNIT_WORDS: Record<string, { zh: string; en: string }> = {
  workdays: { zh: '个工作日', en: ' working days' },
  days: { zh: '天', en: ' days' },
  items: { zh: '项', en: ' items' },
  sessions: { zh: '次', en: ' sessions' },
  hours: { zh: '学时', en: ' hours' },
};

/** The word after a number of the unit ('' for rates and counts). */
export function unitWord(unit: string | undefined, lang: 'zh' | 'en' = 'zh'): string {
  return (unit ? UNIT_WORDS[unit]?.[lang] : undefined) ?? '';
}

/** A value with its unit: 13.0%, 15个工作日, 3项. */
export function withUnit(unit: string | undefined, lang: 'zh' | 'en' = 'zh'): (v: number) => string {
  const f = unitFormat(unit);
  const word = unit ? UNIT_WORDS[unit]?.[lang] : undefined;
  return (v) => `${f(v)}${word ?? ''}`;
}

/** A threshold as the seed states it: ≥ 90.0%, ≤ 15个工作日, = 100%. */
export function thresholdText(
  threshold: number,
  direction: string | null | undefined,
  unit: string | undefined,
  lang: 'zh' | 'en' = 'zh',
): string {
  const sign = direction === 'higher' ? '≥' : direction === 'lower' ? '≤' : '=';
  return `${sign}${withUnit(unit, lang)(threshold)}`;
}

/** Where the indicator system changed within a span of years: a rule and its label at each version's first year. */
export interface VersionMark {
  from: number;
  label: string;
}
export function versionMarks(versions: readonly VersionMark[] | undefined, years: readonly number[]): VersionMark[] {
  if (!versions || years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return versions.filter((v) => v.from > lo && v.from <= hi);
}

/** Punctuation in the chart's language (the dashboard's one definition, i18n/make.ts). */
export const punctOf = (lang: 'zh' | 'en' | undefined) => PUNCTUATION[lang === 'en' ? 'en' : 'zh'];
/** The colon after a label in the chart's language. */
export const colonOf = (lang: 'zh' | 'en' | undefined) => punctOf(lang).colon;
