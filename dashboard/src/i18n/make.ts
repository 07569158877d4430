// The words of the dashboard in one language, without React: the pages' own dictionaries (zh.ts, en.ts), the
// vocabulary's labels and messages (pipeline/vocabulary), numbers and dates with Intl. index.tsx provides it to
// the pages; tests use it directly.
import { zh, type MessageKey as PageKey } from './zh.ts';
import type { FlagNumbers } from '../api/index.ts';
import { en } from './en.ts';
import {
  groupLabel,
  renderError,
  renderFlag,
  renderReject,
  renderWatchBasis,
  renderWatchSummary,
  renderRiskReason,
  renderContradiction,
  freeTextOf,
  type ContradictionParams,
  columnLabel,
  datasetLabel,
  terms,
  enumLabels,
  type Lang,
  type MetricNamer,
  type Params,
} from '../../../pipeline/vocabulary/index.ts';

export type { Lang, MetricNamer };
const dictionaries: Record<Lang, Record<PageKey, string>> = { zh, en };

/**
 * The pages' own words are in zh.ts / en.ts; every code (status, rule, severity, state, role, …) is labelled by
 * the vocabulary (pipeline/vocabulary). These prefixes name a vocabulary group in t('status.met') and
 * label('watch', status).
 */
const groupOfPrefix = {
  watch: 'watchStatus',
  rule: 'flagRule',
  severity: 'severity',
  status: 'metricStatus',
  designation: 'designation',
  level: 'level',
  'job.status': 'jobStatus',
  'spot.state': 'drawState',
  'spot.check': 'verifyCheck',
  'spot.rule': 'allocationRule',
  'spot.strata': 'drawStrata',
  'spot.exclusion': 'drawExclusion',
  position: 'funnelPosition',
  'auth.role': 'role',
  report: 'reportStatus',
  'watch.ground': 'watchGroundFull',
  'flag.status': 'flagStatus',
  triage: 'triageState',
  tier: 'riskTier',
  riskRule: 'riskRule',
} as const;
type Prefix = keyof typeof groupOfPrefix;
type GroupCodes<P extends Prefix> = (typeof groupOfPrefix)[P] extends keyof typeof terms
  ? Extract<keyof (typeof terms)[(typeof groupOfPrefix)[P]], string | number>
  : string;
type VocabularyKey = { [P in Prefix]: `${P}.${GroupCodes<P>}` }[Prefix];
export type MessageKey = PageKey | VocabularyKey;

function vocabularyLabel(key: string, lang: Lang): string | undefined {
  const cut = key.lastIndexOf('.');
  if (cut < 0) return undefined;
  const prefix = key.slice(0, cut);
  const group = (groupOfPrefix as Record<string, string>)[prefix] ?? prefix;
  const code = key.slice(cut + 1);
  const g = (terms as Record<string, Record<string, unknown>>)[group] ?? enumLabels[group];
  return g && code in g ? groupLabel(group, code, lang) : undefined;
}

export interface I18n {
  lang: Lang;
  locale: string;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Known enum values (status, designation, level…) → label; unknown values pass through. */
  label(prefix: string, value: unknown): string;
  /** A flag's explanation from its rule and numbers (JSON text in a list's rows, an object in a flag's detail). */
  flagMessage(rule: string | undefined, numbers: string | FlagNumbers | null, year?: number): string;
  /** A risk-queue reason from its rule and the codes and figures it rests on. */
  riskReason(r: { rule: string; params: unknown }): string;
  /** A watchlist entry's summary and basis. */
  watchSummary(kind: string, params: unknown): string;
  watchBasis(e: { is_ground: boolean; ground: number | null; kind: string }): string;
  /** The free text in a message's parameters (a description, a reason), as a data-value attribute marks it. */
  dataValues(params: unknown): string | undefined;
  /** A naming-round contradiction from its kind and figures. */
  contradiction(c: ContradictionParams): string;
  /** A metric's name in the page's language (its id when the indicator system does not know it). */
  metric(id: string): string;
  /** A rejected row's reason from its code and column. */
  reject(r: { code: string; dataset?: string | null; column?: string | null }): string;
  /** An API error's message from its code and parameters. */
  error(code: string, params?: Params | null): string;
  /** Punctuation between the words of a sentence the page composes: full-width in Chinese, ASCII in English. */
  p: Punctuation;
  /** A dataset's or a contract column's label. */
  dataset(name: string): string;
  column(dataset: string, name: string): string;
  num(v: number | null | undefined, digits?: number): string;
  pct(v: number | null | undefined, digits?: number): string;
  date(v: string | number | Date | null | undefined, withTime?: boolean): string;
}

export interface Punctuation {
  /** "：" / ": " after a label */
  colon: string;
  /** "；" / "; " between clauses */
  semi: string;
  /** "，" / ", " */
  comma: string;
  /** "、" / ", " between the items of a list */
  list: string;
  /** "（" / " (" and "）" / ")" around an aside */
  open: string;
  close: string;
}

export const PUNCTUATION: Record<Lang, Punctuation> = {
  zh: { colon: '：', semi: '；', comma: '，', list: '、', open: '（', close: '）' },
  en: { colon: ': ', semi: '; ', comma: ', ', list: ', ', open: ' (', close: ')' },
};

export function makeI18n(lang: Lang, setLang: (l: Lang) => void = () => {}, metricName?: MetricNamer): I18n {
  const dict = dictionaries[lang];
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const nf = new Map<number, Intl.NumberFormat>();
  const numFmt = (d: number) => {
    if (!nf.has(d)) nf.set(d, new Intl.NumberFormat(locale, { maximumFractionDigits: d }));
    return nf.get(d)!;
  };
  const df = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  const dtf = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
  return {
    lang,
    locale,
    setLang,
    t(key, vars) {
      let s: string = (dict as Record<string, string>)[key] ?? vocabularyLabel(key, lang) ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
      return s;
    },
    label(prefix, value) {
      // A code of a vocabulary group is the vocabulary's; a page's own choice (triage.none, a filter's "all") is
      // in the page dictionaries.
      return (
        vocabularyLabel(`${prefix}.${String(value)}`, lang) ??
        (dict as Record<string, string>)[`${prefix}.${String(value)}`] ??
        String(value ?? '')
      );
    },
    riskReason: (r) => renderRiskReason(r.rule, parseParams(r.params) ?? {}, lang, metricName),
    flagMessage: (rule, numbers, year) =>
      renderFlag(String(rule ?? ''), { year, ...(parseParams(numbers) ?? {}) }, lang, metricName),
    watchSummary: (kind, params) => renderWatchSummary(kind, parseParams(params), lang, metricName),
    watchBasis: (e) => renderWatchBasis(e, lang),
    reject: (r) => renderReject(r, lang),
    contradiction: (c) => renderContradiction(c, lang, metricName),
    dataValues: (params) => freeTextOf(params).join('\n') || undefined,
    metric: (id) => metricName?.(id, lang) ?? id,
    error: (code, params) => renderError(code, params, lang),
    p: PUNCTUATION[lang],
    dataset: (name) => datasetLabel(name, lang),
    column: (dataset, name) => columnLabel(dataset, name, lang),
    num: (v, digits = 2) => (v == null || Number.isNaN(v) ? '—' : numFmt(digits).format(v)),
    pct: (v, digits = 1) => (v == null || Number.isNaN(v) ? '—' : `${numFmt(digits).format(v * 100)}%`),
    date(v, withTime = false) {
      if (v == null || v === '') return '—';
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v; // civil date, shown as is
      // The server's timestamps without a zone ("2026-11-29 13:35:18") are already civil time in Asia/Shanghai.
      const civil = typeof v === 'string' ? v.match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/) : null;
      if (civil) return withTime ? `${civil[1]} ${civil[2]}` : civil[1]!;
      const d = v instanceof Date ? v : new Date(v);
      return Number.isNaN(d.getTime()) ? String(v) : (withTime ? dtf : df).format(d);
    },
  };
}

/** Parameters arrive as JSON objects, or as JSON text from an Arrow table. */
function parseParams(value: unknown): Params | null {
  if (value == null) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Params;
    } catch {
      return { text: value };
    }
  }
  return value as Params;
}
