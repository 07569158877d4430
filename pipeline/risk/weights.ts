// The risk queue's method and weights: data/risk-weights.json, the one place they live. Loaded and checked here;
// a file that does not fit says which entry is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../db/index.ts';

export interface RiskWeights {
  version: number;
  /** Rules whose presence puts a region in the breach tier (after grounds, before the score bands). */
  breach_rules: RiskRule[];
  review_min: number;
  /** The review tier starts at Tukey's upper fence of the scope's scores when that is above review_min. */
  review_fence: { iqr_multiple: number };
  rules: {
    watchlist_ground: { points: number };
    integrity_signal: { points: number; max_count: number; flag_rules: string[]; watchlist_kinds: string[] };
    screening_signal: { points: number; max_count: number; flag_rules: string[] };
    report_missing: { points: number };
    report_late: { points: number };
    report_unpublished: { points: number; metric: string };
    funnel_unfavourable: { points_per_log10_p: number; log10_p_cap: number };
    funnel_favourable: { points_per_log10_p: number; log10_p_cap: number };
    event_deadline_missed: { points: number; metrics: string[] };
    metric_miss_outside_95: { points: number; max_count: number };
    metric_miss_repeated: { points: number; max_count: number };
    sudden_drop: { points: number };
    worsening: { points: number };
    below_bar_repeated: { points: number };
  };
  /** Repeated misses most regions share score nothing: they do not set a region apart (README, risk weights). */
  shared_problem: { share: number; rules: RiskRule[] };
  persistence: { share: number };
  stability: { draws: number; coverage: number };
}

export type RiskRule = keyof RiskWeights['rules'] | 'persistence';

export function defaultWeightsPath(): string {
  return join(dataDir, 'risk-weights.json');
}

export function loadRiskWeights(path = defaultWeightsPath()): RiskWeights {
  let parsed: RiskWeights;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as RiskWeights;
  } catch (err) {
    throw new Error(`${path}: cannot read the risk weights (${(err as Error).message})`);
  }
  const problems: string[] = [];
  const number = (where: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      problems.push(`${where} must be a number >= 0, got ${JSON.stringify(v)}`);
  };
  number('review_min', parsed.review_min);
  number('review_fence.iqr_multiple', parsed.review_fence?.iqr_multiple);
  for (const [rule, def] of Object.entries(parsed.rules ?? {})) {
    for (const [k, v] of Object.entries(def))
      if (['points', 'points_per_log10_p', 'log10_p_cap', 'max_count'].includes(k)) number(`rules.${rule}.${k}`, v);
  }
  const required: Array<keyof RiskWeights['rules']> = [
    'watchlist_ground',
    'integrity_signal',
    'screening_signal',
    'report_missing',
    'report_late',
    'report_unpublished',
    'funnel_unfavourable',
    'funnel_favourable',
    'event_deadline_missed',
    'metric_miss_outside_95',
    'metric_miss_repeated',
    'sudden_drop',
    'worsening',
    'below_bar_repeated',
  ];
  for (const r of required) if (!parsed.rules?.[r]) problems.push(`rules.${r} is missing`);
  for (const r of parsed.breach_rules ?? [])
    if (!(r in (parsed.rules ?? {}))) problems.push(`breach_rules names ${r}, which is not a rule`);
  number('persistence.share', parsed.persistence?.share);
  const shared = parsed.shared_problem?.share;
  if (typeof shared !== 'number' || !(shared > 0 && shared <= 1))
    problems.push(`shared_problem.share must be a share in (0, 1], got ${JSON.stringify(shared)}`);
  for (const r of parsed.shared_problem?.rules ?? [])
    if (!(r in (parsed.rules ?? {}))) problems.push(`shared_problem.rules names ${r}, which is not a rule`);
  number('stability.draws', parsed.stability?.draws);
  if (problems.length) throw new Error(`${path}: the risk weights are invalid:\n  ${problems.join('\n  ')}`);
  return parsed;
}
