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

/** CJK Radicals Supplement characters that PDF fonts put where the text means the ideograph (人⺠政府 for 人民政府);
 *  NFKC maps the Kangxi radicals but not these. From Unicode's EquivalentUnifiedIdeograph.txt, the ones used
 *  in simplified Chinese. */
const RADICALS: Record<string, string> = {
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA9': '王',
  '\u2EAC': '示',
  '\u2EAE': '竹',
  '\u2EB0': '纟',
  '\u2EBB': '聿',
  '\u2EC1': '虎',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '足',
  '\u2ECB': '车',
  '\u2ECF': '阝',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

/** NFKC plus the radical supplement above: the text as a reader of the page sees it. */
export function unifyCharacters(text: string): string {
  return text.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS[c] ?? c);
}

/** Full-width digits, letters and punctuation to half-width; whitespace (including U+3000) removed. */
export function normaliseLabel(text: string): string {
  return unifyCharacters(text)
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
