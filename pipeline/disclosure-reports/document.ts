// What every rendering of a report is reduced to before the template is read: lines of cells in reading order.
// A cell may carry a horizontal position (the grid column of an HTML/DOCX table, the index of a `|`-separated
// cell, the x centre of a PDF text run), so that a row whose blank cells vanished (PDF, plain text) can still
// be matched to its columns. Blank cells mean 0 in the template; a cell that is absent is not a blank.

export interface DocCell {
  text: string;
  x?: number;
}

export interface DocLine {
  /** 1-based position in the source: the text line, the table row in document order, or the PDF line. */
  line: number;
  cells: DocCell[];
}

export interface ExtractedDocument {
  lines: DocLine[];
  /** How `line` numbers count, for messages: "line", "row" or "PDF line". */
  lineUnit: string;
  /** Cells whose x differ by less than this are in one column (grid indices: under 1; PDF units: a few). */
  columnGap: number;
}

/** Full-width digits, letters and punctuation to half-width; whitespace (including U+3000) removed. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(\d)[、．]/g, '$1.');
}

/** A numeric cell's value, or undefined when the cell is not a number. Blank or dash cells are 0. */
export function cellNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/[\s,]/g, '');
  if (t === '' || /^[-—–/无]$/.test(t)) return 0;
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

export function isBlank(text: string): boolean {
  return text.normalize('NFKC').trim() === '';
}

/** Splits plain-text tokens that glue a label to its first number ("申请数量12") into two cells. */
export function splitGluedNumbers(cells: DocCell[]): DocCell[] {
  const out: DocCell[] = [];
  for (const c of cells) {
    const m = /^(.*[\u4e00-\u9fff)）”])(\d+)$/.exec(c.text.normalize('NFKC'));
    if (m && c.x === undefined) out.push({ text: m[1] }, { text: m[2] });
    else out.push(c);
  }
  return out;
}
