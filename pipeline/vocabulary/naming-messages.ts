// A naming-round contradiction (sql/naming/contradictions.sql) worded from its kind and the figures the SQL returns:
// the claimed status or figure, and each metric's id, unit, value, threshold (and numerator and denominator for a
// claimed figure). SQL computes; the words are here, in each language.
import type { MetricNamer } from './flag-messages.ts';
import { fill } from './render.ts';
import type { Lang, Params, Template } from './types.ts';

export const contradictionMessage = {
  claimed_met: {
    zh: '自评称第{indicator_no}项达标，数据显示{year}年未达标：{metrics}',
    en: 'the self-assessment calls No. {indicator_no} met; the data show it not met in {year}: {metrics}',
  },
  claimed_not_applicable: {
    zh: '自评称第{indicator_no}项不适用，数据显示{year}年未达标：{metrics}',
    en: 'the self-assessment calls No. {indicator_no} not applicable; the data show it not met in {year}: {metrics}',
  },
  claimed_figure: {
    zh: '第{indicator_no}项 {metric} 自报 {claimed}，数据计算为 {value}（{fraction}），相差 {difference}',
    en: 'No. {indicator_no} {metric}: claimed {claimed}, computed {value} ({fraction}), a difference of {difference}',
  },
} satisfies Record<string, Template>;

export const contradictionFragment = {
  metric: { zh: '{metric} {value}（标准{threshold}）', en: '{metric} {value} (standard {threshold})' },
  noDenominator: { zh: '无分母', en: 'no denominator' },
  points: { zh: '{points} 个百分点', en: '{points} percentage points' },
  noData: { zh: '无数据', en: 'no data' },
} satisfies Record<string, Template>;

export interface ContradictionMetric {
  metric_id: string;
  unit: string | null;
  value: number | null;
  threshold: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface ContradictionParams {
  kind: string;
  indicator_no: number;
  year: number;
  claimed_value: number | null;
  metrics: readonly ContradictionMetric[];
}

/** A metric value as analysts read it: rates as percentages with one decimal, other units as plain numbers. */
function metricText(v: number | null | undefined, unit: string | null | undefined, lang: Lang): string {
  if (v == null) return contradictionFragment.noData[lang];
  const n = Number(v);
  if (unit === 'rate') return `${(100 * n).toFixed(1)}%`;
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A claimed figure is written as the region wrote it: a rate in percent (0–100), other units as numbers. */
function claimedText(v: number | null, unit: string | null | undefined): string {
  if (v == null) return '—';
  return unit === 'rate' ? `${Number(v).toFixed(1)}%` : String(Number(Number(v).toPrecision(6)));
}

export function renderContradiction(c: ContradictionParams, lang: Lang, metricName?: MetricNamer): string {
  const name = (id: string) => metricName?.(id, lang) ?? id;
  const template = (contradictionMessage as Record<string, Template>)[c.kind];
  if (!template) return c.kind;
  const p: Params = { indicator_no: c.indicator_no, year: c.year };
  if (c.kind === 'claimed_figure') {
    const m = c.metrics[0];
    const shown = m?.value == null ? null : m.unit === 'rate' ? 100 * Number(m.value) : Number(m.value);
    const diff = shown == null || c.claimed_value == null ? null : Math.abs(c.claimed_value - shown);
    p.metric = m ? name(m.metric_id) : '';
    p.claimed = claimedText(c.claimed_value, m?.unit);
    p.value = metricText(m?.value, m?.unit, lang);
    p.fraction =
      m?.denominator != null
        ? `${metricText(m.numerator, 'count', lang)}/${metricText(m.denominator, 'count', lang)}`
        : contradictionFragment.noDenominator[lang];
    p.difference =
      diff == null
        ? '—'
        : m?.unit === 'rate'
          ? fill(contradictionFragment.points, { points: diff.toFixed(1) }, lang)
          : String(Math.round(diff * 100) / 100);
  } else {
    p.metrics = c.metrics
      .map((m) =>
        fill(
          contradictionFragment.metric,
          {
            metric: name(m.metric_id),
            value: metricText(m.value, m.unit, lang),
            threshold: metricText(m.threshold, m.unit, lang),
          },
          lang,
        ),
      )
      .join(lang === 'zh' ? '；' : '; ');
  }
  return fill(template, p, lang);
}

/** What each step of a round holds, from the round's counts (sql/naming/round_counts.sql). */
export const roundProgress = {
  applications: {
    zh: '申报 {applications} 个（综合 {comprehensive}，单项 {single}），自评 {self_assessed} 份，自评报告 {reports} 份',
    en: '{applications} applications ({comprehensive} comprehensive, {single} single-item), {self_assessed} self-assessments, {reports} reports',
  },
  prereview: {
    zh: '初审 {prereviewed} 个，推荐 {recommended} 个',
    en: '{prereviewed} pre-reviewed, {recommended} recommended',
  },
  evaluation: {
    zh: '第三方评估 {third_party} 个，满意度测评 {satisfaction} 个',
    en: '{third_party} third-party evaluations, {satisfaction} satisfaction surveys',
  },
  field_check: {
    zh: '实地核查{list_made|yesNoMade}，已核查 {field_checked} 个',
    en: 'field-check {list_made|yesNoMade}, {field_checked} checked',
  },
  notice: {
    zh: '候选名单 {candidates} 个，{published|yesNoPublished}，异议 {objections} 件（待处理 {objections_pending}）',
    en: '{candidates} candidates, {published|yesNoPublished}, {objections} objections ({objections_pending} pending)',
  },
  naming: { zh: '已决定 {decided} 个，命名 {named} 个', en: '{decided} decided, {named} named' },
} satisfies Record<string, Template>;

/** A step's progress in a language, from the round's counts. */
export function renderRoundProgress(step: string, counts: Record<string, number>, lang: Lang): string {
  const template = (roundProgress as Record<string, Template>)[step];
  if (!template) return '';
  return fill(template, { ...counts, list_made: counts.field_check_lists > 0, published: counts.notices > 0 }, lang);
}

/** A round's stated rule for its field-check list. */
export const fieldCheckRuleText = {
  top_k: { zh: '综合排名前 {k} 名（并列者一并列入）', en: 'the {k} best ranked (ties at the cut included)' },
  threshold: { zh: '综合得分不低于 {min}', en: 'a combined score of at least {min}' },
} satisfies Record<string, Template>;

export function renderFieldCheckRule(r: { rule: string; k?: number; min?: number }, lang: Lang): string {
  const t = (fieldCheckRuleText as Record<string, Template>)[r.rule];
  return t ? fill(t, r, lang) : r.rule;
}
