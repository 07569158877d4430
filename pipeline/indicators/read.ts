// Reading the results of the latest refresh: indicator values (the public shape of `shifan indicators --json`)
// and the scorecard.
import type { Database } from '../db/index.ts';

/** One metric of one region-year as the CLI, API and exports give it. Rates are fractions 0..1. */
export interface IndicatorValue {
  region_code: string;
  indicator: string;
  indicator_no: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  status: 'met' | 'not_met' | 'no_data';
  provisional: boolean;
}

export interface IndicatorRow extends IndicatorValue {
  region_name: string | null;
  name_zh: string;
  unit: string;
  direction: string;
  system_version: string;
  evidence_count: number;
}

export async function readIndicators(db: Database, year: number, region?: string): Promise<IndicatorRow[]> {
  return db.allFile<IndicatorRow>('indicators/results/indicator_values', { year, region: region ?? null });
}

/** The public JSON shape, keys in a fixed order. */
export function publicShape(r: IndicatorRow): IndicatorValue {
  return {
    region_code: r.region_code,
    indicator: r.indicator,
    indicator_no: r.indicator_no,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    threshold: r.threshold,
    status: r.status,
    provisional: r.provisional,
  };
}

export interface ScorecardRow {
  region_code: string;
  region_name: string | null;
  designation: string | null;
  year: number;
  system_version: string;
  metrics_met: number;
  metrics_assessed: number;
  metrics_no_data: number;
  /** Seed indicator Nos. met / assessed (a No. is met when all its assessed metrics are): the bar's basis. */
  conformance: number | null;
  items_met: number;
  items_assessed: number;
  /** The per-metric view: metrics_met / metrics_assessed. */
  metric_conformance: number | null;
  bar: number;
  /** conformance >= bar (以上 is inclusive); null in a year not yet complete. */
  meets_bar: boolean | null;
  composite: number | null;
  scoring_method: string;
  /** Rank by composite among regions assessed on the same metric set; null in a year not yet complete. */
  rank: number | null;
  ranked_of: number;
  /** 90% interval of the rank under 500 random weightings around the configured weights. */
  rank_low: number | null;
  rank_high: number | null;
  metric_set: string | null;
  year_complete: boolean;
  prev_composite: number | null;
  composite_change: number | null;
  prev_conformance: number | null;
  conformance_change: number | null;
  provisional: boolean;
}

export async function readScorecard(db: Database, year: number, region?: string): Promise<ScorecardRow[]> {
  return db.allFile<ScorecardRow>('indicators/results/scorecard', { year, region: region ?? null });
}

export async function hasRefreshed(db: Database): Promise<boolean> {
  return ((await db.one<{ n: number }>(`SELECT count(*) AS n FROM refresh_runs WHERE status = 'done'`))?.n ?? 0) > 0;
}
