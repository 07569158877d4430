// How stable the risk ranking is under other plausible weights: every rule's points are multiplied by a weight
// drawn around 1 (Exp(1) draws renormalised to mean 1: a flat Dirichlet over the rules), the queue re-tiered and
// re-ranked, `stability.draws` times (500 by default); each region's 5th–95th percentile rank is its interval.
import { perturbWeights, seededRandom } from '../indicators/weight-draws.ts';
import type { RiskReason } from './score.ts';
import { type RiskTier, TIER_ORDER } from './tiers.ts';
import type { RiskRule, RiskWeights } from './weights.ts';

interface Ranked {
  region_code: string;
  tier: RiskTier;
  reasons: RiskReason[];
}

export function rankStability(
  rows: Ranked[],
  w: RiskWeights,
  /** the queue's review cut (tiers.ts reviewCut); the score band is held there while the weights move */
  reviewFrom = w.review_min,
  seed = 20261130,
): Map<string, { low: number; high: number }> {
  const rules = [...new Set(rows.flatMap((r) => r.reasons.map((x) => x.rule)))].sort() as RiskRule[];
  const col = new Map(rules.map((r, i) => [r, i]));
  const parts = rows.map((r) => {
    const p = new Array<number>(rules.length).fill(0);
    for (const x of r.reasons) p[col.get(x.rule)!] += x.points;
    return p;
  });
  // Tiers set by the presence of a reason (grounds, breach) do not move with the weights; the score bands do.
  const fixed = rows.map((r) => (r.tier === 'grounds' || r.tier === 'breach' ? TIER_ORDER[r.tier] : null));
  const random = seededRandom(seed);
  const ranks: number[][] = rows.map(() => []);
  const draws = w.stability.draws;
  for (let d = 0; d < draws; d++) {
    const f = perturbWeights(
      rules.map(() => 1),
      random,
    );
    const scores = parts.map((p) => p.reduce((s, x, k) => s + x * f[k], 0));
    const tiers = scores.map(
      (s, i) => fixed[i] ?? (s >= reviewFrom ? TIER_ORDER.review : s > 0 ? TIER_ORDER.watch : TIER_ORDER.clear),
    );
    const order = rows
      .map((_, i) => i)
      .sort(
        (a, b) =>
          tiers[a] - tiers[b] || scores[b] - scores[a] || rows[a].region_code.localeCompare(rows[b].region_code),
      );
    order.forEach((idx, pos) => {
      ranks[idx].push(pos + 1);
    });
  }
  const tail = (1 - w.stability.coverage) / 2;
  const out = new Map<string, { low: number; high: number }>();
  rows.forEach((r, i) => {
    const sorted = ranks[i].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    out.set(r.region_code, sorted.length ? { low: at(tail), high: at(1 - tail) } : { low: 1, high: 1 });
  });
  return out;
}
