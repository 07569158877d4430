// HTML (and DOCX, which mammoth turns into HTML) → lines of cells. Tables are expanded to their grid so that
// rowspan/colspan keep every number under its column (x = grid column); text outside tables becomes one line
// per block, split on `|` where a site flattened a table into one cell per line.
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import type { DocCell, DocLine, ExtractedDocument } from './document.ts';

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'title',
  'section',
  'article',
  'header',
  'footer',
  'span',
  'td',
  'th',
  'br',
  'tr',
  'center',
  'font',
  'strong',
  'b',
]);

export function extractHtml(html: string): ExtractedDocument {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const lines: DocLine[] = [];
  const push = (cells: DocCell[]) => {
    if (cells.some((c) => c.text.trim() !== '')) lines.push({ line: lines.length + 1, cells });
  };
  const head = root.querySelector('title');
  if (head) push([{ text: head.text.trim() }]);
  walk(root.querySelector('body') ?? root, push);
  return { lines, lineUnit: 'row', columnGap: 0.5 };
}

function walk(node: Node, push: (cells: DocCell[]) => void): void {
  if (node.nodeType === NodeType.TEXT_NODE) return;
  const el = node as HTMLElement;
  const tag = el.rawTagName?.toLowerCase();
  if (tag === 'table') {
    for (const row of tableGrid(el)) push(row);
    return;
  }
  if (tag === 'script' || tag === 'style' || tag === 'head') return;
  // A block without nested blocks or tables is one line of text; otherwise descend.
  const hasBlockChild = el.childNodes.some(
    (c) =>
      c.nodeType === NodeType.ELEMENT_NODE &&
      (BLOCKS.has((c as HTMLElement).rawTagName?.toLowerCase()) || (c as HTMLElement).querySelector('table')),
  );
  if (tag && !hasBlockChild && tag !== 'body') {
    for (const text of el.structuredText.split('\n')) pushText(text, push);
    return;
  }
  let inline = '';
  for (const child of el.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) {
      inline += child.text;
      continue;
    }
    const childTag = (child as HTMLElement).rawTagName?.toLowerCase();
    if (
      childTag === 'br' ||
      BLOCKS.has(childTag) ||
      (child as HTMLElement).querySelector('table') ||
      childTag === 'table'
    ) {
      pushText(inline, push);
      inline = '';
      if (childTag !== 'br') walk(child, push);
    } else {
      inline += (child as HTMLElement).text;
    }
  }
  pushText(inline, push);
}

function pushText(text: string, push: (cells: DocCell[]) => void): void {
  const decoded = text.replace(/&nbsp;/g, ' ').trim();
  if (!decoded) return;
  if (decoded.includes('|')) {
    const parts = decoded.split('|').map((p) => p.trim());
    // Border pipes ("| a | b |") leave empty ends that are not cells; without a leading border, an empty last
    // part is a blank last cell.
    if (parts[0] === '') {
      parts.shift();
      if (parts.length && parts[parts.length - 1] === '') parts.pop();
    }
    push(parts.map((p, i) => ({ text: p, x: i })));
  } else {
    push([{ text: decoded }]);
  }
}

/** The table's rows with every cell at its grid column; positions covered by another cell's span are absent. */
function tableGrid(table: HTMLElement): DocCell[][] {
  const rows = table.querySelectorAll('tr').filter((tr) => closestTable(tr) === table);
  const taken: boolean[][] = [];
  const out: DocCell[][] = [];
  rows.forEach((tr, r) => {
    taken[r] ??= [];
    const cells: DocCell[] = [];
    let col = 0;
    for (const td of tr.childNodes) {
      if (td.nodeType !== NodeType.ELEMENT_NODE) continue;
      const tag = (td as HTMLElement).rawTagName?.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      const el = td as HTMLElement;
      while (taken[r][col]) col++;
      const colspan = Math.max(1, Number(el.getAttribute('colspan')) || 1);
      const rowspan = Math.max(1, Number(el.getAttribute('rowspan')) || 1);
      for (let dr = 0; dr < rowspan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) taken[r + dr][col + dc] = true;
      }
      cells.push({
        text: el.structuredText
          .replace(/\s*\n\s*/g, '')
          .replace(/&nbsp;/g, ' ')
          .trim(),
        x: col + colspan - 1,
      });
      col += colspan;
    }
    out.push(cells);
  });
  return out;
}

function closestTable(el: HTMLElement): HTMLElement | null {
  let p = el.parentNode;
  while (p && p.rawTagName?.toLowerCase() !== 'table') p = p.parentNode;
  return p;
}
