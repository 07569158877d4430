// Where the quarterly packages live and which exist: light on purpose (no renderer, workbook or zip library), so the
// API and the job list can show packages without loading what writing one needs (index.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../db/paths.ts';
import type { Manifest } from './manifest.ts';

export function defaultExportsDir(): string {
  return process.env.SHIFAN_EXPORTS ?? join(dataDir, 'exports');
}

export interface ExportListing {
  quarter: string;
  dir: string;
  zip: string | null;
  zip_bytes: number | null;
  generated_at: string;
  as_of: string;
  indicator_system_version: string;
  pdf: 'ok' | 'skipped';
  files: Array<{ name: string; bytes: number; sha256: string }>;
}

/** Packages under `dir` (default data/exports/), newest quarter first: every folder holding a manifest.json, except
 *  hidden ones (an export being written, `.<quarter>.partial`). */
export function listExports(dir: string = defaultExportsDir()): ExportListing[] {
  if (!existsSync(dir)) return [];
  const out: ExportListing[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const folder = join(dir, name);
    const manifestPath = join(folder, 'manifest.json');
    if (!statSync(folder).isDirectory() || !existsSync(manifestPath)) continue;
    let m: Manifest;
    try {
      m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    } catch {
      continue;
    }
    const zip = `${folder}.zip`;
    out.push({
      quarter: m.quarter,
      dir: folder,
      zip: existsSync(zip) ? zip : null,
      zip_bytes: existsSync(zip) ? statSync(zip).size : null,
      generated_at: m.generated_at,
      as_of: m.as_of,
      indicator_system_version: m.indicator_system_version,
      pdf: m.pdf,
      files: m.files,
    });
  }
  return out.sort((a, b) => b.quarter.localeCompare(a.quarter) || b.generated_at.localeCompare(a.generated_at));
}
