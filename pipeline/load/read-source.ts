// Opens a file far enough to know its header, its dataset and its content hash, before anything is loaded.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../db/index.ts';
import { datasetByName, type DatasetContract } from '../contracts/index.ts';
import { matchHeader, type HeaderMatch } from '../contracts/header-match.ts';
import {
  formatOf,
  openXlsxSheet,
  reportFormatOf,
  readCsvHeader,
  readJsonl,
  jsonCellText,
  scanCsv,
  type CsvScan,
  type FileFormat,
  type XlsxSheetStream,
  UnreadableFileError,
} from '../readers/index.ts';
import { detectDataset } from './detect-dataset.ts';
import { parquetColumns } from './stage-parquet.ts';
import type { ReaderReject } from './staged.ts';
import type { SourceRow } from './stage-rows.ts';
import { datasets } from '../contracts/index.ts';
import { disclosureAnnualReports } from '../contracts/disclosure-annual-reports.ts';
import { looksLikeReport } from '../disclosure-reports/looks-like.ts';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface OpenedSource {
  path: string;
  format: FileFormat;
  fields: string[];
  sha256: string;
  contract?: DatasetContract;
  match?: HeaderMatch;
  problem?: {
    code: 'unknown_dataset' | 'ambiguous_dataset' | 'header_mismatch' | 'no_header' | 'empty_file';
    message: string;
    params?: Record<string, unknown>;
  };
  csv?: { delimiter: ',' | '\t'; scan: CsvScan };
  /** JSON Lines rows, keyed later by contract column. */
  rows?: Array<{ line: number; values: Array<string | null>; raw: string }>;
  /** XLSX: the open sheet, read past its header; its rows stream into the stage table. */
  xlsx?: XlsxSheetStream;
  readerRejects?: ReaderReject[];
}

export async function openSource(db: Database, path: string, datasetName?: string): Promise<OpenedSource> {
  const report = await openReport(path, datasetName);
  if (report) return report;
  const format = formatOf(path);
  if (!format)
    throw Object.assign(new Error(`${basename(path)}: unsupported file type (CSV, XLSX, JSON Lines or Parquet)`), {
      loadCode: 'unsupported_format',
    });
  let fields: string[] = [];
  const source: OpenedSource = { path, format, fields, sha256: '' };

  if (format === 'csv') {
    const header = readCsvHeader(path);
    const scan = scanCsv(path, header.delimiter);
    // The header's own encoding guess can be wrong when only later rows carry GBK bytes.
    fields = scan.utf8 ? header.fields : readCsvHeader(path, 'gb18030').fields;
    source.csv = { delimiter: header.delimiter, scan };
    source.sha256 = scan.sha256;
  } else {
    source.sha256 = await sha256File(path);
    if (format === 'xlsx') {
      // exceljs's temp file (a sheet stored before the shared strings) goes to the scratch folder, not /tmp.
      source.xlsx = await openXlsxSheet(
        path,
        datasets.flatMap((d) => [d.name, d.zh]),
        { tempDir: db.scratch('xlsx') },
      );
      fields = source.xlsx.header;
    } else if (format === 'jsonl') {
      const keys: string[] = [];
      const rows: NonNullable<OpenedSource['rows']> = [];
      const rejects: ReaderReject[] = [];
      const records: Array<{ line: number; raw: string; record: Record<string, unknown> }> = [];
      for await (const item of readJsonl(path)) {
        if ('error' in item) {
          rejects.push({
            line: item.line,
            column: null,
            code: 'bad_json',
            value: null,
            message: item.error,
            raw: item.raw,
          });
          continue;
        }
        for (const k of Object.keys(item.record)) if (!keys.includes(k)) keys.push(k);
        records.push(item);
      }
      for (const r of records)
        rows.push({ line: r.line, values: keys.map((k) => jsonCellText(r.record[k])), raw: r.raw });
      // not one line is a JSON object: the file is not JSON Lines at all (binary, a CSV renamed, one JSON array)
      if (records.length === 0 && rejects.length > 0)
        throw new UnreadableFileError(
          `${basename(path)}: no line is a JSON object, so this is not a JSON Lines file; export one object per line, or send CSV`,
          'unreadable_jsonl',
          { lines: rejects.length },
          rejects[0].message,
        );
      fields = keys;
      source.rows = rows;
      source.readerRejects = rejects;
    } else {
      try {
        fields = await parquetColumns(db, path);
      } catch (err) {
        throw new UnreadableFileError(
          `${basename(path)}: not a readable Parquet file (${(err as Error).message}); export it again, or send CSV`,
          'unreadable_parquet',
          {},
          (err as Error).message,
        );
      }
    }
  }
  source.fields = fields;
  if (fields.length === 0 || fields.every((f) => f.trim() === '')) {
    source.problem = { code: 'empty_file', message: 'the file has no header row' };
    return source;
  }
  const detection = datasetName ? { contract: datasetByName(datasetName) } : detectDataset(path, fields);
  if ('error' in detection) {
    source.problem = { code: detection.code, message: detection.error, params: detection.params };
    return source;
  }
  source.contract = detection.contract;
  source.match = matchHeader(detection.contract, fields);
  return source;
}

/** A published disclosure report (HTML, DOCX, PDF, or a .txt whose first lines name one) is one record of
 *  disclosure_annual_reports, told by its content; undefined for every other file. */
async function openReport(path: string, datasetName?: string): Promise<OpenedSource | undefined> {
  const format = reportFormatOf(path);
  if (!format) return undefined;
  if (format === 'text' && !looksLikeReport(readFileSync(path).subarray(0, 4096).toString('utf8'))) return undefined;
  if (datasetName && datasetName !== disclosureAnnualReports.name) {
    throw new Error(
      `${basename(path)}: a ${format} file is read as a published disclosure report (disclosure_annual_reports), not as ${datasetName}`,
    );
  }
  // the report readers load with the first report (DOCX, HTML and PDF libraries: none of a server's start)
  const { readDisclosureReport } = await import('../disclosure-reports/index.ts');
  const read = await readDisclosureReport(path, format);
  const contract = disclosureAnnualReports;
  return {
    path,
    format,
    fields: read.fields,
    sha256: await sha256File(path),
    contract,
    match: matchHeader(contract, read.fields),
    rows: read.row ? [read.row] : [],
    readerRejects: read.reject
      ? [{ ...read.reject, column: read.reject.code === 'unresolved_publisher' ? 'publisher' : null }]
      : [],
  };
}

/** JSON Lines (and disclosure report) rows as SourceRows keyed by contract column. */
export function keyedRows(source: OpenedSource): SourceRow[] {
  const columns = source.match!.columns;
  return (source.rows ?? []).map((r) => ({ line: r.line, cells: keyed(columns, r.values), raw: r.raw }));
}

/** XLSX rows as SourceRows, streamed from the open sheet; raw is the row as one CSV line (what rejects show). */
export async function* keyedXlsxRows(source: OpenedSource): AsyncGenerator<SourceRow> {
  const columns = source.match!.columns;
  const rows = source.xlsx!.rows;
  for await (const r of rows) {
    yield { line: r.line, cells: keyed(columns, r.cells), raw: Papa.unparse([r.cells.map((c) => c ?? '')]) };
  }
}

/** Stops reading an XLSX source that will not be loaded (skipped or refused after its header). */
export function closeSource(source: OpenedSource): void {
  void source.xlsx?.close();
  // Drops the reader and its shared-strings table (the largest part of an XLSX load's memory) before typing.
  source.xlsx = undefined;
}

function keyed(columns: Array<string | undefined>, values: Array<string | null>): Map<string, string | null> {
  const cells = new Map<string, string | null>();
  columns.forEach((name, i) => {
    if (name) cells.set(name, values[i] ?? null);
  });
  return cells;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
