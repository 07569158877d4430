// How a risk-queue reason reads (pipeline/risk/score.ts): the rule's label, then what it rests on — its flag worded
// from the rule and numbers, or its watchlist entry from kind and params. SQL and the scorer keep codes and figures.
import type { Lang, Params, Template } from './types.ts';
import { fill } from './render.ts';
import { renderFlag, type MetricNamer } from './flag-messages.ts';
import { renderWatchSummary } from './watch-messages.ts';

export const riskReasonMessage = {
  default: { zh: '{rule|riskRule}：{source_text}', en: '{rule|riskRule}: {source_text}' },
  watchlist_ground: {
    zh: '{rule|riskRule}（第{ground}项）：{source_text}',
    en: '{rule|riskRule} (ground {ground}): {source_text}',
  },
  shared: {
    zh: '{rule|riskRule}（共性问题：{shared_of}个地区中{shared_regions}个同样，不计分）：{source_text}',
    en: '{rule|riskRule} (shared by {shared_regions} of {shared_of} regions, scores 0): {source_text}',
  },
  persistence: {
    zh: '{rule|riskRule}：{year}年同一预警（{rule_id|flagRule}{detail}）',
    en: '{rule|riskRule}: the same flag in {year} ({rule_id|flagRule}{detail})',
  },
  sharedProblem: {
    zh: '共性问题（不计入得分）：{rule|riskRule}{detail}：{of}个地区中{regions}个',
    en: 'Shared problem (scores 0): {rule|riskRule}{detail}: {regions} of {of} regions',
  },
} satisfies Record<string, Template>;

/** A problem most regions of the risk queue's scope share (pipeline/risk queue.ts `shared`), in a language. */
export function renderSharedProblem(
  p: { rule_id: string; detail_key: string; regions: number; of: number },
  lang: Lang,
): string {
  const rule = p.rule_id === 'conformance_below_bar' ? 'below_bar_repeated' : 'metric_miss_repeated';
  const detail = p.detail_key ? ` ${p.detail_key}` : '';
  return fill(riskReasonMessage.sharedProblem, { rule, detail, regions: p.regions, of: p.of }, lang);
}

/** A reason of the risk queue in a language, from its rule and the params the scorer recorded. */
export function renderRiskReason(rule: string, params: Params, lang: Lang, metricName?: MetricNamer): string {
  const p: Params = { ...params, rule };
  if (rule === 'persistence') {
    p.detail = p.detail_key ? ` ${p.detail_key}` : '';
    return fill(riskReasonMessage.persistence, p, lang);
  }
  p.source_text =
    p.source === 'watchlist'
      ? renderWatchSummary(String(p.kind ?? ''), p.params as Params | null, lang, metricName)
      : renderFlag(
          String(p.rule_id ?? ''),
          { year: p.year, ...((p.numbers as Params | null) ?? {}) },
          lang,
          metricName,
        );
  const template =
    rule === 'watchlist_ground'
      ? riskReasonMessage.watchlist_ground
      : p.shared_of !== undefined
        ? riskReasonMessage.shared
        : riskReasonMessage.default;
  return fill(template, p, lang);
}
