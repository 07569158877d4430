// The explanation of each flag rule, rendered from the rule id and its numbers (flags.numbers, the JSON each
// sql/flags/<rule>.sql writes). SQL computes the figures; the words are here, in each language.
import { formatAgainst } from './against.ts';
import type { Lang, Params, Template } from './types.ts';
import { fill, formatValue } from './render.ts';
import { direction, metricStatus } from './terms.ts';
import { columnLabel } from './contract.ts';

export const flagMessage = {
  metric_not_met: {
    zh: '{year}年 {metric}未达标：{value_text}{counts}，标准{standard}{threshold_note}{provisional_note}',
    en: '{year} {metric} not met: {value_text}{counts}, standard {standard}{threshold_note}{provisional_note}',
  },
  conformance_below_bar: {
    zh: '{year}年 达标指标{items_met}项/参评{items_assessed}项（按指标序号计），达标率{conformance:rate}，低于{bar:rate}的要求（{designation|designation}）{provisional_note}',
    en: '{year}: {items_met} of {items_assessed} indicator Nos. met, conformance {conformance:rate}, below the {bar:rate} required ({designation|designation}){provisional_note}',
  },
  funnel_outlier: {
    zh: '{year}年 {metric} 超出漏斗图99.8%控制限：{value:rate}（{numerator:count}/{denominator:count}），全国汇总{target:rate}，99.8%控制限{lower998:rate}–{upper998:rate}（{model_text}），z={z:z}，p={p_value:g}，FDR校正q={q_value:g}（≤{fdr_q:num}）；{verdict}',
    en: '{year} {metric} beyond the 99.8% funnel limit: {value:rate} ({numerator:count}/{denominator:count}), national pooled {target:rate}, 99.8% limits {lower998:rate}–{upper998:rate} ({model_text}), z={z:z}, p={p_value:g}, FDR-adjusted q={q_value:g} (≤{fdr_q:num}); {verdict}',
  },
  report_late: {
    zh: '{year}年度年度报告逾期报送：{submitted_on:date}报送，截止日期{due_on:date}，逾期{days_late}天',
    en: 'Annual report on {year} submitted late: on {submitted_on:date}, due {due_on:date}, {days_late} days late',
  },
  report_missing: {
    zh: '{year}年度法治政府建设年度报告未报送：应于{due_on:date}前报送，截至数据日期{as_of:date}仍无报告',
    en: 'Annual report on {year} missing: due by {due_on:date}, still none as of {as_of:date}',
  },
  self_report_contradiction: {
    zh: '{year}年度年度报告自报数据与案件数据不符（疑似材料不实的筛查信号，需核查，不构成摘牌依据）：{field_label} 报告填报{stated:count}，案件数据计得{counted:count}，相差{difference:count}（{share}）',
    en: 'Annual report on {year} disagrees with the case records (a screening signal for false materials, to be reviewed, never a ground by itself): {field_label} stated {stated:count}, counted {counted:count}, difference {difference:count} ({share})',
  },
  self_assessment_contradiction: {
    zh: '{year}年度指标自评称第{indicator_no}项指标达标，数据显示未达标：{metrics}（疑似材料不实的筛查信号，需核查，不构成摘牌依据）{provisional_note}',
    en: 'The {year} self-assessment calls indicator No. {indicator_no} met; the data say not met: {metrics} (a screening signal for false materials, to be reviewed, never a ground by itself){provisional_note}',
  },
  disclosure_report_unbalanced: {
    zh: '{year}年度{publisher}政府信息公开工作年度报告数据不平衡（未通过的校验：{failures:balance}）',
    en: 'The {year} government information disclosure report of {publisher} does not balance (checks failed: {failures:balance})',
  },
  disclosure_report_contradiction: {
    zh: '{year}年度{publisher}政府信息公开工作年度报告所载{action_type|action_type}决定数与案件数据不符（疑似材料不实的筛查信号，需核查，不构成摘牌依据）：报告{stated:count}件，案件数据{counted:count}件，相差{difference:count}',
    en: 'The {year} disclosure report of {publisher} states a number of {action_type|action_type} decisions that differs from the case records (a screening signal for false materials, to be reviewed, never a ground by itself): report {stated:count}, case records {counted:count}, difference {difference:count}',
  },
  sudden_drop: {
    zh: '{metric}骤降：由{previous_year}年{previous:rate}（n={previous_denominator:count}）变为{year}年{value:rate}（n={denominator:count}），恶化{drop:pp}个百分点，z={z:z}',
    en: '{metric} dropped: from {previous:rate} in {previous_year} (n={previous_denominator:count}) to {value:rate} in {year} (n={denominator:count}), {drop:pp} percentage points worse, z={z:z}',
  },
  worsening: {
    zh: '{metric}连续两年变差：{y0}年{v0:rate}（n={n0:count}）→ {y1}年{v1:rate}（n={n1:count}）→ {y2}年{v2:rate}（n={n2:count}）；两年间变化z={z_two_years:z}（≥2.58）',
    en: '{metric} worse two years running: {v0:rate} in {y0} (n={n0:count}) → {v1:rate} in {y1} (n={n1:count}) → {v2:rate} in {y2} (n={n2:count}); two-year change z={z_two_years:z} (≥2.58)',
  },
} satisfies Record<string, Template>;

/** Pieces that appear in a message only when their condition holds. */
export const flagFragment = {
  counts: { zh: '（{numerator:count}/{denominator:count}）', en: ' ({numerator:count}/{denominator:count})' },
  thresholdNote: { zh: '（{threshold_note}）', en: ' ({threshold_note})' },
  provisionalDays: {
    zh: '；工作日按未公布的日历推算，结果为{provisional_label}',
    en: '; working days reckoned on an unpublished calendar, so {provisional_label}',
  },
  provisionalSome: { zh: '；部分指标为{provisional_label}值', en: '; some indicators are {provisional_label}' },
  modelAdditive: { zh: '过度离散，随机效应τ²={tau2:g}', en: 'over-dispersed, random effect τ²={tau2:g}' },
  modelMultiplicative: { zh: '过度离散，φ={phi:num}', en: 'over-dispersed, φ={phi:num}' },
  modelExact: { zh: '精确二项分布', en: 'exact binomial' },
  worse: { zh: '表现显著差于总体', en: 'significantly worse than the whole' },
  better: {
    zh: '显著好于总体，建议核实数据真实性',
    en: 'significantly better than the whole; worth checking the data behind it',
  },
  zeroCount: { zh: '计数为0', en: 'count is 0' },
} satisfies Record<string, Template>;

export type FlagRuleId = keyof typeof flagMessage;

/** A metric's name in a language; the indicator system (data/indicator-systems) is where names live. */
export type MetricNamer = (metricId: string, lang: Lang) => string | undefined;

/** A metric value in its unit: rates as percentages, counts and days as plain numbers. */
function metricValue(v: unknown, unit: unknown, lang: Lang): string {
  return formatValue(
    v,
    unit === 'rate' ? 'rate' : typeof v === 'number' && Number.isInteger(v) ? 'count' : 'num',
    lang,
  );
}

/** A value beside its threshold, with the decimals that tell them apart (against.ts). */
function metricValueAgainst(v: unknown, t: unknown, unit: unknown, lang: Lang): string {
  if (typeof v !== 'number') return metricValue(v, unit, lang);
  return formatAgainst(v, typeof t === 'number' ? t : null, String(unit));
}

/**
 * The explanation of a flag in a language. `params` is the flag's numbers (with year); a rule without a message
 * (a rule added since this build) shows its id and numbers rather than nothing.
 */
export function renderFlag(
  rule: string,
  params: Params | null | undefined,
  lang: Lang,
  metricName?: MetricNamer,
): string {
  const p: Params = { ...(params ?? {}) };
  const template = (flagMessage as Record<string, Template>)[rule];
  if (!template) return `${rule} ${JSON.stringify(params ?? {})}`;
  const metricId = typeof p.metric_id === 'string' ? p.metric_id : '';
  p.metric = (metricId && metricName?.(metricId, lang)) || (lang === 'zh' ? p.metric_name_zh : undefined) || metricId;
  p.provisional_label = lang === 'zh' ? metricStatus.provisional.zh : metricStatus.provisional.en.toLowerCase();
  const f = (t: Template) => fill(t, p, lang);
  switch (rule) {
    case 'metric_not_met':
      p.value_text = metricValueAgainst(p.value, p.threshold, p.unit, lang);
      p.counts = p.denominator !== null && p.denominator !== undefined ? f(flagFragment.counts) : '';
      p.standard = `${(direction as Record<string, { zh: string; en: string }>)[String(p.direction)]?.[lang] ?? '='}${metricValue(p.threshold, p.unit, lang)}`;
      // the note quotes the indicator system in the seed's Chinese words: an English reader has the standard itself
      p.threshold_note = p.threshold_note && lang === 'zh' ? f(flagFragment.thresholdNote) : '';
      p.provisional_note = p.provisional === true ? f(flagFragment.provisionalDays) : '';
      break;
    case 'conformance_below_bar':
      p.provisional_note = p.provisional === true ? f(flagFragment.provisionalSome) : '';
      break;
    case 'funnel_outlier':
      p.model_text = f(
        p.model === 'additive'
          ? flagFragment.modelAdditive
          : p.model === 'multiplicative'
            ? flagFragment.modelMultiplicative
            : flagFragment.modelExact,
      );
      p.verdict = f(p.unfavourable === false ? flagFragment.better : flagFragment.worse);
      break;
    case 'self_report_contradiction':
      p.field_label = columnLabel('annual_reports', String(p.field), lang);
      p.share =
        typeof p.counted === 'number' && p.counted > 0 && typeof p.difference === 'number'
          ? formatValue(Math.abs(p.difference) / p.counted, 'rate', lang)
          : f(flagFragment.zeroCount);
      break;
    case 'self_assessment_contradiction': {
      const ids = Array.isArray(p.metrics_not_met) ? (p.metrics_not_met as string[]) : [];
      const zhNames = Array.isArray(p.metric_names_zh) ? (p.metric_names_zh as string[]) : [];
      p.metrics = ids
        .map((id, i) => metricName?.(id, lang) ?? (lang === 'zh' ? zhNames[i] : undefined) ?? id)
        .join(lang === 'zh' ? '、' : ', ');
      p.provisional_note = p.provisional === true ? f(flagFragment.provisionalDays) : '';
      break;
    }
    case 'sudden_drop':
      p.previous_year = typeof p.year === 'number' ? p.year - 1 : undefined;
      break;
    case 'worsening':
      for (const i of [0, 1, 2]) {
        p[`y${i}`] = (p.years as unknown[] | undefined)?.[i];
        p[`v${i}`] = (p.values as unknown[] | undefined)?.[i];
        p[`n${i}`] = (p.denominators as unknown[] | undefined)?.[i];
      }
      break;
  }
  return fill(template, p, lang);
}
