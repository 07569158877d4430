// The risk queue's tiers, in queue order: an open watchlist ground first whatever else, then breaches of named
// duties and data-integrity signals (data/risk-weights.json breach_rules), then score bands.
export type RiskTier = 'grounds' | 'breach' | 'review' | 'watch' | 'clear';
export const TIER_ORDER: Record<RiskTier, number> = { grounds: 0, breach: 1, review: 2, watch: 3, clear: 4 };

/**
 * The score from which a region is in the review tier: `review_min`, or Tukey's upper fence of the scope's scores
 * (Q3 + `review_fence.iqr_multiple` × IQR) when that is higher. A fixed floor alone put 103 of 173 designated regions
 * of the national demo in "review" (every region carries some weak signals); the fence keeps the tier for regions
 * whose score stands out from their peers'. Quartiles by linear interpolation between order statistics.
 */
export function reviewCut(scores: readonly number[], reviewMin: number, iqrMultiple: number): number {
  if (scores.length < 4) return reviewMin;
  const sorted = [...scores].sort((a, b) => a - b);
  const q = (p: number) => {
    const at = p * (sorted.length - 1);
    const lo = Math.floor(at);
    return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
  };
  const q1 = q(0.25);
  const q3 = q(0.75);
  return Math.max(reviewMin, q3 + iqrMultiple * (q3 - q1));
}
