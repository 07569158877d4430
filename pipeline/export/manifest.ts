// manifest.json: what the package is (quarter, data as-of date, indicator-system version, the refresh it came
// from), how many rows each table has, and the SHA-256 and size of every other file in the folder.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportData } from './collect.ts';

export interface Manifest {
  title_zh: string;
  quarter: string;
  quarter_zh: string;
  reporting_year: number;
  as_of: string;
  /** current | quarter_end | later_data, and the sentence the cover carries (pipeline/export/as-of.ts). */
  data_basis: string;
  data_basis_zh: string;
  indicator_system_version: string;
  indicator_system_sha256: string | null;
  refresh_run: number;
  generated_at: string;
  pdf: 'ok' | 'skipped';
  row_counts: Record<string, number>;
  /** The reporting year's headline figures (regions in term, met, not met, …), as the dashboard shows them. */
  headline: ExportData['headline'];
  files: Array<{ name: string; bytes: number; sha256: string }>;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function buildManifest(
  data: ExportData,
  dir: string,
  fileNames: string[],
  pdf: 'ok' | 'skipped',
  title: string,
): Manifest {
  const c = data.context;
  return {
    title_zh: title,
    quarter: c.quarter,
    quarter_zh: c.quarter_zh,
    reporting_year: c.reporting_year,
    as_of: c.as_of,
    data_basis: c.data_basis,
    data_basis_zh: c.data_basis_zh,
    indicator_system_version: c.system_version,
    indicator_system_sha256: c.system_sha256,
    refresh_run: c.refresh_run,
    generated_at: c.generated_at,
    pdf,
    row_counts: Object.fromEntries(data.tables.map((t) => [t.id, t.rows.length])),
    headline: data.headline,
    files: [...fileNames]
      .sort()
      .map((name) => ({ name, bytes: statSync(join(dir, name)).size, sha256: sha256File(join(dir, name)) })),
  };
}
