// The combined ranking of a round (三(五): "根据第三方评估和人民群众满意度测评结果…排在前列的申报地区") and the field-check
// list cut from it. Pure: the same inputs (stored with the list as canonical JSON, hashed) give the same ranking,
// intervals and list on any machine. Method and its grounds: README.md.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../audit/canonical-json.ts';
import { perturbWeights, seededRandom } from '../indicators/weight-draws.ts';
import type { FieldCheckRule, RoundMethod } from './method.ts';

export interface RankingInput {
  region_code: string;
  region_name: string;
  province_code: string;
  kind: string;
  recommended: boolean | null;
  conformance: number | null;
  third_party: number | null;
  respondents: number | null;
  satisfied: number | null;
  contradictions: number;
}

export interface RankingInputs {
  round_id: string;
  method: RoundMethod;
  rule: FieldCheckRule;
  rows: RankingInput[];
}

export interface RankedApplicant extends RankingInput {
  /** Why an applicant is not ranked (null when ranked). */
  unranked_reason: 'not_recommended' | 'no_third_party' | 'no_satisfaction' | 'no_conformance' | null;
  satisfaction: number | null;
  satisfaction_ci: [number, number] | null;
  score: number | null;
  rank: number | null;
  rank_interval: [number, number] | null;
  field_check: boolean;
}

/** Wilson score interval (95%) of a proportion: honest at small samples and near 0 or 1. */
export function wilsonInterval(k: number, n: number, z = 1.959964): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Competition ranks ("1224"): equal scores (to 4 decimals) share the better rank. */
export function competitionRanks(scores: number[]): number[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const ranks = new Array<number>(scores.length);
  let rank = 0;
  order.forEach((idx, pos) => {
    if (pos === 0 || round4(scores[idx]) < round4(scores[order[pos - 1]])) rank = pos + 1;
    ranks[idx] = rank;
  });
  return ranks;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function rankApplicants(inputs: RankingInputs): RankedApplicant[] {
  const { method, rule } = inputs;
  const w = method.weights;
  const base = [w.third_party, w.satisfaction, w.conformance];
  const total = base.reduce((s, x) => s + x, 0);
  if (!(total > 0)) throw new Error('the ranking weights add up to 0: at least one of them must be positive');
  const rows: RankedApplicant[] = inputs.rows.map((r) => {
    const unranked_reason =
      r.recommended !== true
        ? ('not_recommended' as const)
        : r.third_party === null && w.third_party > 0
          ? ('no_third_party' as const)
          : (r.respondents === null || r.satisfied === null) && w.satisfaction > 0
            ? ('no_satisfaction' as const)
            : r.conformance === null && w.conformance > 0
              ? ('no_conformance' as const)
              : null;
    const satisfaction = r.respondents && r.satisfied !== null ? r.satisfied / r.respondents : null;
    return {
      ...r,
      unranked_reason,
      satisfaction,
      satisfaction_ci: r.respondents && r.satisfied !== null ? wilsonInterval(r.satisfied, r.respondents) : null,
      score: null,
      rank: null,
      rank_interval: null,
      field_check: false,
    };
  });
  const ranked = rows.filter((r) => r.unranked_reason === null);
  const parts = ranked.map((r) => [(r.third_party ?? 0) / 100, r.satisfaction ?? 0, r.conformance ?? 0]);
  const scoreOf = (p: number[], weights: number[]) =>
    (100 * p.reduce((s, x, k) => s + x * weights[k], 0)) / weights.reduce((s, x) => s + x, 0);
  const scores = parts.map((p) => round4(scoreOf(p, base)));
  const ranks = competitionRanks(scores);
  ranked.forEach((r, i) => {
    r.score = scores[i];
    r.rank = ranks[i];
  });

  // Rank intervals: the weights are the office's choice and unpublished, and the satisfaction rate is a sample; each
  // draw perturbs the weights as the composite's intervals do (weight-draws.ts) and redraws each satisfaction rate
  // from its sampling distribution (normal approximation, p ± z·√(p(1−p)/n), kept in 0..1).
  const random = seededRandom(method.seed);
  const normal = () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const drawn: number[][] = ranked.map(() => []);
  for (let d = 0; d < method.draws; d++) {
    const weights = perturbWeights(base, random);
    const s = ranked.map((r, i) => {
      const p = parts[i].slice();
      if (r.respondents && r.satisfaction !== null) {
        const sd = Math.sqrt((r.satisfaction * (1 - r.satisfaction)) / r.respondents);
        p[1] = Math.min(1, Math.max(0, r.satisfaction + sd * normal()));
      }
      return scoreOf(p, weights);
    });
    competitionRanks(s).forEach((rank, i) => {
      drawn[i].push(rank);
    });
  }
  const tail = (1 - method.coverage) / 2;
  ranked.forEach((r, i) => {
    const sorted = drawn[i].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    r.rank_interval = sorted.length ? [at(tail), at(1 - tail)] : [r.rank!, r.rank!];
  });

  for (const r of ranked) r.field_check = rule.rule === 'top_k' ? r.rank! <= rule.k : r.score! >= rule.min;
  return rows.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      a.region_code.localeCompare(b.region_code),
  );
}

/** The canonical text of a ranking's inputs and its SHA-256: what a field-check list is reproduced from. */
export function hashInputs(inputs: RankingInputs): { text: string; sha256: string } {
  const sorted = { ...inputs, rows: [...inputs.rows].sort((a, b) => a.region_code.localeCompare(b.region_code)) };
  const text = canonicalJson(sorted as unknown as JsonValue);
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
