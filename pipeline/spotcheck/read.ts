// Reading a draw back as one record: the draws row, its random selection with teams, and the risk-targeted
// checks listed beside it. Everything that shows or checks a draw (CLI, verify, certificate) reads through here.
import { CodedError } from '../vocabulary/index.ts';
import type { Database } from '../db/index.ts';
import type { AllocationRule, SampleSize } from './allocation.ts';

export interface SelectedRegion {
  draw_order: number;
  region_code: string;
  region_name: string | null;
  ticket: string;
  stratum: string;
  /** NULL for draws stored before inclusion probabilities were recorded */
  inclusion_probability: number | null;
  inspectors: string[];
}

export interface RiskTargeted {
  region_code: string;
  region_name: string | null;
  criterion: string;
  added_at: string;
  added_by: string;
}

export interface DrawRow {
  draw_id: number;
  year: number;
  pool_version: number;
  strata: string;
  exclusions: string[];
  pool_size: number;
  pool_sha256: string;
  strata_sha256: string | null;
  state: 'frozen' | 'drawn' | 'committed';
  seed: string | null;
  seed_hash: string | null;
  proportion: string | null;
  sample_count: number | null;
  /** NULL on draws made before the rule was recorded: they used ceil_per_stratum */
  allocation_rule: string | null;
  per_stratum_minimum: number | null;
  team_size: number | null;
  frozen_at: string;
  frozen_by: string;
  drawn_at: string | null;
  drawn_by: string | null;
  committed_at: string | null;
  committed_by: string | null;
  supersedes: number | null;
  redraw_reason: string | null;
  superseded_by: number | null;
  superseded_at: string | null;
}

export interface DrawRecord extends DrawRow {
  /** the sample size as entered, null while frozen */
  size: SampleSize | null;
  selected: SelectedRegion[];
  risk_targeted: RiskTargeted[];
}

/** No such draw: a vocabulary error (404 in the API, the message in the user's language). */
export class DrawNotFoundError extends CodedError {
  constructor(drawId: number) {
    super('draw_not_found', { draw: drawId });
  }
}

export async function readDraw(db: Database, drawId: number): Promise<DrawRecord> {
  const [row] = await db.allFile<DrawRow>('spotcheck/draw', { draw_id: drawId, year: null });
  if (!row) throw new DrawNotFoundError(drawId);
  const selected = await db.allFile<SelectedRegion>('spotcheck/selected', { draw_id: drawId });
  const risk = await db.all<RiskTargeted>(
    'SELECT t.region_code, r.region_name, t.criterion, CAST(t.added_at AS VARCHAR) AS added_at, t.added_by FROM risk_targeted_checks t LEFT JOIN regions r USING (region_code) WHERE t.draw_id = $1 ORDER BY t.region_code',
    [drawId],
  );
  return { ...row, size: sizeOf(row), selected, risk_targeted: risk };
}

export async function listDraws(db: Database, year?: number): Promise<DrawRow[]> {
  return db.allFile<DrawRow>('spotcheck/draw', { draw_id: null, year: year ?? null });
}

/** The sample size as drawn, with its allocation rule: what verify and the certificate recompute from. */
function sizeOf(row: DrawRow): SampleSize | null {
  const base =
    row.proportion !== null
      ? { proportion: row.proportion }
      : row.sample_count !== null
        ? { count: row.sample_count }
        : null;
  if (base === null) return null;
  const rule: AllocationRule =
    row.allocation_rule === null ? 'ceil_per_stratum' : (row.allocation_rule as AllocationRule);
  return { ...base, rule, ...(row.per_stratum_minimum !== null ? { perStratumMinimum: row.per_stratum_minimum } : {}) };
}
