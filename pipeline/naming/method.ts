// The stated method of a round: every number the office may set, with the default and why (README.md). Stored with
// the round as JSON, so a ranking or a field-check list can always be recomputed by the method it was made with.
import { CodedError } from '../vocabulary/errors.ts';
import { renderFieldCheckRule } from '../vocabulary/naming-messages.ts';
import type { Lang } from '../vocabulary/types.ts';

export interface RankingWeights {
  /** 三(三): the third-party evaluation's mean area score, 0–100. */
  third_party: number;
  /** 三(四): the survey's satisfaction rate, as 0–100. */
  satisfaction: number;
  /** The applicant's own data (conformance, 0–100). 0 by default: 三(五) ranks by the two results above. */
  conformance: number;
}

export interface Tolerances {
  /** A claimed rate (percent) contradicts the computed one beyond this many percentage points. */
  rate_points: number;
  /** Any other claimed figure contradicts beyond this share of the computed figure … */
  relative: number;
  /** … and at least this much in the metric's unit (a day, an item). */
  min_abs: number;
}

export interface RoundMethod {
  weights: RankingWeights;
  /** Monte Carlo draws for the rank intervals, their seed, and the interval's coverage. */
  draws: number;
  seed: number;
  coverage: number;
  tolerances: Tolerances;
}

export type FieldCheckRule = { rule: 'top_k'; k: number } | { rule: 'threshold'; min: number };

export const DEFAULT_METHOD: RoundMethod = {
  weights: { third_party: 1, satisfaction: 1, conformance: 0 },
  draws: 500,
  seed: 20260401,
  coverage: 0.9,
  tolerances: { rate_points: 2, relative: 0.1, min_abs: 1 },
};

export const DEFAULT_FIELD_CHECK_RULE: FieldCheckRule = { rule: 'top_k', k: 10 };

/** 二(一): "符合…指标体系90%以上指标"; 以上 includes 90% (as the scorecard reads it). */
export const DEFAULT_BAR = 0.9;

export function parseFieldCheckRule(text: string): FieldCheckRule {
  const top = /^top:(\d+)$/.exec(text);
  if (top && Number(top[1]) >= 1) return { rule: 'top_k', k: Number(top[1]) };
  const min = /^min:(\d+(\.\d+)?)$/.exec(text);
  if (min && Number(min[1]) <= 100) return { rule: 'threshold', min: Number(min[1]) };
  throw new CodedError('naming.bad_field_check_rule', { value: text });
}

export function describeFieldCheckRule(r: FieldCheckRule, lang: Lang = 'zh'): string {
  return renderFieldCheckRule(r, lang);
}
