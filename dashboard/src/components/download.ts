// Table downloads. CSV is UTF-8 with a byte-order mark so that Excel on Chinese Windows opens it correctly, written
// by the product's one CSV writer (pipeline/csv), which neutralises cells a spreadsheet would run as formulas;
// XLSX is written by exceljs (strings are text cells there, never formulas), imported only when the user asks.
import { csvText, type CsvCell } from '../../../pipeline/csv/safe-csv.ts';

export interface ExportColumn<R> {
  header: string;
  value: (row: R) => unknown;
}

function cells<R>(rows: readonly R[], columns: ExportColumn<R>[]): unknown[][] {
  return rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r);
      return v == null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
    }),
  );
}

export function toCsv<R>(rows: readonly R[], columns: ExportColumn<R>[]): string {
  return csvText(
    columns.map((c) => c.header),
    cells(rows, columns) as CsvCell[][],
    { finalNewline: false },
  );
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv<R>(rows: readonly R[], columns: ExportColumn<R>[], name: string) {
  save(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

export async function downloadXlsx<R>(rows: readonly R[], columns: ExportColumn<R>[], name: string) {
  // exceljs is CommonJS: the bundler hands its exports over as `default`, Node as the namespace itself.
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of cells(rows, columns)) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = await wb.xlsx.writeBuffer();
  save(new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${name}.xlsx`);
}
