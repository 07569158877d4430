// CSV files: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads them as UTF-8), Chinese headers,
// CRLF line ends; written by papaparse. Values are raw (rates as fractions), not the formatted text of the HTML.
import Papa from 'papaparse';
import type { ExportTable } from './collect.ts';

export const BOM = '\uFEFF';

export function tableCsv(table: ExportTable): string {
  const rows = table.rows.map((r) => table.columns.map((c) => {
    const v = r[c.key];
    return v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
  }));
  return `${BOM}${Papa.unparse({ fields: table.columns.map((c) => c.zh), data: rows }, { newline: '\r\n' })}\r\n`;
}
