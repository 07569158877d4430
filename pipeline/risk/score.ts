// Scoring a region-year's facts (flags and watchlist entries, sql/risk/facts.sql) into reasons with points, by the
// rules and weights of data/risk-weights.json. Pure: no database. Every reason names the flag or the watchlist entry
// it comes from, so every point leads to source rows (GET /api/flags/:id has the evidence with file and line).
import { type Params, renderRiskReason } from '../vocabulary/index.ts';
import type { RiskRule, RiskWeights } from './weights.ts';

export interface RiskFact {
  source: 'flag' | 'watchlist';
  /** flag_id or watchlist entry_id */
  source_id: string;
  region_code: string;
  region_name: string | null;
  year: number;
  rule_id: string;
  detail_key: string;
  severity: string | null;
  /** a flag's figures (JSON) */
  numbers: string | null;
  /** a watchlist entry's params (JSON) */
  params: string | null;
  /** The same flag (rule and detail) active for the previous year. */
  prev_flag_id: string | null;
  funnel_position: string | null;
  funnel_unfavourable: boolean | null;
  p_value: number | null;
  q_value: number | null;
  triage: string | null;
  /** Dismissed by an analyst on the evidence it still has: scores nothing. */
  dismissed: boolean;
  ground: number | null;
  kind: string | null;
  is_ground: boolean | null;
}

export interface RiskReason {
  rule: RiskRule;
  flag_id: string | null;
  entry_id: string | null;
  points: number;
  /** What the reason rests on, as codes and figures: pipeline/vocabulary's renderRiskReason words it. */
  params: Params;
  /** The reason in Chinese (renderRiskReason(…, 'zh')), for the CLI's JSON and the export. */
  text: string;
}

const OUTSIDE_95 = new Set(['above95', 'above998', 'below95', 'below998']);

/** Points of −log10 p, capped: a funnel outlier weighs by how far beyond chance it is, but never without bound. */
export function funnelPoints(p: number | null, perLog10: number, cap: number): number {
  const logp = p === null || !(p > 0) ? cap : Math.min(cap, -Math.log10(p));
  return Math.round(perLog10 * Math.max(0, logp) * 10) / 10;
}

/** Rules that judge a metric's figure: on the same metric and year they are one problem, counted once. */
const METRIC_RULES = new Set<RiskRule>([
  'funnel_unfavourable',
  'funnel_favourable',
  'sudden_drop',
  'worsening',
  'metric_miss_outside_95',
  'metric_miss_repeated',
]);

interface Candidate {
  rule: RiskRule;
  fact: RiskFact;
  points: number;
  /** A problem most regions of the scope share this year: listed with 0 points (shared_problem in the weights). */
  shared?: SharedProblem;
}

/** A repeated miss that more than `shared_problem.share` of the scope's regions have in the same year. */
export interface SharedProblem {
  rule_id: string;
  detail_key: string;
  /** regions of the scope with it */
  regions: number;
  /** regions of the scope */
  of: number;
}

/** The key a fact is counted under when problems shared by most regions are found (queue.ts). */
export function sharedKey(fact: Pick<RiskFact, 'rule_id' | 'detail_key'>): string {
  return `${fact.rule_id}|${fact.detail_key}`;
}

const parse = (json: string | null): Params | null => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as Params;
  } catch {
    return { text: json };
  }
};

/** The codes and figures a reason rests on: its flag's rule and numbers, or its watchlist entry's kind and params. */
function sourceParams(f: RiskFact): Params {
  return f.source === 'flag'
    ? { source: 'flag', year: f.year, rule_id: f.rule_id, detail_key: f.detail_key, numbers: parse(f.numbers) }
    : { source: 'watchlist', year: f.year, kind: f.kind, ground: f.ground, params: parse(f.params) };
}

/** The reasons of one region-year, largest first. */
export function scoreFacts(
  facts: RiskFact[],
  w: RiskWeights,
  shared: ReadonlyMap<string, SharedProblem> = new Map(),
): RiskReason[] {
  const R = w.rules;
  const candidates: Candidate[] = [];
  const cand = (rule: RiskRule, fact: RiskFact, points: number) => {
    const common = w.shared_problem.rules.includes(rule) ? shared.get(sharedKey(fact)) : undefined;
    candidates.push(common ? { rule, fact, points: 0, shared: common } : { rule, fact, points });
  };
  for (const f of facts) {
    if (f.dismissed) continue;
    if (f.source === 'watchlist') {
      if (f.is_ground) cand('watchlist_ground', f, R.watchlist_ground.points);
      else if (f.kind && R.integrity_signal.watchlist_kinds.includes(f.kind))
        cand('integrity_signal', f, R.integrity_signal.points);
      continue;
    }
    if (R.integrity_signal.flag_rules.includes(f.rule_id)) cand('integrity_signal', f, R.integrity_signal.points);
    else if (R.screening_signal.flag_rules.includes(f.rule_id)) cand('screening_signal', f, R.screening_signal.points);
    else if (f.rule_id === 'report_missing') cand('report_missing', f, R.report_missing.points);
    else if (f.rule_id === 'report_late') cand('report_late', f, R.report_late.points);
    else if (f.rule_id === 'sudden_drop') cand('sudden_drop', f, R.sudden_drop.points);
    else if (f.rule_id === 'worsening') cand('worsening', f, R.worsening.points);
    else if (f.rule_id === 'funnel_outlier') {
      const unfavourable = f.funnel_unfavourable ?? f.severity === 'high';
      const def = unfavourable ? R.funnel_unfavourable : R.funnel_favourable;
      cand(
        unfavourable ? 'funnel_unfavourable' : 'funnel_favourable',
        f,
        funnelPoints(f.p_value, def.points_per_log10_p, def.log10_p_cap),
      );
    } else if (f.rule_id === 'conformance_below_bar') {
      if (f.prev_flag_id) cand('below_bar_repeated', f, R.below_bar_repeated.points);
    } else if (f.rule_id === 'metric_not_met') {
      if (f.detail_key === R.report_unpublished.metric) cand('report_unpublished', f, R.report_unpublished.points);
      else if (R.event_deadline_missed.metrics.includes(f.detail_key))
        cand('event_deadline_missed', f, R.event_deadline_missed.points);
      else if (f.funnel_position && OUTSIDE_95.has(f.funnel_position) && f.funnel_unfavourable)
        cand('metric_miss_outside_95', f, R.metric_miss_outside_95.points);
      else if (f.prev_flag_id) cand('metric_miss_repeated', f, R.metric_miss_repeated.points);
    }
  }
  // One problem once: per metric, the largest of its metric rules counts, the others are listed with 0 points.
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!METRIC_RULES.has(c.rule)) continue;
    const held = best.get(c.fact.detail_key);
    if (!held || c.points > held.points) best.set(c.fact.detail_key, c);
  }
  const reasons: RiskReason[] = [];
  const counts = new Map<RiskRule, number>();
  const ordered = [...candidates].sort((a, b) => b.points - a.points);
  for (const c of ordered) {
    const grouped = METRIC_RULES.has(c.rule);
    const counted = !grouped || best.get(c.fact.detail_key) === c;
    const limit = (R as Record<string, { max_count?: number }>)[c.rule]?.max_count;
    const n = counts.get(c.rule) ?? 0;
    const withinLimit = limit === undefined || n < limit;
    const points = counted && withinLimit ? c.points : 0;
    if (points > 0) counts.set(c.rule, n + 1);
    if (points <= 0 && !grouped && !c.shared) continue;
    if (points <= 0 && !withinLimit && !c.shared) continue;
    const params = c.shared
      ? { ...sourceParams(c.fact), shared_regions: c.shared.regions, shared_of: c.shared.of }
      : sourceParams(c.fact);
    reasons.push({
      rule: c.rule,
      flag_id: c.fact.source === 'flag' ? c.fact.source_id : null,
      entry_id: c.fact.source === 'watchlist' ? c.fact.source_id : null,
      points,
      params,
      text: renderRiskReason(c.rule, params, 'zh'),
    });
    // Persistence: the same problem the year before adds a share of its points, once per problem.
    const prev = grouped
      ? candidates.find(
          (x) => METRIC_RULES.has(x.rule) && x.fact.detail_key === c.fact.detail_key && x.fact.prev_flag_id,
        )?.fact
      : c.fact;
    if (points > 0 && prev?.prev_flag_id && c.rule !== 'metric_miss_repeated' && c.rule !== 'below_bar_repeated') {
      const params = { source: 'flag', year: prev.year - 1, rule_id: prev.rule_id, detail_key: prev.detail_key };
      reasons.push({
        rule: 'persistence',
        flag_id: prev.prev_flag_id,
        entry_id: null,
        points: Math.round(w.persistence.share * points * 10) / 10,
        params,
        text: renderRiskReason('persistence', params, 'zh'),
      });
    }
  }
  return reasons.sort((a, b) => b.points - a.points);
}
