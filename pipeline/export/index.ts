// The quarterly package (`shifan export --quarter 2025Q3`, the quarterly_export job, the UI's button): a folder
// with the offline HTML dashboard, the PDF, the XLSX workbook, one CSV per table and manifest.json, and a zip of
// the folder next to it. Without Chromium everything but the PDF is written and the message says how to add it.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { collectQuarter, type ExportData } from './collect.ts';
import { tableCsv } from './csv.ts';
import { renderHtml, TITLE_ZH } from './html.ts';
import { buildManifest, type Manifest } from './manifest.ts';
import { CHROMIUM_HINT, chromiumPath, printPdf } from './pdf.ts';
import { formatQuarter, parseQuarter, type Quarter } from './quarter.ts';
import { writeXlsx } from './xlsx.ts';
import { writeZip } from './zip.ts';

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
}

export interface ExportResult {
  quarter: string;
  dir: string;
  zip: string;
  /** File names inside dir, manifest.json last. */
  files: string[];
  pdf: 'ok' | 'skipped';
  message: string;
  seconds: number;
  row_counts: Record<string, number>;
  as_of: string;
  system_version: string;
}

export async function exportQuarter(db: Database, options: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  const quarter = typeof options.quarter === 'string' ? parseQuarter(options.quarter) : options.quarter;
  const q = formatQuarter(quarter);
  const dir = resolve(options.outDir ?? join(defaultExportsDir(), q));
  const zip = join(dirname(dir), `${basename(dir)}.zip`);
  mkdirSync(dir, { recursive: true });
  const data: ExportData = await collectQuarter(db, quarter, options.now);
  const stem = `shifan-${q}`;
  const names = { html: `${stem}.html`, pdf: `${stem}.pdf`, xlsx: `${stem}.xlsx` };
  // A package is rewritten whole: what an earlier export of the quarter left is removed first.
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });

  const files: string[] = [];
  writeFileSync(join(dir, names.html), renderHtml(data));
  files.push(names.html);
  await writeXlsx(data, join(dir, names.xlsx));
  files.push(names.xlsx);
  for (const table of data.tables) {
    writeFileSync(join(dir, `${table.id}.csv`), tableCsv(table));
    files.push(`${table.id}.csv`);
  }

  let pdf: 'ok' | 'skipped' = 'skipped';
  let message: string;
  const chromium = options.chromium === undefined ? chromiumPath() : options.chromium;
  if (!chromium) {
    message = `未找到 Chromium，PDF 未生成；安装后重新导出即可生成 PDF：${CHROMIUM_HINT}（no Chromium found, PDF skipped; ${CHROMIUM_HINT} enables it）`;
  } else {
    try {
      await printPdf(join(dir, names.html), join(dir, names.pdf), chromium);
      files.push(names.pdf);
      pdf = 'ok';
      message = `已生成 HTML、PDF、XLSX、CSV 和清单`;
    } catch (err) {
      message = `PDF 生成失败（${(err as Error).message.split('\n')[0]}）；其余文件已生成。检查 Chromium 与字体：${CHROMIUM_HINT}`;
    }
  }

  const manifest: Manifest = buildManifest(data, dir, files, pdf, TITLE_ZH);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push('manifest.json');
  await writeZip(dir, files, zip, basename(dir), new Date(data.context.generated_at));
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
  };
}
