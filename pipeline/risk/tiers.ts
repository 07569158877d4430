// The risk queue's tiers, in queue order: an open watchlist ground first whatever else, then breaches of named
// duties and data-integrity signals (data/risk-weights.json breach_rules), then score bands.
export type RiskTier = 'grounds' | 'breach' | 'review' | 'watch' | 'clear';
export const TIER_ORDER: Record<RiskTier, number> = { grounds: 0, breach: 1, review: 2, watch: 3, clear: 4 };
