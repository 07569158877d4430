// CSV files: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads them as UTF-8), Chinese headers,
// CRLF line ends; written by the product's one CSV writer (pipeline/csv), which neutralises formula cells.
// Values are raw (rates as fractions), not the formatted text of the HTML.
import { csvText, type CsvCell } from '../csv/safe-csv.ts';
import type { ExportTable } from './collect.ts';

export { BOM } from '../csv/safe-csv.ts';

export function tableCsv(table: ExportTable): string {
  return csvText(
    table.columns.map((c) => c.zh),
    table.rows.map((r) => table.columns.map((c) => r[c.key] as CsvCell)),
  );
}
