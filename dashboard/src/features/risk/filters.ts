// The risk queue's filters: read from and written to the URL (so a filtered view survives a reload and can be
// shared), applied to the queue's rows here and sent to the flag list as the server's parameters. Pure.
import type { FlagFilters, RegionRow, RiskRow, RiskTier } from '../../api/index.ts';

export const FILTER_KEYS = ['province', 'batch', 'type', 'level', 'status', 'severity', 'tier', 'triage'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function readFilters(query: URLSearchParams): Filters {
  const out: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The region's verdict on the bar: met, not_met, or not_judged (no scorecard, or a year not complete). */
export const verdictOf = (r: Pick<RegionRow, 'meets_bar'> | undefined): 'met' | 'not_met' | 'not_judged' =>
  r?.meets_bar === true ? 'met' : r?.meets_bar === false ? 'not_met' : 'not_judged';

/** A queue row with the region's attributes (from the region list of the same year and population). */
export interface QueueRow extends RiskRow {
  province_code: string | null;
  batch: string | null;
  designation: string | null;
  level: string | null;
  verdict: 'met' | 'not_met' | 'not_judged';
  conformance: number | null;
}

export function joinRegions(rows: readonly RiskRow[], regions: readonly RegionRow[]): QueueRow[] {
  const by = new Map(regions.map((r) => [r.region_code, r]));
  return rows.map((q) => {
    const r = by.get(q.region_code);
    return {
      ...q,
      province_code: r?.province_code ?? null,
      batch: r?.batch == null ? null : String(r.batch),
      designation: r?.designation ?? null,
      level: r?.level ?? null,
      verdict: verdictOf(r),
      conformance: r?.conformance ?? null,
    };
  });
}

/** Applies every filter but those named in `skip` (a chart leaves out its own dimension, so it can show the
 *  others to choose from). `severityRegions`: the regions with an active flag of the chosen severity. */
export function applyFilters(
  rows: readonly QueueRow[],
  f: Filters,
  severityRegions: ReadonlySet<string> | null,
  skip: FilterKey[] = [],
): QueueRow[] {
  const on = (k: FilterKey) => f[k] != null && !skip.includes(k);
  return rows.filter(
    (r) =>
      (!on('province') || r.province_code === f.province) &&
      (!on('batch') || r.batch === f.batch) &&
      (!on('type') || r.designation === f.type) &&
      (!on('level') || r.level === f.level) &&
      (!on('status') || r.verdict === f.status) &&
      (!on('tier') || r.tier === (f.tier as RiskTier)) &&
      (!on('severity') || severityRegions === null || severityRegions.has(r.region_code)),
  );
}

/** The same filters in the flag list's parameters (GET /api/flags); the tier belongs to regions, not flags. The
 *  URL's words go to the server as they are (typed as the query's codes): its schema refuses one it does not know. */
export function flagParams(f: Filters, year: number, scope: 'designated' | 'monitored'): FlagFilters {
  return {
    year,
    scope: scope === 'designated' ? 'designated' : 'all',
    only_province: f.province,
    batch: f.batch ? Number(f.batch) : undefined,
    designation: f.type as FlagFilters['designation'],
    level: f.level as FlagFilters['level'],
    region_status: f.status as FlagFilters['region_status'],
    severity: f.severity as FlagFilters['severity'],
    triage: f.triage as FlagFilters['triage'],
  };
}

export const TIERS: RiskTier[] = ['grounds', 'breach', 'review', 'watch', 'clear'];
/** Tiers an analyst should look at first (the province map counts these). */
export const URGENT: ReadonlySet<RiskTier> = new Set(['grounds', 'breach', 'review']);
