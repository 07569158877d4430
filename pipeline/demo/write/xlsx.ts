// An XLSX file written with exceljs's streaming WorkbookWriter (rows are committed as they come), made
// byte-reproducible: the document properties carry a fixed date, and so does every zip entry (archiver would
// stamp the current time; exceljs appends its first entries inside the constructor, hence the subclass hook).
import ExcelJS from 'exceljs';
import type { Cell } from '../format.ts';

/** archiver stores zip entry times as UTC DOS time (unless forceLocalTime), so a UTC instant is the same everywhere. */
const FIXED_ZIP_DATE = () => new Date(Date.UTC(2026, 0, 15, 0, 0, 0));
const FIXED_DOC_DATE = new Date(Date.UTC(2026, 0, 15, 0, 0, 0));

type Appender = { append(source: unknown, data: Record<string, unknown>): unknown };

class ReproducibleWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: Appender }).zip;
    if (!(zip as { pinned?: boolean }).pinned) {
      const append = zip.append.bind(zip);
      zip.append = (source, data) => append(source, { ...data, date: FIXED_ZIP_DATE() });
      (zip as { pinned?: boolean }).pinned = true;
    }
    return super.addThemes();
  }
}

export interface XlsxColumn {
  header: string;
  /** Real dates get a date number format. */
  date?: boolean;
  width?: number;
}

export class XlsxWriter {
  rows = 0;
  private readonly workbook: ReproducibleWorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(
    readonly path: string,
    sheetName: string,
    columns: XlsxColumn[],
  ) {
    this.workbook = new ReproducibleWorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'shifan demo';
    this.workbook.created = FIXED_DOC_DATE;
    this.workbook.modified = FIXED_DOC_DATE;
    this.sheet = this.workbook.addWorksheet(sheetName);
    this.sheet.columns = columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
      style: c.date ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
  }

  /** Writes one row; returns its row number in the sheet (header = 1). */
  row(cells: Cell[]): number {
    this.sheet.addRow(cells.map((c) => (c === '' ? null : c))).commit();
    this.rows++;
    return this.rows + 1;
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
