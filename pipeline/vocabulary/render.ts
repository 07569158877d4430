// Filling a template with parameters, in one language. Numbers are formatted here, not in SQL, so a rate reads
// the same in the dashboard, the CLI and the export.
import type { Lang, Params, Template, Term } from './types.ts';
import { metricStatus, terms } from './terms.ts';
import { enumLabels } from './contract.ts';
import { renderBalanceFailures } from './balance-checks.ts';

const EMPTY = '—';

export function formatValue(value: unknown, format: string | undefined, lang: Lang): string {
  if (value === '') return '';
  if (value === null || value === undefined) return format === 'rate' ? metricStatus.no_data[lang] : EMPTY;
  if (typeof value === 'bigint') value = Number(value);
  switch (format) {
    case 'rate':
      return typeof value === 'number' ? `${(100 * value).toFixed(1)}%` : String(value);
    case 'count':
      return typeof value === 'number' ? String(Math.round(value)) : String(value);
    case 'num':
      return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : String(value);
    case 'pp':
      return typeof value === 'number' ? (100 * value).toFixed(1) : String(value);
    case 'g':
      // two significant digits, as printf's %.2g: p-values and q-values
      return typeof value === 'number'
        ? value !== 0 && Math.abs(value) < 1e-4
          ? value.toExponential(1)
          : String(Number(value.toPrecision(2)))
        : String(value);
    case 'z':
      return typeof value === 'number' ? value.toFixed(2) : String(value);
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
      return civilDateTime(String(value));
    case 'balance':
      // a disclosure report's failed checks, as stored (balance-checks.ts)
      return renderBalanceFailures(String(value), lang);
    default:
      // a value worded in each language (a password policy's reason): the reader's
      if (value && typeof value === 'object' && 'zh' in value && 'en' in value) return String((value as Term)[lang]);
      return Array.isArray(value) ? value.join(lang === 'zh' ? '、' : ', ') : String(value);
  }
}

/** The label of a code in a group of terms (terms.ts) or of contract enum values (by column name). */
export function groupLabel(group: string, value: unknown, lang: Lang): string {
  const g = ((terms as Record<string, Record<string, Term>>)[group] ?? enumLabels[group]) as
    | Record<string, Term>
    | undefined;
  return g?.[String(value)]?.[lang] ?? String(value ?? '');
}

/**
 * Replaces `{name}` and `{name:format}` with the parameter, and `{name|group}` with the parameter's label in that
 * group (a list of codes becomes a list of labels).
 */
export function fill(template: Template, params: Params, lang: Lang): string {
  return template[lang].replace(
    /\{(\w+)(?::(\w+))?(?:\|(\w+))?\}/g,
    (_m, name: string, format?: string, group?: string) => {
      const value = params[name];
      if (group) {
        const list = Array.isArray(value) ? value : [value];
        return list.map((v) => groupLabel(group, v, lang)).join(lang === 'zh' ? '、' : ' or ');
      }
      return formatValue(value, format, lang);
    },
  );
}

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO text with Z or an offset, or a Date) as Beijing civil time to the minute: 2026-11-29 14:02. */
export function beijingMinute(instant: string | Date): string {
  return SHANGHAI.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A date-time as Beijing civil time, as every date of the product is shown: an instant with its offset or Z (a
 *  package's generated_at) is converted; a civil time without one (most records) is shown as written. */
function civilDateTime(text: string): string {
  if (/(Z|[+-]\d\d:?\d\d)$/.test(text)) {
    const t = new Date(text);
    if (!Number.isNaN(t.getTime())) return SHANGHAI.format(t);
  }
  return text.replace('T', ' ').slice(0, 16);
}
