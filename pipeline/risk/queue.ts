// The ranked risk queue (风险排序): one row per region of the scope for a year, scored from its flags and watchlist
// entries (score.ts, data/risk-weights.json), tiered, ranked, with each rank's 90% interval under perturbed weights
// (stability.ts). A year not yet complete (data before 1 February of the next year) is not ranked.
import { type RiskFact, type RiskReason, type SharedProblem, scoreFacts, sharedKey } from './score.ts';
import { rankStability } from './stability.ts';
import { type RiskTier, reviewCut, TIER_ORDER } from './tiers.ts';
import { loadRiskWeights, type RiskWeights } from './weights.ts';
import { RISK_SCOPES, type RiskScope } from './scopes.ts';

export type { RiskTier } from './tiers.ts';

export { RISK_SCOPES, type RiskScope } from './scopes.ts';

export interface RiskRow {
  rank: number;
  region_code: string;
  region_name: string | null;
  score: number;
  tier: RiskTier;
  /** 90% interval of the rank when every rule's weight is redrawn (stability.draws times). */
  rank_low: number;
  rank_high: number;
  reasons: RiskReason[];
}

export interface RiskQueue {
  year: number;
  scope: RiskScope;
  as_of: string | null;
  /** false: the year is not complete at the data's date; no ranking is given (rows is empty). */
  complete: boolean;
  /** Repeated misses more than shared_problem.share of the scope's regions have (nationally): scored 0, listed here. */
  shared: SharedProblem[];
  rows: RiskRow[];
}

/** A region's tier; `reviewFrom` is the scope's review cut (tiers.ts reviewCut), `review_min` when not given. */
export function tierOf(score: number, reasons: RiskReason[], w: RiskWeights, reviewFrom = w.review_min): RiskTier {
  if (reasons.some((r) => r.rule === 'watchlist_ground')) return 'grounds';
  if (reasons.some((r) => w.breach_rules.includes(r.rule))) return 'breach';
  if (score >= reviewFrom) return 'review';
  return score > 0 ? 'watch' : 'clear';
}

function groupByRegion(facts: RiskFact[]): Map<string, RiskFact[]> {
  const byRegion = new Map<string, RiskFact[]>();
  for (const f of facts) {
    const list = byRegion.get(f.region_code) ?? [];
    byRegion.set(f.region_code, list);
    list.push(f);
  }
  return byRegion;
}

/**
 * Repeated misses (the fact was also flagged the year before) that more than `shared_problem.share` of the scope's
 * regions have: such a miss does not set a region apart from its peers, so it scores nothing and is listed once.
 */
export function sharedProblems(facts: RiskFact[], regionCount: number, w: RiskWeights): Map<string, SharedProblem> {
  const holders = new Map<string, Set<string>>();
  for (const f of facts) {
    if (f.source !== 'flag' || f.dismissed || !f.prev_flag_id) continue;
    if (f.rule_id !== 'metric_not_met' && f.rule_id !== 'conformance_below_bar') continue;
    const key = sharedKey(f);
    const set = holders.get(key) ?? new Set<string>();
    holders.set(key, set);
    set.add(f.region_code);
  }
  const out = new Map<string, SharedProblem>();
  for (const [key, set] of holders) {
    if (regionCount === 0 || set.size / regionCount <= w.shared_problem.share) continue;
    const [rule_id, detail_key] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    out.set(key, { rule_id, detail_key, regions: set.size, of: regionCount });
  }
  return out;
}

/** Orders rows by tier, then score (highest first), then region code; ranks 1..n. */
export function rankRows<T extends { tier: RiskTier; score: number; region_code: string }>(
  rows: T[],
): Array<T & { rank: number }> {
  return [...rows]
    .sort(
      (a, b) =>
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score || a.region_code.localeCompare(b.region_code),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Reads the rows of an SQL file: `db.allFile` from the CLI, the API's read connections (`app.q.rows`) from routes. */
export type ReadRows = <T>(name: string, params: Record<string, string | number | boolean | null>) => Promise<T[]>;

export async function riskQueue(
  read: ReadRows,
  options: { year: number; scope?: RiskScope; province?: string | null; weights?: RiskWeights },
): Promise<RiskQueue> {
  const scope = options.scope ?? 'designated';
  if (!RISK_SCOPES.includes(scope)) throw new Error(`scope must be one of ${RISK_SCOPES.join(', ')}, got ${scope}`);
  const w = options.weights ?? loadRiskWeights();
  const status = (await read<{ as_of: string; complete_through: number }>('risk/year_status', {}))[0];
  const complete = status !== undefined && options.year <= status.complete_through;
  const base = { year: options.year, scope, as_of: status?.as_of ?? null, complete };
  if (!complete) return { ...base, shared: [], rows: [] };
  // The whole scope is read and scored once: shared problems and the review cut are the national scope's, so a
  // provincial view scores and tiers its regions exactly as the national queue does; it then keeps its own regions.
  const national = { year: options.year, scope, province: null };
  const allRegions = await read<{ region_code: string; region_name: string | null }>('risk/regions', national);
  const facts = await read<RiskFact>('risk/facts', national);
  const shared = sharedProblems(facts, allRegions.length, w);
  const byRegion = groupByRegion(facts);
  const all = allRegions.map((r) => {
    const reasons = scoreFacts(byRegion.get(r.region_code) ?? [], w, shared);
    return { ...r, reasons, score: Math.round(reasons.reduce((sum, x) => sum + x.points, 0) * 10) / 10 };
  });
  const reviewFrom = reviewCut(
    all.map((r) => r.score),
    w.review_min,
    w.review_fence.iqr_multiple,
  );
  const own = options.province
    ? new Set(
        (await read<{ region_code: string }>('risk/regions', { ...national, province: options.province })).map(
          (r) => r.region_code,
        ),
      )
    : null;
  const scored = all
    .filter((r) => own === null || own.has(r.region_code))
    .map((r) => ({ ...r, tier: tierOf(r.score, r.reasons, w, reviewFrom) }));
  const ranked = rankRows(scored);
  const intervals = rankStability(ranked, w, reviewFrom);
  return {
    ...base,
    shared: [...shared.values()].sort((a, b) => b.regions - a.regions || sharedKey(a).localeCompare(sharedKey(b))),
    rows: ranked.map((r) => ({
      rank: r.rank,
      region_code: r.region_code,
      region_name: r.region_name,
      score: r.score,
      tier: r.tier,
      rank_low: intervals.get(r.region_code)!.low,
      rank_high: intervals.get(r.region_code)!.high,
      reasons: r.reasons,
    })),
  };
}
