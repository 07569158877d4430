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
  persistence: {
    zh: '{rule|riskRule}：{year}年同一预警（{rule_id|flagRule}{detail}）',
    en: '{rule|riskRule}: the same flag in {year} ({rule_id|flagRule}{detail})',
  },
} satisfies Record<string, Template>;

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
  return fill(rule === 'watchlist_ground' ? riskReasonMessage.watchlist_ground : riskReasonMessage.default, p, lang);
}
