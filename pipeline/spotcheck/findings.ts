// Spot-check findings linked to their draw, and the regions whose findings fall below the bar (the revocation
// watchlist's ground (3)). The watchlist calls findingsBelowBar(); it does not restate the rule.
//
// Ground (3) (四(三)3) revokes a region that a spot check shows no longer meets "示范指标体系中的条件和要求". The
// condition a region met to be named is the designation criterion of 二(一): "符合……指标体系90%以上指标" — so the
// bar is the share of checked indicators that must be met, the same scoring.comprehensive_bar of the indicator
// system version that governs the finding's year (0.9 in every version today; 以上 includes 90%, so 9 of 10 met
// is not below it, 8 of 10 is). One unmet finding alone does not revoke a designation. The bar is configurable:
// per version in data/indicator-systems (the caller passes the versions' bars: designationBars() in
// pipeline/indicators/system.ts), or for one query with minShareMet.
import type { Database } from '../db/index.ts';

export type FindingLink = 'selected' | 'risk_targeted' | 'not_selected' | 'no_committed_draw';

export interface LinkedFinding {
  region_code: string;
  year: number;
  indicator_no: number;
  met: boolean;
  note: string | null;
  draw_id: number | null;
  link: FindingLink;
}

export interface BelowBar {
  region_code: string;
  year: number;
  draw_id: number | null;
  link: FindingLink;
  linked: boolean;
  findings: number;
  met: number;
  share_met: number;
  /** the share of met findings a region needs; below it the region is a ground-3 candidate */
  bar: number;
  /** where the bar came from: "2023版 scoring.comprehensive_bar" or "option" */
  bar_source: string;
  unmet_indicators: number[];
  revocation_ground: 3;
}

/** Used for a year no bar is given for: 二(一) "90%以上指标". */
export const FALLBACK_MIN_SHARE_MET = 0.9;

/** The bar of the years [year_from, year_to] (year_to null: open-ended) and where it comes from. */
export interface YearBar {
  year_from: number;
  year_to: number | null;
  bar: number;
  source: string;
}

/** Creates (or replaces) the view spotcheck_findings_by_draw, which readers on other connections then query. */
export async function ensureFindingsView(db: Database): Promise<void> {
  await db.runFile('spotcheck/findings_by_draw');
}

export async function findingsByDraw(db: Database, year?: number): Promise<LinkedFinding[]> {
  await ensureFindingsView(db);
  return db.all<LinkedFinding>(
    'SELECT * FROM spotcheck_findings_by_draw WHERE $1 IS NULL OR year = $1 ORDER BY year, region_code, indicator_no',
    [year ?? null],
  );
}

export interface BelowBarOptions {
  year?: number;
  /** one bar for every year, overriding the indicator systems' comprehensive_bar */
  minShareMet?: number;
  /** the bars per year, from the indicator-system versions; without them every year gets FALLBACK_MIN_SHARE_MET */
  bars?: readonly YearBar[];
}

export async function findingsBelowBar(db: Database, options: BelowBarOptions = {}): Promise<BelowBar[]> {
  const override = options.minShareMet;
  if (override !== undefined && !(override > 0 && override <= 1))
    throw new Error(`the bar (share of met findings) must be above 0 and at most 1, got ${override}`);
  const bars =
    override !== undefined ? [{ year_from: 0, year_to: null, bar: override, source: 'option' }] : (options.bars ?? []);
  await ensureFindingsView(db);
  return db.allFile<BelowBar>('spotcheck/findings_below_bar', {
    bars: JSON.stringify(bars),
    fallback_bar: FALLBACK_MIN_SHARE_MET,
    year: options.year ?? null,
  });
}
