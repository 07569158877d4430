// Reads the national template out of a report's lines: title (publisher and year), template variant, and every
// number of sections 二, 三 and 四. Rows are recognised by the distinctive words of their labels, so a label that a
// PDF centred on another line, or wrapped over two, still finds its row; numbered rows without a recognisable
// label take the next row of the template's order. A row with too few numbers is placed by column position
// when the rendering kept positions, and reported otherwise: nothing is guessed.
import {
  REPORT_TITLE_SUFFIX,
  activeBlocks,
  applicantColumns,
  expectedTemplate,
  requestRows,
  reviewColumns,
  reviewGroups,
  templateMarkers,
  type TemplateVersion,
} from '../contracts/index.ts';
import { cellNumber, isBlank, normaliseLabel, type DocCell, type DocLine, type ExtractedDocument } from './document.ts';

export interface ParsedReport {
  title: string;
  titleLine: number;
  year: number;
  publisher: string;
  template: TemplateVersion;
  publishedOn: string | null;
  sourceUrl: string | null;
  /** Section 二: row code → column code → value. */
  active: Record<string, Record<string, number>>;
  /** Section 三: row code → the seven applicant columns (自然人 … 总计). */
  requests: Record<string, number[]>;
  /** Section 四: group code → column code → value. */
  review: Record<string, Record<string, number>>;
  /** Template rows of section 三 the report does not have. */
  missingRows: string[];
}

export class ReportParseError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
  }
}

export function parseReport(doc: ExtractedDocument): ParsedReport {
  const lines = doc.lines.map((l) => ({ ...l, label: normaliseLabel(labelText(l.cells)) }));
  const titleAt = lines.findIndex((l) => l.label.includes(REPORT_TITLE_SUFFIX) && /(19|20)\d{2}年/.test(l.label));
  if (titleAt < 0) throw new ReportParseError(null, `no title with a year and "${REPORT_TITLE_SUFFIX}" found`);
  const title = lines[titleAt].label;
  const year = Number(/((?:19|20)\d{2})年/.exec(title)![1]);
  const publisher = publisherOf(title);
  if (!publisher) throw new ReportParseError(lines[titleAt].line, `the title "${title}" names no publisher`);

  const allText = lines.map((l) => l.label).join('\n');
  const template = detectTemplate(allText, year);
  const heading = (test: (label: string) => boolean, after: number) => {
    const i = lines.findIndex((l, k) => k > after && test(l.label));
    return i;
  };
  const activeAt = heading((s) => /^二[、.]/.test(s) && s.includes('主动公开'), titleAt);
  const requestsAt = heading((s) => /^三[、.]/.test(s) && s.includes('收到和处理'), Math.max(titleAt, activeAt));
  if (requestsAt < 0) throw new ReportParseError(null, 'no section 三、收到和处理政府信息公开申请情况 found');
  const reviewAt = heading((s) => /^四[、.]/.test(s) && /行政复议|行政诉讼/.test(s), requestsAt);
  if (reviewAt < 0) throw new ReportParseError(null, 'no section 四、政府信息公开行政复议、行政诉讼情况 found');
  const endAt = heading((s) => /^[五六][、.]/.test(s), reviewAt);

  const active = activeAt < 0 ? {} : readActive(lines.slice(activeAt + 1, requestsAt), template);
  const { requests, missingRows } = readRequests(lines.slice(requestsAt + 1, reviewAt), template, doc.columnGap);
  const review = readReview(
    lines.slice(reviewAt + 1, endAt < 0 ? lines.length : endAt),
    lines[reviewAt].line,
    doc.columnGap,
  );
  return {
    title,
    titleLine: lines[titleAt].line,
    year,
    publisher,
    template,
    active,
    requests,
    review,
    missingRows,
    publishedOn: publishedOnOf(allText),
    sourceUrl: sourceUrlOf(doc.lines),
  };
}

type Line = DocLine & { label: string };

function labelText(cells: DocCell[]): string {
  return cells
    .filter((c) => cellNumber(c.text) === undefined)
    .map((c) => c.text)
    .join('');
}

/** "中卫市交通运输局2023年度政府信息公开工作年度报告" → "中卫市交通运输局". */
export function publisherOf(title: string): string {
  return title
    .replace(/[(（].*?[)）]/g, '')
    .replace(REPORT_TITLE_SUFFIX, '')
    .replace(/(19|20)\d{2}年度?/, '')
    .replace(/^关于/, '')
    .replace(/的?$/, '')
    .replace(/[《》“”"]/g, '')
    .trim();
}

function detectTemplate(text: string, year: number): TemplateVersion {
  const hits = (v: TemplateVersion) => templateMarkers[v].filter((m) => text.includes(m)).length;
  const a = hits('2021');
  const b = hits('2019');
  if (a === b) return expectedTemplate(year);
  return a > b ? '2021' : '2019';
}

function publishedOnOf(text: string): string | null {
  const m = /(?:发布|成文|发文|公开|印发)(?:日期|时间)[:：]?(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(text);
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function sourceUrlOf(lines: DocLine[]): string | null {
  for (const l of lines) {
    const text = l.cells.map((c) => c.text).join(' ');
    if (!/来源网址|原文链接|网址|链接/.test(text)) continue;
    const m = /https?:\/\/[^\s|，。)）]+/.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** The numbers after a row's label: blank cells are 0; positions place a short row when the rendering kept them. */
function rowNumbers(line: Line, expected: number, centers: number[] | null, what: string): number[] {
  const cells = line.cells;
  let labelEnd = -1;
  cells.forEach((c, i) => {
    if (!isBlank(c.text) && cellNumber(c.text) === undefined) labelEnd = i;
  });
  const trailing = cells.slice(labelEnd + 1);
  const values = trailing.map((c) => cellNumber(c.text)!);
  if (values.length === expected) return values;
  if (values.length < expected && centers && trailing.every((c) => c.x !== undefined && !isBlank(c.text))) {
    const placed: number[] = new Array(expected).fill(0);
    const used = new Set<number>();
    for (const c of trailing) {
      let best = 0;
      centers.forEach((x, i) => {
        if (Math.abs(x - c.x!) < Math.abs(centers[best] - c.x!)) best = i;
      });
      if (used.has(best)) throw new ReportParseError(line.line, `${what}: two numbers fall under one column`);
      used.add(best);
      placed[best] = cellNumber(c.text)!;
    }
    return placed;
  }
  throw new ReportParseError(
    line.line,
    `${what}: expected ${expected} numbers, found ${values.length} (${values.join(' ') || 'none'})`,
  );
}

/** Column centres from the rows that carry every number, when the rendering kept positions. */
function learnCenters(rows: Line[], expected: number): number[] | null {
  const full = rows
    .map((l) => l.cells.filter((c) => cellNumber(c.text) !== undefined && !isBlank(c.text)))
    .filter((cells) => cells.length === expected && cells.every((c) => c.x !== undefined));
  if (full.length === 0) return null;
  return Array.from({ length: expected }, (_, i) => median(full.map((cells) => cells[i].x!)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The line shows at least one number. */
function hasRealNumbers(line: Line): boolean {
  return line.cells.some((c) => !isBlank(c.text) && cellNumber(c.text) !== undefined);
}

/** The cells after the label are all blank (a table row of zeros), and there is at least one. */
function trailingBlanks(line: Line): boolean {
  let labelEnd = -1;
  line.cells.forEach((c, i) => {
    if (!isBlank(c.text) && cellNumber(c.text) === undefined) labelEnd = i;
  });
  const trailing = line.cells.slice(labelEnd + 1);
  return labelEnd >= 0 && trailing.length > 0 && trailing.every((c) => isBlank(c.text));
}

/** A short label alone on its line is a table row whose cells printed nothing (a PDF's blanks), not prose. */
const MAX_ROW_LABEL = 40;

function readActive(lines: Line[], template: TemplateVersion): ParsedReport['active'] {
  const out: ParsedReport['active'] = {};
  const blocks = activeBlocks[template];
  let block = blocks[0];
  for (const line of lines) {
    const item = /第二十条第\(([一二三四五六七八九十])\)项/.exec(line.label);
    if (item) block = blocks.find((b) => normaliseLabel(b.item).includes(`(${item[1]})`)) ?? block;
    const candidates = [block, ...blocks.filter((b) => b !== block)];
    const found = candidates
      .flatMap((b) => b.rows.map((r) => ({ b, r })))
      .find(({ r }) => r.keywords.some((k) => line.label.includes(k)));
    if (!found || out[found.r.code]) continue;
    const width = found.b.columns.length;
    let values: number[];
    if (hasRealNumbers(line) || trailingBlanks(line)) {
      values = rowNumbers(
        line,
        width,
        columnHeadCenters(
          lines,
          found.b.columns.map((c) => c.label),
        ),
        `二、${found.r.label}`,
      );
    } else if (line.label.length <= MAX_ROW_LABEL && line.cells.every((c) => cellNumber(c.text) === undefined)) {
      values = new Array(width).fill(0);
    } else {
      continue;
    }
    out[found.r.code] = Object.fromEntries(found.b.columns.map((c, i) => [c.code, values[i]]));
  }
  return out;
}

/** Where a block's column heads sit on their header line, when the rendering kept positions. */
function columnHeadCenters(lines: Line[], heads: string[]): number[] | null {
  const wanted = heads.map(normaliseLabel);
  for (const line of lines) {
    const xs = wanted.map(
      (h) => line.cells.find((c) => c.x !== undefined && normaliseLabel(c.text).includes(h.slice(0, 4)))?.x,
    );
    if (xs.every((x) => x !== undefined)) return xs as number[];
  }
  return null;
}

function readRequests(
  lines: Line[],
  template: TemplateVersion,
  gap: number,
): { requests: ParsedReport['requests']; missingRows: string[] } {
  const rows = requestRows[template];
  const width = applicantColumns.length;
  const centers = columnCenters(
    lines,
    applicantColumns.map((c) => c.label),
    width,
    gap,
  );
  const values = new Map<string, number[]>();
  const seenLabel = new Set<string>();
  let next = 0;
  // A recognised label alone on its line: the numbers of the next unlabelled line are its own (a wrapped label),
  // else the row printed blanks only (a PDF prints nothing for them) and is 0.
  let pending: string | null = null;
  for (const line of lines) {
    const match = recogniseRequestRow(line.label, rows);
    const numbers = hasRealNumbers(line) || (match !== null && trailingBlanks(line));
    if (match && !numbers) {
      if (line.label.length > MAX_ROW_LABEL || values.has(match)) continue;
      seenLabel.add(match);
      pending = match;
      next = Math.max(next, rows.findIndex((r) => r.code === match) + 1);
      continue;
    }
    if (!numbers) continue;
    let code = match ?? (pending && !values.has(pending) ? pending : null);
    pending = null;
    if (!code || values.has(code)) {
      while (next < rows.length && values.has(rows[next].code)) next++;
      if (next >= rows.length) throw new ReportParseError(line.line, '三: more rows of numbers than the template has');
      code = rows[next].code;
    }
    const row = rows.find((r) => r.code === code)!;
    values.set(code, rowNumbers(line, width, centers, `三、${row.label}`));
    next = Math.max(next, rows.indexOf(row) + 1);
  }
  const requests: ParsedReport['requests'] = {};
  const missingRows: string[] = [];
  for (const r of rows) {
    const v = values.get(r.code);
    if (v) requests[r.code] = v;
    else if (seenLabel.has(r.code)) requests[r.code] = new Array(width).fill(0);
    else missingRows.push(r.code);
  }
  if (missingRows.length === rows.length) throw new ReportParseError(null, '三: the table of requests has no numbers');
  return { requests, missingRows };
}

/** The most specific row whose words the label holds: a sub-row's own words beat its group's heading. */
function recogniseRequestRow(label: string, rows: (typeof requestRows)['2021']): string | null {
  let best: { code: string; score: number } | null = null;
  for (const r of rows) {
    for (const k of r.keywords) {
      if (!label.includes(k)) continue;
      // "其他" and "总计" are also column headers: they name a row only as the label's own words.
      if ((k === '其他' || k === '总计') && !new RegExp(`(^|\\d\\.|\\)|、)${k}$`).test(label)) continue;
      // "予以公开" is also inside "不予公开"'s neighbours; only the row's own wording counts.
      if (k === '予以公开' && label.includes('不予')) continue;
      const score = (r.code.includes('.') ? 100 : 0) + k.length;
      if (!best || score > best.score) best = { code: r.code, score };
    }
  }
  return best?.code ?? null;
}

function readReview(lines: Line[], headingLine: number, gap: number): ParsedReport['review'] {
  const width = reviewGroups.length * reviewColumns.length;
  const numeric = lines.filter((l) => hasRealNumbers(l) || trailingBlanks(l));
  let values: number[];
  if (numeric.length === 0) {
    // The row of fifteen is all blank cells (a table) or printed nothing (a PDF): blank cells mean 0. Only when
    // the section shows its column heads, so a missing table is not read as zeros.
    const heads = lines.some((l) => reviewColumns.some((c) => l.label.includes(c.label)) || l.cells.length === width);
    if (!heads) throw new ReportParseError(headingLine, `四: no table of ${width} numbers found`);
    values = new Array(width).fill(0);
  } else if (numeric.length === 1) {
    const centers = columnCenters(
      lines,
      reviewColumns.map((c) => c.label),
      width,
      gap,
    );
    values = rowNumbers(numeric[0], width, centers, '四');
  } else {
    // Some renderings break the row of fifteen numbers over several lines.
    values = numeric.flatMap((l) => l.cells.map((c) => cellNumber(c.text)).filter((n): n is number => n !== undefined));
    if (values.length !== width) {
      throw new ReportParseError(
        numeric[0]?.line ?? headingLine,
        `四: expected ${width} numbers, found ${values.length}`,
      );
    }
  }
  const out: ParsedReport['review'] = {};
  reviewGroups.forEach((g, gi) => {
    out[g.code] = Object.fromEntries(reviewColumns.map((c, ci) => [c.code, values[gi * reviewColumns.length + ci]]));
  });
  return out;
}

/** Column positions, when the rendering kept them: the x of every number in the table and of every column head
 *  (or a piece of one: a PDF stacks narrow heads character by character), grouped; used only when the groups
 *  come out exactly as many as the columns. Otherwise the rows that carry every number decide. */
function columnCenters(lines: Line[], heads: string[], width: number, gap: number): number[] | null {
  const xs: number[] = [];
  for (const line of lines) {
    const real = hasRealNumbers(line);
    for (const c of line.cells) {
      if (c.x === undefined || isBlank(c.text)) continue;
      const text = normaliseLabel(c.text);
      if (real && cellNumber(c.text) !== undefined) xs.push(c.x);
      else if (!real && text.length <= 5 && heads.some((h) => normaliseLabel(h).includes(text))) xs.push(c.x);
    }
  }
  const groups = clusters(xs, gap);
  if (groups.length === width) return groups;
  return learnCenters(lines.filter(hasRealNumbers), width);
}

function clusters(xs: number[], tolerance: number): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] < tolerance) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}
