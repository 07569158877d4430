// PDF → lines of cells with pdf.js (Mozilla's reader). Text runs are grouped into lines by their baseline and
// kept with their x centre, so the numbers of a row are told apart by position even where a text tool would run
// them together, and a row whose blank cells printed nothing still finds its columns. Column headers that a
// narrow cell stacks character by character become lines of single characters, which the template reader
// ignores.
import type { DocCell, DocLine, ExtractedDocument } from './document.ts';

/** Text runs whose baselines differ by less than this (in PDF units, 1/72 in) share a line. */
const SAME_LINE = 2.5;

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
}

export async function extractPdf(buffer: Buffer): Promise<ExtractedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const lines: DocLine[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        runs.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      }
      for (const group of byBaseline(runs)) {
        const cells = withoutPageNumber(cellsOf(group));
        if (cells.length && !isPageNumber(cells.map((c) => c.text))) lines.push({ line: lines.length + 1, cells });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { lines, lineUnit: 'PDF line', columnGap: 8 };
}

function byBaseline(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - run.y) < SAME_LINE) last.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => g.sort((a, b) => a.x - b.x));
}

/** Adjacent runs that touch are one cell; a run holding several space-separated tokens is split, each token
 *  placed proportionally along the run. */
function cellsOf(runs: Run[]): DocCell[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.x - (last.x + last.width) < 1 && !/\s$/.test(last.text) && !/^\s/.test(run.text)) {
      last.text += run.text;
      last.width = run.x + run.width - last.x;
    } else {
      merged.push({ ...run });
    }
  }
  const cells: DocCell[] = [];
  for (const run of merged) {
    const tokens = run.text.trim().split(/[\s\u3000]+/);
    if (tokens.length === 1) {
      cells.push({ text: tokens[0], x: run.x + run.width / 2 });
      continue;
    }
    const total = run.text.length;
    let offset = run.text.indexOf(tokens[0]);
    for (const token of tokens) {
      const at = run.text.indexOf(token, offset);
      cells.push({ text: token, x: run.x + (run.width * (at + token.length / 2)) / total });
      offset = at + token.length;
    }
  }
  return cells;
}

/** Page footers ("1 / 3", "第 2 页 共 5 页", "- 4 -") would read as a row of numbers. */
function isPageNumber(texts: string[]): boolean {
  const t = texts.join('').normalize('NFKC').replace(/\s+/g, '');
  return (
    /^\d+\/\d+$/.test(t) ||
    /^第\d+页(共\d+页)?$/.test(t) ||
    /^-\d+-$/.test(t) ||
    (texts.length === 1 && /^\d+$/.test(t))
  );
}

/** A footer "1 / 2" printed on the baseline of a table row: three runs packed closer than any two table cells. */
function withoutPageNumber(cells: DocCell[]): DocCell[] {
  for (let i = 0; i + 2 < cells.length; i++) {
    const [a, slash, b] = cells.slice(i, i + 3);
    if (/^\d+$/.test(a.text) && slash.text === '/' && /^\d+$/.test(b.text) && b.x! - a.x! < 20) {
      return [...cells.slice(0, i), ...cells.slice(i + 3)];
    }
  }
  return cells;
}
