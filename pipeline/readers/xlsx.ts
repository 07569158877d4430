// XLSX through exceljs: the first sheet, or a sheet named after the dataset. Cells become the strings a CSV
// would have carried; Excel dates (real date cells or serial numbers in date columns) become YYYY-MM-DD.

export interface SheetRows {
  sheet: string;
  header: string[];
  /** Data rows with their sheet row number (the "line" of a reject). Empty rows are left out. */
  rows: Array<{ line: number; cells: Array<string | null> }>;
}

export async function readXlsx(path: string, preferredSheets: string[] = []): Promise<SheetRows> {
  const { default: ExcelJS } = await import('exceljs'); // loaded with the first workbook, not with every ingest
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const wanted = new Set(preferredSheets.map((s) => s.trim().toLowerCase()));
  const sheet = workbook.worksheets.find((ws) => wanted.has(ws.name.trim().toLowerCase())) ?? workbook.worksheets[0];
  if (!sheet) return { sheet: '', header: [], rows: [] };
  let header: string[] | undefined;
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const width = header?.length ?? values.length - 1;
    const cells: Array<string | null> = [];
    for (let i = 1; i <= Math.max(width, values.length - 1); i++) cells.push(cellText(values[i]));
    if (cells.every((c) => c === null || c.trim() === '')) return;
    if (!header) header = cells.map((c) => c ?? '');
    else rows.push({ line: rowNumber, cells });
  });
  return { sheet: sheet.name, header: header ?? [], rows };
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
