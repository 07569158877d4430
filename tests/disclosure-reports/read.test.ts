// Every rendering of a report in the national template reads back to the same numbers: HTML with merged header
// cells, blank cells for zeros, a page flattened into `|` lines, plain text with stacked column heads, DOCX and
// PDF. The renderings are our own (pipeline/disclosure-reports/render.ts), made after the layouts of real reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  balanceChecks,
  extractDocx,
  extractHtml,
  extractPdf,
  extractText,
  parseReport,
  type ExtractedDocument,
} from '../../pipeline/disclosure-reports/index.ts';
import { renderHtml, renderText, type ReportContent } from '../../pipeline/disclosure-reports/render.ts';
import { renderDocx } from '../../pipeline/disclosure-reports/render-docx.ts';
import { chromiumPath } from '../../pipeline/export/pdf.ts';
import { ReportPdfPrinter } from '../../pipeline/demo/write/report.ts';
import { balancedReport } from './fixtures.ts';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

function expectSameNumbers(doc: ExtractedDocument, c: ReportContent): void {
  const p = parseReport(doc);
  expect(p.year).toBe(c.year);
  expect(p.publisher).toBe(c.publisher);
  expect(p.template).toBe(c.template);
  expect(p.publishedOn).toBe(c.publishedOn);
  expect(p.active).toEqual(c.active);
  expect(p.requests).toEqual(c.requests);
  expect(p.review).toEqual(c.review);
  expect(p.missingRows).toEqual([]);
  expect(balanceChecks(p)).toEqual([]);
}

const renderings: Array<[string, (c: ReportContent) => Promise<ExtractedDocument>]> = [
  ['an HTML page with merged header cells', async (c) => extractHtml(renderHtml(c))],
  ['an HTML page that leaves zeros blank', async (c) => extractHtml(renderHtml(c, { blankZeros: true }))],
  [
    'a page flattened into one `|` line per row',
    async (c) => extractHtml(renderHtml(c, { flattened: true, blankZeros: true })),
  ],
  ['plain text with column heads stacked a character per line', async (c) => extractText(renderText(c))],
  ['a DOCX with Word merges and blank zeros', async (c) => extractDocx(await renderDocx(c, true))],
];

describe.each(['2021', '2019'] as const)('a report in the %s template', (template) => {
  const content = balancedReport(template);
  it.each(renderings)('reads every number of %s', async (_name, read) => {
    expectSameNumbers(await read(content), content);
  });
});

describe('PDF reports', () => {
  it("reads a printed PDF whose blank cells printed nothing and whose footer shares a row's baseline", async () => {
    const doc = await extractPdf(
      readFileSync(join(import.meta.dirname, '../fixtures/disclosure-reports/report-2021-blank-zeros.pdf')),
    );
    expectSameNumbers(doc, balancedReport('2021'));
  });

  it.skipIf(!chromiumPath())('reads a 2019-template report printed by Chromium now', async () => {
    const printer = new ReportPdfPrinter();
    const path = join(mkdtempSync(join(tmpdir(), 'shifan-pdf-')), 'r.pdf');
    try {
      await printer.print(renderHtml(balancedReport('2019'), { blankZeros: true }), path);
    } finally {
      await printer.close();
    }
    expectSameNumbers(await extractPdf(readFileSync(path)), balancedReport('2019'));
  });
});

describe('what real pages do to the text', () => {
  it('reads full-width digits, stray spaces and ideographic spaces in cells', () => {
    const c = balancedReport('2021');
    const html = renderHtml(c).replace(
      /<td>(\d+)<\/td>/g,
      (_m, n: string) => `<td> ${[...n].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')}\u3000</td>`,
    );
    expectSameNumbers(extractHtml(html), c);
  });

  it('takes the year and publisher from a title that puts the year first', () => {
    const c = balancedReport('2021');
    const html = renderHtml(c)
      .replace(/<h1>.*<\/h1>/, `<h1>${c.year}年度${c.publisher}政府信息公开工作年度报告</h1>`)
      .replace(/<title>.*<\/title>/, '');
    const p = parseReport(extractHtml(html));
    expect([p.year, p.publisher]).toEqual([c.year, c.publisher]);
  });

  it('tells the template by its own words when the year would say otherwise', () => {
    const c = { ...balancedReport('2019'), year: 2021 };
    expect(parseReport(extractHtml(renderHtml(c))).template).toBe('2019');
  });

  it('refuses a row whose blank cells vanished where no positions tell the columns, naming the line', () => {
    const text = renderText(balancedReport('2021')).replace(/(1\.属于国家秘密) (\d+) (\d+) (\d+)/, '$1 $2 $3');
    expect(() => parseReport(extractText(text))).toThrow(/三、1\.属于国家秘密: expected 7 numbers, found 6/);
  });
});

describe("the template's own checks", () => {
  it('marks a report whose 第一项加第二项之和 differs from 第三项加第四项之和, and says which checks failed', () => {
    const c = balancedReport('2021');
    c.requests.total[6] += 5;
    const p = parseReport(extractHtml(renderHtml(c)));
    expect(balanceChecks(p).map((f) => `${f.check}:${f.at}`)).toEqual([
      'flow:total',
      'handled_sum:total',
      'row_total:total',
    ]);
  });

  it('marks a section 四 group whose 总计 is not the sum of its four results', () => {
    const c = balancedReport('2021');
    c.review.litigation_after.total += 1;
    expect(balanceChecks(parseReport(extractHtml(renderHtml(c))))).toEqual([
      { check: 'review_total', at: 'litigation_after' },
    ]);
  });
});
