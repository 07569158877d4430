// What the case-level generators counted, per region and year: annual reports state these figures (consistent
// with the data unless planted otherwise), and planted.json quotes them.
import { FIRST_YEAR, YEARS } from './scale.ts';
import type { Region } from './world.ts';

export const TALLY_METRICS = [
  'decisions',
  'decisionsPublished',
  'decisionsOnTime',
  'litigationConcluded',
  'litigationLost',
  'disclosureRequests',
  'disclosureOnTime',
  'disclosureUpheld',
  'disclosureOverturned',
  'licences',
  'penalties',
  'coercions',
] as const;
export type TallyMetric = (typeof TALLY_METRICS)[number];

export class Tallies {
  private readonly counts: Record<TallyMetric, Int32Array>;

  constructor(regionCount: number) {
    this.counts = Object.fromEntries(
      TALLY_METRICS.map((m) => [m, new Int32Array(regionCount * YEARS.length)]),
    ) as Record<TallyMetric, Int32Array>;
  }

  /** Adds n to a region-year; years outside 2019–2025 (e.g. a case concluded in January 2026) are not counted. */
  add(metric: TallyMetric, region: Region, year: number, n = 1): void {
    const y = year - FIRST_YEAR;
    if (y >= 0 && y < YEARS.length) this.counts[metric][region.index * YEARS.length + y] += n;
  }

  get(metric: TallyMetric, region: Region, year: number): number {
    return this.counts[metric][region.index * YEARS.length + (year - FIRST_YEAR)];
  }
}
