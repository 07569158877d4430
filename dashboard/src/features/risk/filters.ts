// The risk queue's filters: read from and written to the URL (so a filtered view survives a reload and can be
// shared), applied to the queue's rows here and sent to the flag list as the server's parameters. Pure.
import { Check } from 'typebox/value';
import { FlagsQuery } from '../../../../pipeline/api/schemas/flags.ts';
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
      (!on('tier') || r.tier === f.tier) &&
      (!on('severity') || severityRegions === null || severityRegions.has(r.region_code)),
  );
}

/** A URL word as the flag query's parameter, checked against the query's own schema (GET /api/flags): a word the
 *  server would refuse (an edited or old link) is left out, so the list shows unfiltered on it, not an error. */
export function queryParam<K extends keyof FlagFilters>(key: K, word: string | undefined): FlagFilters[K] | undefined {
  if (word === undefined || word === '') return undefined;
  const value = key === 'batch' ? Number(word) : word;
  return Check(FlagsQuery.properties[key], value) ? (value as FlagFilters[K]) : undefined;
}

/** The same filters in the flag list's parameters (GET /api/flags); the tier belongs to regions, not flags. */
export function flagParams(f: Filters, year: number, scope: 'designated' | 'monitored'): FlagFilters {
  return {
    year,
    scope: scope === 'designated' ? 'designated' : 'all',
    only_province: queryParam('only_province', f.province),
    batch: queryParam('batch', f.batch),
    designation: queryParam('designation', f.type),
    level: queryParam('level', f.level),
    region_status: queryParam('region_status', f.status),
    severity: queryParam('severity', f.severity),
    triage: queryParam('triage', f.triage),
  };
}

export const TIERS: RiskTier[] = ['grounds', 'breach', 'review', 'watch', 'clear'];
/** Tiers an analyst should look at first (the province map counts these). */
export const URGENT: ReadonlySet<RiskTier> = new Set(['grounds', 'breach', 'review']);
