// Spot-check findings linked to their draw, and the regions whose findings fall below the bar (the revocation
// watchlist's ground (3)). The watchlist calls findingsBelowBar(); it does not restate the rule.
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
  unmet_indicators: number[];
  revocation_ground: 3;
}

/** Default bar: every checked indicator must be met (share 1.0); one unmet indicator puts a region below. */
export const DEFAULT_MIN_SHARE_MET = 1;

/** Creates (or replaces) the view spotcheck_findings_by_draw, which readers on other connections then query. */
export async function ensureFindingsView(db: Database): Promise<void> {
  await db.runFile('spotcheck/findings_by_draw');
}

export async function findingsByDraw(db: Database, year?: number): Promise<LinkedFinding[]> {
  await ensureFindingsView(db);
  return db.all<LinkedFinding>('SELECT * FROM spotcheck_findings_by_draw WHERE $1 IS NULL OR year = $1 ORDER BY year, region_code, indicator_no', [year ?? null]);
}

export async function findingsBelowBar(db: Database, options: { year?: number; minShareMet?: number } = {}): Promise<BelowBar[]> {
  const bar = options.minShareMet ?? DEFAULT_MIN_SHARE_MET;
  if (!(bar > 0 && bar <= 1)) throw new Error(`the bar (share of met findings) must be above 0 and at most 1, got ${bar}`);
  await ensureFindingsView(db);
  return db.allFile<BelowBar>('spotcheck/findings_below_bar', { min_share_met: bar, year: options.year ?? null });
}
