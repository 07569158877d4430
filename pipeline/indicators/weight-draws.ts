// Rank stability under plausible weights: weights drawn around the configured ones (each configured weight times an
// Exp(1) draw, i.e. a flat Dirichlet scaled by the configuration), items re-scored and re-ranked per draw, and each
// item's 5th–95th percentile rank reported. Used by the composite's rank intervals (rank-intervals.ts) and the risk
// queue's stability report (pipeline/risk). Seeded, so a run is reproducible.

/** mulberry32: a small fast seeded generator, enough for Monte Carlo weights. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw of weights: base[i] · Exp(1), normalised to the base's total. */
export function perturbWeights(base: number[], random: () => number): number[] {
  const raw = base.map((w) => w * -Math.log(1 - random()));
  const total = raw.reduce((s, x) => s + x, 0);
  const want = base.reduce((s, x) => s + x, 0);
  return raw.map((x) => (total > 0 ? (x * want) / total : 0));
}

export interface RankInterval {
  low: number;
  high: number;
}

/**
 * Ranks (1 = highest score, ties share the better rank) of items scored as Σ_k weight_k · parts[i][k], under `draws`
 * perturbed weight vectors; returns each item's [5th, 95th] percentile rank (nearest rank).
 */
export function rankIntervals(
  parts: number[][],
  base: number[],
  options: { draws?: number; seed?: number; coverage?: number } = {},
): RankInterval[] {
  const draws = options.draws ?? 500;
  const coverage = options.coverage ?? 0.9;
  const random = seededRandom(options.seed ?? 20261130);
  const n = parts.length;
  const ranks: number[][] = parts.map(() => []);
  const scores = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    const w = perturbWeights(base, random);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const p = parts[i];
      for (let k = 0; k < w.length; k++) s += w[k] * p[k];
      scores[i] = s;
    }
    const order = [...scores.keys()].sort((a, b) => scores[b] - scores[a]);
    let rank = 0;
    order.forEach((idx, pos) => {
      if (pos === 0 || scores[idx] < scores[order[pos - 1]] - 1e-12) rank = pos + 1;
      ranks[idx].push(rank);
    });
  }
  const tail = (1 - coverage) / 2;
  return ranks.map((r) => {
    r.sort((a, b) => a - b);
    const at = (p: number) => r[Math.min(r.length - 1, Math.max(0, Math.ceil(p * r.length) - 1))];
    return { low: at(tail), high: at(1 - tail) };
  });
}
