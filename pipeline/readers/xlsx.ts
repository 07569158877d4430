// XLSX through exceljs's streaming reader (stream.xlsx.WorkbookReader): the sheet is read row by row and never
// held whole, so a 1 M-row file loads in bounded memory (the whole-workbook reader took a server to 5 GB on a
// 27 MB file). The sheet read is the one named after the dataset, else the first. Cells become the strings a
// CSV would have carried; Excel dates (real date cells or serial numbers in date columns) become YYYY-MM-DD.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
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
  // The file is fed to the unzipper one 64 KiB chunk per turn of the event loop. exceljs parses whatever is
  // buffered through promise callbacks alone, which never let a waiting HTTP request in: fed all at once, the
  // shared-strings table of a 1 M-row sheet kept a server from answering for seconds.
  const input = createReadStream(path, { highWaterMark: 1 << 16 }).pipe(
    new Transform({
      highWaterMark: 1 << 16,
      transform(chunk, _encoding, done) {
        setImmediate(() => done(null, chunk));
      },
    }),
  );
  const { default: Excel } = await import('exceljs'); // loaded with the first workbook, not with every command
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAsUtf8Text(reader);
  const wanted = new Set(preferredSheets.map((s) => s.trim().toLowerCase()));
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<
    ExcelJS.stream.xlsx.WorksheetReader & { name?: string }
  >;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    input.destroy();
  };

  // The workbook part (sheet names, in tab order) precedes the sheets in every writer's zip; from it the target
  // sheet is known when the first sheet arrives. Without it, the first sheet in the file is read.
  let target: string | undefined;
  let sheet: (ExcelJS.stream.xlsx.WorksheetReader & { name?: string }) | undefined;
  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    const ws = next.value;
    if (target === undefined) {
      const names = ((reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model?.sheets ?? []).map(
        (s) => s.name,
      );
      target = names.find((n) => wanted.has(n.trim().toLowerCase())) ?? names[0] ?? ws.name ?? '';
    }
    if ((ws.name ?? '') === target || target === '') {
      sheet = ws;
      break;
    }
  }
  if (!sheet) {
    close();
    return { sheet: '', header: [], rows: emptyRows(), close };
  }

  const rowIterator = (sheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  let header: string[] | undefined;
  let width = 0;
  async function* dataRows(): AsyncGenerator<XlsxRow> {
    try {
      for (;;) {
        const next = await rowIterator.next();
        if (next.done) break;
        const row = rowCells(next.value, width);
        if (row) yield { line: next.value.number, cells: row };
      }
    } finally {
      close();
    }
  }
  // The header is the first row that is not empty.
  for (;;) {
    const next = await rowIterator.next();
    if (next.done) break;
    const cells = rowCells(next.value, 0);
    if (cells) {
      header = cells.map((c) => c ?? '');
      width = header.length;
      break;
    }
  }
  return { sheet: sheet.name ?? target ?? '', header: header ?? [], rows: dataRows(), close };
}

async function* emptyRows(): AsyncGenerator<XlsxRow> {}

/** The parts of exceljs's WorkbookReader (4.4) that take a zip entry or a sheet's byte chunks. */
interface ReaderParts {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs's streaming reader hands each byte chunk of a part to its XML parser decoded on its own
 * (lib/utils/parse-sax.js: `TextDecoder.decode(chunk)` without `stream: true`), so a character whose UTF-8 bytes
 * straddle two chunks became two U+FFFD: 是 read as ��. The parser passes strings through untouched, so the
 * reader is given text instead, decoded across chunk boundaries: zip entries through Node's StringDecoder
 * (`setEncoding`), and a sheet's chunks (from the zip, or from the temp file exceljs parks a sheet in when it
 * precedes the shared strings) through a streaming TextDecoder. tests/readers/xlsx-stream.test.ts holds the
 * streamed rows to the whole-workbook reader's, byte for byte, and fails if an exceljs upgrade moves these parts.
 */
function decodeAsUtf8Text(reader: object): void {
  const parts = reader as unknown as ReaderParts;
  for (const name of [
    '_parseRels',
    '_parseWorkbook',
    '_parseStyles',
    '_parseSharedStrings',
    '_parseWorksheet',
  ] as const) {
    if (typeof parts[name] !== 'function')
      throw new Error(`exceljs WorkbookReader has no ${name}: UTF-8 decoding cannot be set up`);
  }
  const asText =
    <T>(parse: (entry: NodeJS.ReadableStream) => T) =>
    (entry: NodeJS.ReadableStream): T => {
      entry.setEncoding('utf8');
      return parse(entry);
    };
  parts._parseRels = asText(parts._parseRels.bind(reader));
  parts._parseWorkbook = asText(parts._parseWorkbook.bind(reader));
  parts._parseStyles = asText(parts._parseStyles.bind(reader));
  parts._parseSharedStrings = asText(parts._parseSharedStrings.bind(reader));
  const parseWorksheet = parts._parseWorksheet.bind(reader);
  parts._parseWorksheet = (chunks, sheetNo) => parseWorksheet(utf8Text(chunks), sheetNo);
}

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A row's cells as text, at least `width` of them; null for a row whose every cell is empty. */
export function rowCells(row: ExcelJS.Row, width: number): Array<string | null> | null {
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
