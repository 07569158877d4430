// Test fixture: an XLSX written part by part as XML (archiver), so a test decides what exceljs's writer never
// produces: inline strings, rich text, formulas with cached results, error cells, skipped cells and rows, and the
// order of the parts in the zip (Excel writes sharedStrings before the sheets; some writers put a sheet first,
// which makes exceljs's streaming reader park the sheet in a temp file until the shared strings have been read).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** One cell as XML attributes and body; `ref` (A1) is added by the writer. */
export interface XmlCell {
  t?: 's' | 'inlineStr' | 'str' | 'b' | 'e' | 'n';
  s?: number;
  v?: string;
  f?: string;
  /** The body as written (for inline strings: `<is>…</is>`), instead of `<v>`. */
  body?: string;
}

export interface XmlWorkbook {
  sheets: Array<{ name: string; rows: Array<{ r: number; cells: Array<XmlCell | undefined> }> }>;
  sharedStrings: string[];
  /** Where sharedStrings.xml goes in the zip: before the sheets (as Excel writes it) or after them. */
  sharedStringsFirst: boolean;
  /** Store the parts without compression (the sheet's bytes then arrive in the file reader's 64 KiB chunks). */
  store?: boolean;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** XML text escaping, as every writer does it. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(rows: XmlWorkbook['sheets'][number]['rows']): string {
  const body = rows
    .map(({ r, cells }) => {
      const cs = cells
        .map((c, i) => {
          if (!c) return '';
          const attrs = `r="${column(i)}${r}"${c.t ? ` t="${c.t}"` : ''}${c.s !== undefined ? ` s="${c.s}"` : ''}`;
          const inner =
            c.body ?? `${c.f !== undefined ? `<f>${esc(c.f)}</f>` : ''}${c.v !== undefined ? `<v>${c.v}</v>` : ''}`;
          return `<c ${attrs}>${inner}</c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  return `${XML}<worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}

export async function writeWorkbook(path: string, wb: XmlWorkbook): Promise<void> {
  const { ZipArchive } = await import('archiver');
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = createWriteStream(path);
  zip.pipe(out);
  const add = (name: string, text: string) => zip.append(text, { name, store: wb.store ?? false });
  const sheetParts = wb.sheets.map((_, i) => `/xl/worksheets/sheet${i + 1}.xml`);
  add(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetParts.map((p) => `<Override PartName="${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  add(
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${wb.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  const n = wb.sheets.length;
  add(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wb.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  // Styles: 0 general, 1 a date (numFmt 14), 2 a date and time (numFmt 22), 3 two decimals (numFmt 2).
  add(
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  const strings = `${XML}<sst xmlns="${NS}" count="${wb.sharedStrings.length}" uniqueCount="${wb.sharedStrings.length}">${wb.sharedStrings.map((s) => (s.startsWith('<r>') ? `<si>${s}</si>` : `<si><t xml:space="preserve">${esc(s)}</t></si>`)).join('')}</sst>`;
  if (wb.sharedStringsFirst) add('xl/sharedStrings.xml', strings);
  for (const [i, s] of wb.sheets.entries()) add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.rows));
  if (!wb.sharedStringsFirst) add('xl/sharedStrings.xml', strings);
  await zip.finalize();
  await once(out, 'close');
}
