// The loaded reports of a year as `shifan disclosure-reports` and the dashboard show them (sql/disclosure-reports/list.sql).
import type { Database } from '../db/index.ts';

export type DisclosureReportRow = {
  region_code: string;
  region_name: string | null;
  publisher: string;
  year: number;
  template: string;
  published_on: string | null;
  received_new: number | null;
  carried_over: number | null;
  handled_total: number | null;
  carried_forward: number | null;
  reconsideration_corrected: number | null;
  reconsideration_total: number | null;
  litigation_corrected: number | null;
  litigation_total: number | null;
  penalties: number | null;
  licences: number | null;
  coercions: number | null;
  balanced: boolean;
  balance_failures: string | null;
  corrected_per_concluded_case: number | null;
  corrected_per_handled_request: number | null;
  source_url: string | null;
  source_file: string | null;
  load_id: number;
  line: number;
};

export async function listDisclosureReports(
  db: Database,
  filter: { year?: number | null; region?: string | null; province?: string | null; balanced?: boolean | null },
): Promise<DisclosureReportRow[]> {
  return db.allFile<DisclosureReportRow>('disclosure-reports/list', {
    year: filter.year ?? null,
    region: filter.region ?? null,
    province: filter.province ?? null,
    balanced: filter.balanced ?? null,
  });
}
