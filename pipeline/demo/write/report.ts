// Writes report renderings byte-identically for the same seed: the DOCX's zip entries and document properties
// get a fixed time, and the PDF's creation time and file identifier a fixed value of the same length (so the
// PDF's byte offsets stay valid). PDFs are printed by headless Chromium (pipeline/export/pdf.ts) when installed.
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { renderDocx } from '../../disclosure-reports/render-docx.ts';
import type { ReportContent } from '../../disclosure-reports/render.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../export/pdf.ts';

const FIXED = new Date('2025-01-01T00:00:00Z');

export async function writeDeterministicDocx(path: string, content: ReportContent): Promise<void> {
  const zip = await JSZip.loadAsync(await renderDocx(content, true));
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*/g,
      `$1${FIXED.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    );
    zip.file('docProps/core.xml', xml);
  }
  zip.forEach((_, file) => {
    file.date = FIXED;
  });
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
}

type Browser = import('playwright-core').Browser;

export class ReportPdfPrinter {
  private readonly executable = chromiumPath();
  private browser: Browser | null = null;

  get available(): boolean {
    return this.executable !== null && process.env.SHIFAN_DEMO_PDF !== '0';
  }

  async print(html: string, path: string): Promise<void> {
    if (!this.executable) throw new Error('Chromium is not installed');
    if (!this.browser) {
      const { chromium } = await import('playwright-core');
      this.browser = await chromium.launch({ executablePath: this.executable, args: CHROMIUM_ARGS });
    }
    const page = await this.browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
      writeFileSync(path, fixPdfTimes(pdf));
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
  }
}

/** Same-length replacement of the PDF's dates and /ID, read and written as latin1 so every byte stays put. */
function fixPdfTimes(pdf: Buffer): Buffer {
  const text = pdf
    .toString('latin1')
    .replace(
      /(\/(?:CreationDate|ModDate)\s?\(D:)(\d{14})([^)]*\))/g,
      (_m, head: string, _d: string, tail: string) => `${head}20250101000000${tail.replace(/\d/g, '0')}`,
    )
    .replace(/\/ID \[<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)>\]/g, (m) => m.replace(/[0-9A-Fa-f](?=[0-9A-Fa-f]*>)/g, '0'));
  return Buffer.from(text, 'latin1');
}
