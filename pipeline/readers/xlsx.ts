// XLSX through exceljs's streaming reader (stream.xlsx.WorkbookReader): the sheet is read row by row and never
// held whole, so a 1 M-row file loads in bounded memory (the whole-workbook reader took a server to 5 GB on a
// 27 MB file). The sheet read is the one named after the dataset, else the first. Cells become the strings a
// CSV would have carried; Excel dates (real date cells or serial numbers in date columns) become YYYY-MM-DD.
import { rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { UnreadableFileError } from './unreadable.ts';
import { startParse, type WorkerMessage } from './xlsx-workers.ts';

/**
 * XLSX files larger than this are refused before reading. A full sheet (1,048,576 rows, Excel's limit) of the
 * widest dataset is about 60 MB; a bigger file is better sent as CSV, which loads several times faster.
 */
export const XLSX_MAX_BYTES = 128 * 1024 * 1024;

export interface SheetRows {
  sheet: string;
  header: string[];
  /** Data rows with their sheet row number (the "line" of a reject). Empty rows are left out. */
  rows: Array<{ line: number; cells: Array<string | null> }>;
}

export interface XlsxRow {
  line: number;
  cells: Array<string | null>;
}

/** An open sheet: its name and header, then its data rows, read on demand. close() stops reading early (reading
 *  to the end closes it too); it resolves when the reader has stopped and its temp folder is gone. */
export interface XlsxSheetStream {
  sheet: string;
  header: string[];
  rows: AsyncIterableIterator<XlsxRow>;
  close(): Promise<void>;
}

export class XlsxTooLargeError extends UnreadableFileError {
  override name = 'XlsxTooLargeError';
}

export interface XlsxOptions {
  /** A folder of the caller's for the parse's temp files; removed when the sheet is closed. */
  tempDir?: string;
}

/** Rows per message from the parsing worker: large enough that messaging costs little, small enough to stay light. */
const BATCH_ROWS = 2000;

/**
 * Opens the sheet and reads up to its header row; the data rows follow from `rows`. The parse runs in a worker
 * thread (xlsx-worker.mjs), which sends rows in batches as they are asked for: the server's event loop only turns
 * exceljs's cell values into text, so it keeps answering while a workbook loads, and memory holds the shared
 * strings and a batch or two, never the sheet.
 */
export async function openXlsxSheet(
  path: string,
  preferredSheets: string[] = [],
  options: XlsxOptions = {},
): Promise<XlsxSheetStream> {
  const size = statSync(path).size;
  if (size > XLSX_MAX_BYTES) {
    if (options.tempDir) rmSync(options.tempDir, { recursive: true, force: true });
    const figures = { size_mb: Math.round(size / 2 ** 20), limit_mb: XLSX_MAX_BYTES / 2 ** 20 };
    throw new XlsxTooLargeError(
      `${basename(path)}: the XLSX file is ${figures.size_mb} MB, larger than the ${figures.limit_mb} MB limit; save it as CSV, which has no such limit`,
      'xlsx_too_large',
      figures,
    );
  }
  const parse = startParse({ path, preferredSheets, batchRows: BATCH_ROWS, tempDir: options.tempDir });
  const receive = async (): Promise<WorkerMessage> => {
    const m = await parse.receive();
    if (m.type === 'error') {
      await close();
      throw new UnreadableFileError(
        `${basename(path)}: not a readable XLSX workbook (${m.message}); save it again as .xlsx from Excel or WPS, or send CSV`,
        'unreadable_xlsx',
        {},
        m.message,
      );
    }
    return m;
  };
  let closed: Promise<void> | undefined;
  /** Ends the parse (its worker waits for the next workbook, or stops if this one was left), then removes the
   *  temp folder; resolves when both are done. */
  function close(): Promise<void> {
    const { tempDir } = options;
    closed ??= parse.finish().then(() => (tempDir ? rmSync(tempDir, { recursive: true, force: true }) : undefined));
    return closed;
  }

  const opened = await receive();
  if (opened.type !== 'sheet' || opened.name === null) {
    await close();
    return { sheet: '', header: [], rows: emptyRows(), close };
  }
  const sheet = opened.name;

  // One batch is asked for ahead of the one being read, so the parse and the insert overlap.
  let pending: Array<{ line: number; values: unknown[] }> = [];
  let ended = false;
  parse.more();
  async function nextRow(): Promise<{ line: number; values: unknown[] } | undefined> {
    while (pending.length === 0) {
      if (ended) return undefined;
      const m = await receive();
      if (m.type === 'rows') {
        pending = m.rows.reverse();
        parse.more();
      } else if (m.type === 'end') ended = true;
    }
    return pending.pop();
  }

  let header: string[] | undefined;
  let width = 0;
  async function* dataRows(): AsyncGenerator<XlsxRow> {
    try {
      for (;;) {
        const next = await nextRow();
        if (!next) break;
        const row = valueCells(next.values, width);
        if (row) yield { line: next.line, cells: row };
      }
    } finally {
      await close();
    }
  }
  // The header is the first row that is not empty.
  for (;;) {
    const next = await nextRow();
    if (!next) break;
    const cells = valueCells(next.values, 0);
    if (cells) {
      header = cells.map((c) => c ?? '');
      width = header.length;
      break;
    }
  }
  if (header === undefined) await close();
  return { sheet, header: header ?? [], rows: dataRows(), close };
}

async function* emptyRows(): AsyncGenerator<XlsxRow> {}

/** A row's cells as text, at least `width` of them; null for a row whose every cell is empty. */
export function rowCells(row: ExcelJS.Row, width: number): Array<string | null> | null {
  return valueCells(row.values as unknown[], width);
}

/** exceljs's `row.values` (1-based, holes for empty cells) as text: see rowCells. */
function valueCells(values: unknown[], width: number): Array<string | null> | null {
  const cells: Array<string | null> = [];
  for (let i = 1; i <= Math.max(width, values.length - 1); i++) cells.push(cellText(values[i]));
  return cells.every((c) => c === null || c.trim() === '') ? null : cells;
}

/** The whole sheet in memory: for small files and tests; loading uses openXlsxSheet. */
export async function readXlsx(
  path: string,
  preferredSheets: string[] = [],
  options: XlsxOptions = {},
): Promise<SheetRows> {
  const opened = await openXlsxSheet(path, preferredSheets, options);
  const rows: SheetRows['rows'] = [];
  for await (const r of opened.rows) rows.push(r);
  return { sheet: opened.sheet, header: opened.header, rows };
}

export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/** exceljs gives Excel's wall-clock date as a UTC instant; keep it as the civil date (and time if any). */
function excelDateText(d: Date): string {
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** An Excel serial date (1900 date system) as YYYY-MM-DD; fractional days give a time. */
export function excelSerialToText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return excelDateText(new Date(ms));
}
