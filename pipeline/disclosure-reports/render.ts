// Renders a report's figures in the national template, the way publishers put them online: an HTML page with
// merged header cells, the same page flattened into `|` lines, plain text with column heads stacked character
// by character (what a PDF text tool prints), and a DOCX (rowspan/colspan as Word merges). Used by the demo and
// the tests; the reader must read every rendering back to the same numbers.
import escapeHtml from 'escape-html';
import {
  REPORT_TITLE_SUFFIX,
  activeBlocks,
  applicantColumns,
  requestGroupLabels,
  requestRows,
  reviewColumns,
  reviewGroups,
  sectionHeadings,
} from '../contracts/index.ts';
import type { ParsedReport } from './parse.ts';

export type ReportContent = Pick<
  ParsedReport,
  'year' | 'publisher' | 'template' | 'publishedOn' | 'active' | 'requests' | 'review'
> & {
  sourceUrl?: string | null;
};

/** One table cell: text with its spans. */
export interface Cell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export function reportTitle(c: ReportContent): string {
  return `${c.publisher}${c.year}年${REPORT_TITLE_SUFFIX}`;
}

function num(v: number | undefined, blankZeros: boolean): string {
  if (v === undefined) return '';
  return v === 0 && blankZeros ? '' : String(v);
}

export function activeTable(c: ReportContent, blankZeros = false): Cell[][] {
  const rows: Cell[][] = [];
  for (const block of activeBlocks[c.template]) {
    if (block.rows.every((r) => c.active[r.code] === undefined)) continue;
    // Three value columns in all: the last column of a narrower block spans the rest.
    const span = (i: number) => (i < block.columns.length - 1 ? 1 : 3 - (block.columns.length - 1));
    rows.push([{ text: block.item, colspan: 4 }]);
    rows.push([{ text: '信息内容' }, ...block.columns.map((col, i) => ({ text: col.label, colspan: span(i) }))]);
    for (const r of block.rows) {
      const values = c.active[r.code];
      if (!values) continue;
      rows.push([
        { text: r.label },
        ...block.columns.map((col, i) => ({ text: num(values[col.code], blankZeros), colspan: span(i) })),
      ]);
    }
  }
  return rows;
}

export function requestsTable(c: ReportContent, blankZeros = false): Cell[][] {
  const rows: Cell[][] = [
    [
      { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 },
      { text: '申请人情况', colspan: 7 },
    ],
    [
      { text: '自然人', rowspan: 2 },
      { text: '法人或其他组织', colspan: 5 },
      { text: '总计', rowspan: 2 },
    ],
    applicantColumns.slice(1, 6).map((col) => ({ text: col.label })),
  ];
  const template = requestRows[c.template];
  const handled = template.filter((r) => !['new', 'carried_over', 'carried_forward'].includes(r.group));
  const numbers = (code: string) => (c.requests[code] ?? []).map((v) => ({ text: num(v, blankZeros) }));
  for (const r of template) {
    const row: Cell[] = [];
    if (r.group === 'new' || r.group === 'carried_over' || r.group === 'carried_forward') {
      row.push({ text: r.label, colspan: 3 });
    } else {
      if (r === handled[0]) row.push({ text: requestGroupLabels.handled, rowspan: handled.length });
      const siblings = template.filter((s) => s.group === r.group);
      if (siblings.length > 1) {
        if (r === siblings[0]) row.push({ text: requestGroupLabels[r.group], rowspan: siblings.length });
        row.push({ text: r.label });
      } else {
        row.push({ text: r.label, colspan: 2 });
      }
    }
    rows.push([...row, ...numbers(r.code)]);
  }
  return rows;
}

export function reviewTable(c: ReportContent, blankZeros = false): Cell[][] {
  return [
    [
      { text: '行政复议', colspan: 5 },
      { text: '行政诉讼', colspan: 10 },
    ],
    [
      ...reviewColumns.map((col) => ({ text: col.label, rowspan: 2 })),
      ...reviewGroups.slice(1).map((g) => ({ text: g.label, colspan: 5 })),
    ],
    reviewGroups.slice(1).flatMap(() => reviewColumns.map((col) => ({ text: col.label }))),
    reviewGroups.flatMap((g) => reviewColumns.map((col) => ({ text: num(c.review[g.code][col.code], blankZeros) }))),
  ];
}

function htmlTable(rows: Cell[][]): string {
  const tr = rows.map(
    (r) =>
      `<tr>${r.map((cell) => `<td${cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}>${escapeHtml(cell.text)}</td>`).join('')}</tr>`,
  );
  return `<table border="1" cellspacing="0">\n${tr.join('\n')}\n</table>`;
}

function flatTable(rows: Cell[][]): string {
  return rows.map((r) => `<p>${escapeHtml(r.map((cell) => cell.text).join(' | '))}</p>`).join('\n');
}

export interface HtmlOptions {
  /** Print 0 as an empty cell, as many publishers do. */
  blankZeros?: boolean;
  /** Flatten every table into one `|`-separated paragraph per row, as some sites do. */
  flattened?: boolean;
}

export function renderHtml(c: ReportContent, options: HtmlOptions = {}): string {
  const table = options.flattened ? flatTable : htmlTable;
  const blank = options.blankZeros ?? false;
  const date = c.publishedOn ? `<p class="meta">发布日期：${c.publishedOn}</p>` : '';
  const url = c.sourceUrl ? `<p class="meta">来源网址：${escapeHtml(c.sourceUrl)}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(reportTitle(c))}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:11px;margin:24px}td{border:1px solid #333;padding:2px 4px;text-align:center}table{border-collapse:collapse;margin:8px 0}</style>
</head><body>
<h1>${escapeHtml(reportTitle(c))}</h1>
${date}
${url}
<p>本报告根据《中华人民共和国政府信息公开条例》编制（演示用合成数据，synthetic demo data）。</p>
<h2>一、总体情况</h2>
<p>本年度按照条例要求开展政府信息公开工作。</p>
<h2>${sectionHeadings.active}</h2>
${table(activeTable(c, blank))}
<h2>${sectionHeadings.requests}</h2>
${table(requestsTable(c, blank))}
<h2>${sectionHeadings.review}</h2>
${table(reviewTable(c, blank))}
<h2>${sectionHeadings.problems}</h2>
<p>（略）</p>
</body></html>
`;
}

/** Plain text the way a PDF text tool prints the page: cells separated by spaces, the narrow column heads of
 *  section 四 stacked one character per line. */
export function renderText(c: ReportContent): string {
  const lines: string[] = [reportTitle(c)];
  if (c.publishedOn) lines.push(`发布日期：${c.publishedOn}`);
  lines.push('一、总体情况', '本年度按照条例要求开展政府信息公开工作。', sectionHeadings.active);
  const plain = (rows: Cell[][]) => rows.map((r) => r.map((cell) => cell.text || '0').join(' '));
  lines.push(...plain(activeTable(c)));
  lines.push(sectionHeadings.requests, ...plain(requestsTable(c)));
  lines.push(sectionHeadings.review, '行政复议 行政诉讼', '未经复议直接起诉 复议后起诉');
  const heads = reviewGroups.flatMap(() => reviewColumns.map((col) => col.label));
  const depth = Math.max(...heads.map((h) => h.length));
  for (let i = 0; i < depth; i++) lines.push(heads.map((h) => h[i] ?? ' ').join(' '));
  lines.push(
    reviewTable(c)[3]
      .map((cell) => cell.text || '0')
      .join(' '),
  );
  lines.push(sectionHeadings.problems, '（略）');
  return `${lines.join('\n')}\n`;
}
