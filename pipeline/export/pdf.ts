// The PDF: headless Chromium (playwright-core, Debian's /usr/bin/chromium) prints the package's own HTML with
// its print stylesheet (A4, cover page, charts and short tables never split, table headers repeated). The CJK
// glyphs come from fonts-noto-cjk and are embedded by Chromium as font subsets.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_HINT = 'apt-get install -y chromium fonts-noto-cjk';

export function chromiumPath(): string | null {
  const candidates = [
    process.env.SHIFAN_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

/** Prints `htmlPath` (opened from file://) to `pdfPath`. Throws if Chromium cannot be launched. */
export async function printPdf(htmlPath: string, pdfPath: string, executablePath: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({
      path: pdfPath,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#888"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
