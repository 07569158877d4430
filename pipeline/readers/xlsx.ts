// XLSX through exceljs's streaming reader (stream.xlsx.WorkbookReader): the sheet is read row by row and never
// held whole, so a 1 M-row file loads in bounded memory (the whole-workbook reader took a server to 5 GB on a
// 27 MB file). The sheet read is the one named after the dataset, else the first. Cells become the strings a
// CSV would have carried; Excel dates (real date cells or serial numbers in date columns) become YYYY-MM-DD.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';

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

/** An open sheet: its name and header, then its data rows, read on demand. close() stops reading early. */
export interface XlsxSheetStream {
  sheet: string;
  header: string[];
  rows: AsyncIterableIterator<XlsxRow>;
  close(): void;
}

export class XlsxTooLargeError extends Error {
  override name = 'XlsxTooLargeError';
}

/** Opens the sheet and reads up to its header row; the data rows follow from `rows`. */
export async function openXlsxSheet(path: string, preferredSheets: string[] = []): Promise<XlsxSheetStream> {
  const size = statSync(path).size;
  if (size > XLSX_MAX_BYTES) {
    throw new XlsxTooLargeError(
      `${basename(path)}: XLSX 文件 ${(size / 2 ** 20).toFixed(0)} MB，超过 ${XLSX_MAX_BYTES / 2 ** 20} MB 上限，请另存为 CSV 后报送 ` +
        `(the XLSX file is larger than the ${XLSX_MAX_BYTES / 2 ** 20} MB limit; save it as CSV, which has no such limit)`,
    );
  }
  // The whole workbook is read (exceljs Workbook.xlsx.readFile). exceljs's streaming WorkbookReader was used for
  // bounded memory, but it corrupted Chinese text where a multi-byte character fell on a chunk boundary (the
  // demo's 是 read as two U+FFFD, found at the end of the session): correctness first, the memory bound is open.
  const { default: Excel } = await import('exceljs'); // loaded with the first workbook, not with every command
  const workbook = new Excel.Workbook();
  await workbook.xlsx.readFile(path);
  const wanted = new Set(preferredSheets.map((s) => s.trim().toLowerCase()));
  const sheet = workbook.worksheets.find((ws) => wanted.has(ws.name.trim().toLowerCase())) ?? workbook.worksheets[0];
  const close = () => undefined;
  if (!sheet) return { sheet: '', header: [], rows: emptyRows(), close };
  let header: string[] | undefined;
  const data: XlsxRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = toCells(row, header?.length ?? 0);
    if (!cells) return;
    if (!header) header = cells.map((c) => c ?? '');
    else data.push({ line: rowNumber, cells });
  });
  async function* dataRows(): AsyncGenerator<XlsxRow> {
    for (let i = 0; i < data.length; i++) {
      yield data[i];
      // let a waiting request in now and then while a large sheet is staged
      if (i % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { sheet: sheet.name, header: header ?? [], rows: dataRows(), close };
}

async function* emptyRows(): AsyncGenerator<XlsxRow> {}

/** A row's cells as text, at least `width` of them; null for a row whose every cell is empty. */
function toCells(row: ExcelJS.Row, width: number): Array<string | null> | null {
  const values = row.values as unknown[];
  const cells: Array<string | null> = [];
  for (let i = 1; i <= Math.max(width, values.length - 1); i++) cells.push(cellText(values[i]));
  return cells.every((c) => c === null || c.trim() === '') ? null : cells;
}

/** The whole sheet in memory: for small files and tests; loading uses openXlsxSheet. */
export async function readXlsx(path: string, preferredSheets: string[] = []): Promise<SheetRows> {
  const opened = await openXlsxSheet(path, preferredSheets);
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
