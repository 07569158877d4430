// The two sizes of the demo world and the constants every generator shares (years, the "as of" date).

export type ScaleName = 'small' | 'national';

/** Rows per region-year: either a mean (times the region's size) clamped to a range, or a national total. */
export type Volume = { mean: number; min: number; max: number } | { total: number };

export interface ScaleSpec {
  name: ScaleName;
  /** national: every city and county government of the division list; small: designated regions plus a few. */
  allDivisions: boolean;
  /** Designated regions per batch year, named ones included (national: the published batch sizes). */
  designated: Record<number, { comprehensive: number; single: number }>;
  /** Monitored, non-designated regions added at small scale (at national scale: everyone not designated). */
  monitored: number;
  volumes: Record<'enforcement' | 'litigation' | 'disclosure' | 'normative', Volume>;
}

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
export const FIRST_YEAR = YEARS[0];
export const LAST_YEAR = YEARS[YEARS.length - 1];
export const BATCHES = [2020, 2022, 2025] as const;

/**
 * The day the synthetic data was "extracted". Nothing later appears in any file: decisions of late December 2025
 * may be unpublished and not yet due, cases pending, reports for 2025 (due 2026-01-31) partly in.
 */
export const AS_OF = '2026-01-15';

/** When each batch was named: only batch 3 has a sourced day (2025-10-28); the others leave designated_on empty. */
export const NAMED_ON: Record<number, string | undefined> = { 2020: undefined, 2022: undefined, 2025: '2025-10-28' };

export const SCALES: Record<ScaleName, ScaleSpec> = {
  small: {
    name: 'small',
    allDivisions: false,
    designated: {
      2020: { comprehensive: 20, single: 8 },
      2022: { comprehensive: 22, single: 12 },
      2025: { comprehensive: 20, single: 10 },
    },
    monitored: 8,
    volumes: {
      enforcement: { mean: 80, min: 30, max: 150 },
      litigation: { mean: 25, min: 8, max: 60 },
      disclosure: { mean: 40, min: 10, max: 90 },
      normative: { mean: 8, min: 3, max: 20 },
    },
  },
  national: {
    name: 'national',
    allDivisions: true,
    // Published batch sizes: regions (comprehensive) and projects (single), see data/reference/NOTICE.named-regions.md.
    designated: {
      2020: { comprehensive: 40, single: 24 },
      2022: { comprehensive: 50, single: 59 },
      2025: { comprehensive: 72, single: 33 },
    },
    monitored: 0,
    volumes: {
      enforcement: { total: 21_000_000 },
      litigation: { total: 1_100_000 },
      disclosure: { total: 2_150_000 },
      normative: { total: 200_000 },
    },
  },
};

/** Relative volume of each year (2020: the pandemic dip in enforcement; disclosure requests keep growing). */
export const YEAR_FACTOR: Record<'enforcement' | 'litigation' | 'disclosure' | 'normative', number[]> = {
  enforcement: [0.92, 0.84, 0.96, 1.0, 1.05, 1.09, 1.12],
  litigation: [0.95, 0.9, 1.0, 1.02, 1.04, 1.05, 1.06],
  disclosure: [0.8, 0.85, 0.92, 1.0, 1.08, 1.15, 1.2],
  normative: [1, 1, 1, 1, 1, 1, 1],
};

export function yearIndex(year: number): number {
  return year - FIRST_YEAR;
}
