// The quarterly package (`shifan export --quarter 2025Q3`, the quarterly_export job, the UI's button): a folder
// with the offline HTML dashboard, the PDF, the XLSX workbook, one CSV per table and manifest.json, and a zip of
// the folder next to it. Without Chromium everything but the PDF is written and the message (a code) says how to add it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { storageFull } from '../db/storage-full.ts';
import { collectQuarter, type ExportData } from './collect.ts';
import { tableCsv } from './csv.ts';
import { renderHtml, TITLE_ZH } from './html.ts';
import { buildManifest, type Manifest } from './manifest.ts';
import { CHROMIUM_HINT, chromiumPath, printPdf } from './pdf.ts';
import { formatQuarter, parseQuarter, type Quarter } from './quarter.ts';
import { writeXlsx } from './xlsx.ts';
import { writeZip } from './zip.ts';
import { CodedError, type JobMessage } from '../vocabulary/index.ts';

export {
  type Column,
  collectQuarter,
  type ExportContext,
  type ExportData,
  type ExportTable,
} from './collect.ts';
export { BOM } from './csv.ts';
export { renderHtml, TITLE_ZH } from './html.ts';
export { type Manifest, sha256File } from './manifest.ts';
export { defaultExportsDir, type ExportListing, listExports } from './packages.ts';
export { CHROMIUM_ARGS, CHROMIUM_HINT, chromiumPath, printPdf } from './pdf.ts';
export {
  defaultExportQuarter,
  formatQuarter,
  parseQuarter,
  previousQuarter,
  type Quarter,
  QuarterError,
  quarterLabelZh,
  quarterOf,
  quarterRange,
  reportingYear,
} from './quarter.ts';

import { defaultExportsDir } from './packages.ts';

export interface ExportOptions {
  quarter: string | Quarter;
  /** The package folder; default data/exports/<quarter>/. The zip is written next to it as <folder>.zip. */
  outDir?: string;
  /** Chromium to print with; null: do not print (as if none were installed). Default: found on the system. */
  chromium?: string | null;
  now?: Date;
  /**
   * Replace a package already written for the quarter. Without it a second export of the quarter is refused
   * (`export.exists`): the package is what was handed over, and replacing it silently loses what was sent. With it
   * the earlier package (folder and zip) is kept under `superseded/<quarter>-<its generated_at>/` beside the
   * packages, never deleted.
   */
  rebuild?: boolean;
}

/** The earlier package a rebuild replaced: when it was generated and where it is kept now. */
export interface ReplacedPackage {
  generated_at: string;
  kept_in: string;
}

export interface ExportResult {
  quarter: string;
  dir: string;
  zip: string;
  /** File names inside dir, manifest.json last. */
  files: string[];
  pdf: 'ok' | 'skipped';
  /** what was made, or why the PDF was not: a code of the vocabulary's job messages and its parameters */
  message: JobMessage;
  seconds: number;
  row_counts: Record<string, number>;
  as_of: string;
  system_version: string;
  /** set when rebuild replaced a package */
  replaced: ReplacedPackage | null;
}

/** The package already written in `dir` (its manifest's generation time), or null when there is none. */
export function sealedPackage(dir: string): { generated_at: string } | null {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return null;
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as Partial<Manifest>;
    return { generated_at: String(m.generated_at ?? '') };
  } catch {
    return { generated_at: '' }; // an unreadable manifest is still a package somebody wrote: not replaced silently
  }
}

/** Moves a package (folder and zip) to superseded/<folder>-<generated_at>/ beside it; returns that folder. */
function keepSuperseded(dir: string, zip: string, generatedAt: string): string {
  const stamp = (generatedAt || new Date().toISOString()).replace(/[:.]/g, '-');
  let target = join(dirname(dir), 'superseded', `${basename(dir)}-${stamp}`);
  for (let n = 2; existsSync(target); n++) target = join(dirname(dir), 'superseded', `${basename(dir)}-${stamp}-${n}`);
  mkdirSync(target, { recursive: true });
  renameSync(dir, join(target, basename(dir)));
  if (existsSync(zip)) renameSync(zip, join(target, basename(zip)));
  return target;
}

export async function exportQuarter(db: Database, options: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  const quarter = typeof options.quarter === 'string' ? parseQuarter(options.quarter) : options.quarter;
  const q = formatQuarter(quarter);
  const dir = resolve(options.outDir ?? join(defaultExportsDir(), q));
  const zip = join(dirname(dir), `${basename(dir)}.zip`);
  const sealed = sealedPackage(dir);
  if (sealed && !options.rebuild)
    throw new CodedError('export.exists', { quarter: q, generated_at: sealed.generated_at });
  const data: ExportData = await collectQuarter(db, quarter, options.now);
  // Written beside its place under a hidden name, and put in place only when whole (manifest and zip written): an
  // export that fails midway (a full disk, a killed process) leaves no half package that looks sealed, and a
  // rebuild that fails keeps the earlier package where it was. listExports skips hidden folders.
  const staging = join(dirname(dir), `.${basename(dir)}.partial`);
  const stagingZip = `${staging}.zip`;
  const discardStaging = () => {
    rmSync(staging, { recursive: true, force: true });
    rmSync(stagingZip, { force: true });
  };
  discardStaging(); // what a process that died while exporting left
  mkdirSync(staging, { recursive: true });
  const stem = `shifan-${q}`;
  const names = { html: `${stem}.html`, pdf: `${stem}.pdf`, xlsx: `${stem}.xlsx` };
  const files: string[] = [];
  let pdf: 'ok' | 'skipped' = 'skipped';
  let message: JobMessage;
  let manifest: Manifest;
  try {
    writeFileSync(join(staging, names.html), renderHtml(data));
    files.push(names.html);
    await writeXlsx(data, join(staging, names.xlsx));
    files.push(names.xlsx);
    for (const table of data.tables) {
      writeFileSync(join(staging, `${table.id}.csv`), tableCsv(table));
      files.push(`${table.id}.csv`);
    }

    const chromium = options.chromium === undefined ? chromiumPath() : options.chromium;
    if (!chromium) {
      message = { code: 'export.pdf_missing', params: { hint: CHROMIUM_HINT } };
    } else {
      try {
        await printPdf(join(staging, names.html), join(staging, names.pdf), chromium);
        files.push(names.pdf);
        pdf = 'ok';
        message = { code: 'export.pdf_ok', params: {} };
      } catch (err) {
        rmSync(join(staging, names.pdf), { force: true }); // not listed in the manifest, so not left in the folder
        // a full disk is no reason to seal a package without its PDF (and to advise installing Chromium): it fails
        if (storageFull(err)) throw err;
        message = {
          code: 'export.pdf_failed',
          params: { detail: (err as Error).message.split('\n')[0]!, hint: CHROMIUM_HINT },
        };
      }
    }

    manifest = buildManifest(data, staging, files, pdf, TITLE_ZH);
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    files.push('manifest.json');
    await writeZip(staging, files, stagingZip, basename(dir), new Date(data.context.generated_at));
  } catch (err) {
    discardStaging();
    throw err;
  }

  // The earlier package moves aside only now that the new one is whole.
  const replaced = sealed
    ? { generated_at: sealed.generated_at, kept_in: keepSuperseded(dir, zip, sealed.generated_at) }
    : null;
  // What an unfinished export of an earlier version left in place (no manifest: never handed over) goes.
  rmSync(dir, { recursive: true, force: true });
  rmSync(zip, { force: true });
  renameSync(staging, dir);
  renameSync(stagingZip, zip);
  return {
    quarter: q,
    dir,
    zip,
    files,
    pdf,
    message,
    seconds: (performance.now() - started) / 1000,
    row_counts: manifest.row_counts,
    as_of: data.context.as_of,
    system_version: data.context.system_version,
    replaced,
  };
}
