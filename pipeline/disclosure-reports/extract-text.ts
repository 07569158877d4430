// Plain text (a report saved from a page, or what a PDF tool printed) → lines of cells. `|` or tab separated
// lines keep their empty cells with positions; otherwise tokens are split on spaces and have no position, so a
// row whose blank cells vanished cannot be read and is reported, never guessed.
import { splitGluedNumbers, type DocCell, type ExtractedDocument } from './document.ts';

export function extractText(text: string): ExtractedDocument {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, cells: cellsOf(raw) }));
  return { lines: lines.filter((l) => l.cells.length > 0), lineUnit: 'line', columnGap: 0.5 };
}

function cellsOf(raw: string): DocCell[] {
  const line = raw.trim();
  if (!line) return [];
  for (const sep of ['|', '\t']) {
    if (line.includes(sep)) {
      const parts = line.split(sep).map((p) => p.trim());
      // Border pipes ("| a | b |") leave empty ends that are not cells; without a leading border, an empty last
      // part is a blank last cell.
      if (sep === '|' && parts[0] === '') {
        parts.shift();
        if (parts.length && parts[parts.length - 1] === '') parts.pop();
      }
      return parts.map((p, i) => ({ text: p, x: i }));
    }
  }
  return splitGluedNumbers(line.split(/[\s\u3000]+/).map((t) => ({ text: t })));
}
