// How a watchlist entry reads: its summary from kind + params (watchlist_entries.params, written by
// sql/watchlist/candidates.sql or by an analyst's entry), and its basis (the ground, or why it is not one).
import type { Lang, Params, Template } from './types.ts';
import { fill } from './render.ts';
import { renderFlag, type MetricNamer } from './flag-messages.ts';

export const watchSummary = {
  /** serious_violation, inaction, false_materials: an incident record. */
  incident: {
    zh: '{kind|watchKind}：{description}（{occurred_at:datetime}，来源：{source}）',
    en: '{kind|watchKind}: {description} ({occurred_at:datetime}, source: {source})',
  },
  /** spotcheck_below_bar, and spotcheck_unlinked with its note. */
  spotcheck: {
    zh: '{year}年回访抽查：核查{findings}项指标，达标{met}项，未达标指标序号{unmet_indicators}{unlinked_note}',
    en: '{year} spot check: {findings} indicators checked, {met} met; not met: No. {unmet_indicators}{unlinked_note}',
  },
  noDescription: { zh: '无说明', en: 'no description' },
  noSource: { zh: '未注明', en: 'not stated' },
  unlinkedNote: {
    zh: '；该地区不在已提交的抽查名单内，需核实后方可作为摘牌依据',
    en: '; the region is not in a committed draw, so it must be verified before it can be a ground',
  },
  integrity_signal: {
    zh: '待核查（诚信信号，不构成摘牌依据）：{flag_message}',
    en: 'To review (an integrity signal, never a ground by itself): {flag_message}',
  },
  /** before the naming: possibly concealed to obtain it (ground 2), to be reviewed. */
  concealment_signal: {
    zh: '命名前发生、可能隐瞒的事件（待核查，不构成摘牌依据）——{incident_kind|watchKind}：{description}（{occurred_at:datetime}，来源：{source}）',
    en: 'Event before the naming, possibly concealed (to review, not a ground by itself) — {incident_kind|watchKind}: {description} ({occurred_at:datetime}, source: {source})',
  },
  other: { zh: '{kind|watchKind}：{reason}', en: '{kind|watchKind}: {reason}' },
  /** an analyst's entry on ground 1 or 2 */
  analyst: { zh: '{ground|watchGround}：{reason}', en: '{ground|watchGround}: {reason}' },
  /** a ground-4 entry escalated from a flag (pipeline/flags/triage.ts) */
  escalated: {
    zh: '其他情形（由预警升级）：{reason}｜预警 {rule_id|flagRule}：{flag_message}',
    en: 'Other circumstances (escalated from a flag): {reason} | flag {rule_id|flagRule}: {flag_message}',
  },
} satisfies Record<string, Template>;

export const watchBasis = {
  ground: { zh: '依据{ground|watchGround}', en: 'Ground {ground|watchGround}' },
  spotcheck_unlinked: {
    zh: '抽查结果未关联已提交的抽查：待核查，暂不构成摘牌依据',
    en: 'Spot-check findings outside a committed draw: to review, not yet a ground',
  },
  signal: { zh: '诚信信号：待核查，不构成摘牌依据', en: 'Integrity signal: to review, never a ground by itself' },
  concealment_signal: {
    zh: '命名前发生的事件：可能隐瞒事实真相（第二项），待核查，不构成摘牌依据',
    en: 'Event before the naming: possibly concealed (ground 2), to review, never a ground by itself',
  },
} satisfies Record<string, Template>;

const TEMPLATE_OF_KIND: Record<string, keyof typeof watchSummary> = {
  serious_violation: 'incident',
  inaction: 'incident',
  false_materials: 'incident',
  spotcheck_below_bar: 'spotcheck',
  spotcheck_unlinked: 'spotcheck',
};

/** The entry's summary in a language. An entry written before summaries became codes keeps its text (params.text). */
export function renderWatchSummary(
  kind: string,
  params: Params | null | undefined,
  lang: Lang,
  metricName?: MetricNamer,
): string {
  const p: Params = { ...(params ?? {}), kind };
  if (typeof p.text === 'string') return p.text;
  if (kind === 'integrity_signal')
    p.flag_message = renderFlag(String(p.rule_id ?? 'self_report_contradiction'), p, lang, metricName);
  const escalated = kind === 'other' && typeof p.flag_id === 'string';
  if (escalated)
    p.flag_message = renderFlag(
      String(p.rule_id),
      { year: p.year, ...((p.numbers as Params | null) ?? {}) },
      lang,
      metricName,
    );
  if (p.description === null || p.description === undefined) p.description = fill(watchSummary.noDescription, p, lang);
  if (p.source === null || p.source === undefined) p.source = fill(watchSummary.noSource, p, lang);
  p.unlinked_note = kind === 'spotcheck_unlinked' ? fill(watchSummary.unlinkedNote, p, lang) : '';
  const name = escalated ? 'escalated' : (TEMPLATE_OF_KIND[kind] ?? kind);
  const template = (watchSummary as Record<string, Template>)[name];
  return template ? fill(template, p, lang) : `${kind} ${JSON.stringify(params ?? {})}`;
}

/** How an entry is shown: its ground, or why it is listed without being one. */
export function renderWatchBasis(e: { is_ground: boolean; ground: number | null; kind: string }, lang: Lang): string {
  if (e.is_ground && e.ground !== null) return fill(watchBasis.ground, { ground: e.ground }, lang);
  const basis =
    e.kind === 'spotcheck_unlinked'
      ? watchBasis.spotcheck_unlinked
      : e.kind === 'concealment_signal'
        ? watchBasis.concealment_signal
        : watchBasis.signal;
  return fill(basis, {}, lang);
}

/** The parameters of an entry (or a risk reason resting on one) that are free text as someone wrote it. */
const FREE_TEXT = new Set(['description', 'source', 'reason', 'text', 'note', 'publisher']);

/**
 * The free text inside a message's parameters (an incident's description and source, an analyst's reason), at any
 * depth: data values a page shows as written, in either language, and marks as such.
 */
export function freeTextOf(params: unknown, out: string[] = []): string[] {
  if (typeof params === 'string') {
    try {
      return freeTextOf(JSON.parse(params), out);
    } catch {
      return out;
    }
  }
  if (!params || typeof params !== 'object') return out;
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (FREE_TEXT.has(k) && typeof v === 'string' && v.trim() !== '') out.push(v);
    else if (v && typeof v === 'object') freeTextOf(v, out);
  }
  return out;
}
