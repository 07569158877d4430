// CSV files: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads them as UTF-8), Chinese headers,
// CRLF line ends; written by the product's one CSV writer (pipeline/csv), which neutralises formula cells.
// Numbers are raw (rates as fractions), not the formatted text of the HTML; codes, yes/no and actors are in words
// (cell-words.ts), as every file of the package shows them.
import { csvText, type CsvCell } from '../csv/safe-csv.ts';
import { cellWords } from './cell-words.ts';
import type { ExportTable } from './collect.ts';

export { BOM } from '../csv/safe-csv.ts';

export function tableCsv(table: ExportTable): string {
  return csvText(
    table.columns.map((c) => c.zh),
    table.rows.map((r) => table.columns.map((c) => (cellWords(r[c.key], c, r) ?? r[c.key]) as CsvCell)),
  );
}
