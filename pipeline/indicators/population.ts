// The one population every count of a year is taken over: the regions in their designation term in that year
// (macro in_designation_term). The overview's headline, the region list, the risk queue, the quarterly export and
// `shifan indicators --summary` all count it, and the headline figures come from one statement
// (sql/indicators/results/year_counts.sql), so no two views can disagree about how many regions met the bar.

/** Reads the rows of an SQL file: `db.allFile` from the CLI and the export, `app.q.rows` from the API routes. */
export type ReadRows = <T>(name: string, params: Record<string, string | number | boolean | null>) => Promise<T[]>;

export interface YearCounts {
  year: number;
  /** Regions in their designation term in the year (designated, batch year reached, not revoked before). */
  regions: number;
  met: number;
  not_met: number;
  /** No scorecard, or a year not yet complete at the data's date (no verdict is given then). */
  not_judged: number;
  /** Active high-severity flags on those regions in the year, and how many regions carry one. */
  high_flags: number;
  high_regions: number;
  /** Regions with an open revocation-watchlist entry (any status but cleared and revoked). */
  watchlist_regions: number;
}

export async function yearCounts(
  read: ReadRows,
  options: { year: number; province?: string | null },
): Promise<YearCounts> {
  const [row] = await read<YearCounts>('indicators/results/year_counts', {
    year: options.year,
    province: options.province ?? null,
  });
  return row!;
}
