// The one CSV writer of the product: every CSV a user can open in a spreadsheet (quarterly export, dashboard
// downloads, templates) goes through csvText, so a cell that a spreadsheet would run as a formula never leaves the
// product as one. Browser-safe (papaparse only, no Node modules): the dashboard imports it too.
//
// The rule is OWASP's "CSV Injection" advice: a text cell that begins with = + - @, a tab or a carriage return
// gets a leading apostrophe, so Excel, WPS and LibreOffice show it as text instead of evaluating it
// (`=cmd|' /C calc'!A0` is written `'=cmd|' /C calc'!A0`). Numbers stay numbers: a JavaScript number is written
// as it is (-3.5), and so is text that is exactly a plain decimal number ("-3.5", "+12", "1e-3"), which a
// spreadsheet reads as that number and never as a formula. Quoting (commas, quotes, line breaks) is papaparse's.
import Papa from 'papaparse';

/** Cells a spreadsheet would treat as the start of a formula (OWASP: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, optionally signed, optionally with an exponent: safe to leave as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const BOM = '\uFEFF';

export type CsvCell = string | number | boolean | bigint | null | undefined;

/** One cell as it may be written to a CSV file: text that could start a formula gets a leading apostrophe. */
export function neutraliseCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel on Chinese Windows reads the file as UTF-8. Default true. */
  bom?: boolean;
  /** Line end; CRLF by default (what Excel writes). */
  newline?: '\r\n' | '\n';
  /** End the last record with a line end too. Default true. */
  finalNewline?: boolean;
  delimiter?: ',' | '\t';
}

/** A whole CSV file: header row and data rows, every cell (header included) neutralised, quoted by papaparse. */
export function csvText(
  header: readonly CsvCell[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const newline = options.newline ?? '\r\n';
  const body = Papa.unparse(
    { fields: header.map((h) => String(neutraliseCell(h))), data: rows.map((r) => r.map(neutraliseCell)) },
    { newline, delimiter: options.delimiter ?? ',', escapeFormulae: false },
  );
  return `${options.bom === false ? '' : BOM}${body}${options.finalNewline === false ? '' : newline}`;
}
