// The quarterly package on the small demo: every file, the manifest's hashes, CSV with BOM, the workbook, the
// zip, the HTML opened from file:// in headless Chromium (charts drawn, nothing fetched), the PDF's text and
// fonts, and the package without Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  exportQuarter,
  listExports,
  sha256File,
  type ExportResult,
  type Manifest,
} from '../../pipeline/export/index.ts';
import { refreshedSmallDemo } from './fixture.ts';
import { renderJobMessage } from '../../pipeline/vocabulary/index.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { mountSmallDisk } from '../support/small-disk.ts';

const chromium = chromiumPath();
let db: Database;
let dir: string;
let result: ExportResult;
let manifest: Manifest;

beforeAll(async () => {
  ({ db, dir } = await refreshedSmallDemo());
  result = await exportQuarter(db, { quarter: '2025Q3', outDir: join(dir, 'exports', '2025Q3') });
  manifest = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8')) as Manifest;
}, DEMO_TIMEOUT);

afterAll(() => db?.close());

describe('the package', () => {
  it('writes the HTML, XLSX, one CSV per table, the manifest and a zip beside the folder', () => {
    expect(result.files).toEqual(
      expect.arrayContaining([
        'shifan-2025Q3.html',
        'shifan-2025Q3.xlsx',
        'scorecard.csv',
        'indicators.csv',
        'flags.csv',
        'watchlist.csv',
        'spotchecks.csv',
        'loads.csv',
        'manifest.json',
      ]),
    );
    for (const f of result.files) expect(existsSync(join(result.dir, f)), f).toBe(true);
    expect(result.zip).toBe(join(dir, 'exports', '2025Q3.zip'));
    expect(existsSync(result.zip)).toBe(true);
  });

  it('states quarter, data as-of date, indicator-system version and row counts in the manifest', async () => {
    expect(manifest).toMatchObject({
      quarter: '2025Q3',
      quarter_zh: '2025年第3季度',
      reporting_year: 2024,
      indicator_system_version: '2023',
    });
    expect(manifest.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the regions in their designation term in 2024, as the dashboard counts them; not the 100 regions of the
    // directory (some never named, the 2025 batch not yet)
    const [{ n }] = await db.all<{ n: number }>(
      'SELECT count(*) AS n FROM regions AS r WHERE coalesce(in_designation_term(r.designation, r.batch, r.region_code, 2024), false)',
    );
    expect(Number(n)).toBeLessThan(100);
    expect(manifest.row_counts.scorecard).toBe(Number(n));
    expect(manifest.headline).toMatchObject({ year: 2024, regions: Number(n) });
    // the demo was loaded after 2025Q3 ended: the package says it is built from later data
    expect(manifest).toMatchObject({ data_basis: 'later_data' });
    expect(manifest.data_basis_zh).toContain('并非季度末当时的数据');
    expect(manifest.row_counts.indicators).toBeGreaterThan(20);
  });

  it('lists the SHA-256 and size of every other file, and they match the files', () => {
    const listed = manifest.files.map((f) => f.name).sort();
    expect(listed).toEqual(result.files.filter((f) => f !== 'manifest.json').sort());
    for (const f of manifest.files) {
      expect(sha256File(join(result.dir, f.name)), f.name).toBe(f.sha256);
      expect(readFileSync(join(result.dir, f.name)).length).toBe(f.bytes);
    }
  });

  it('zips exactly the folder files under a folder named for the quarter', () => {
    const names = execFileSync('unzip', ['-Z1', result.zip], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(names).toEqual(result.files.map((f) => `2025Q3/${f}`).sort());
  });

  it('writes CSVs in UTF-8 with a BOM, Chinese headers, and as many rows as the manifest says', () => {
    for (const [table, count] of Object.entries(manifest.row_counts)) {
      const bytes = readFileSync(join(result.dir, `${table}.csv`));
      expect([...bytes.subarray(0, 3)], table).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
      expect(parsed.data.length - 1, table).toBe(count);
    }
    const header = readFileSync(join(result.dir, 'scorecard.csv'), 'utf8').slice(1).split('\r\n')[0];
    expect(header).toContain('行政区划代码');
    expect(header).toContain('达标率');
  });

  it('writes a workbook exceljs opens, one sheet per table with Chinese headers and every row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(result.dir, 'shifan-2025Q3.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '示范地区评分表',
      '指标达标情况',
      '有效预警清单',
      '摘牌观察名单条目',
      '回访抽查结果',
      '数据报送与更新',
    ]);
    const score = wb.getWorksheet('示范地区评分表')!;
    expect(score.getRow(1).getCell(2).value).toBe('行政区划代码');
    expect(score.actualRowCount).toBe(1 + manifest.row_counts.scorecard);
    expect(wb.getWorksheet('有效预警清单')!.actualRowCount).toBe(1 + manifest.row_counts.flags);
  });

  it('embeds the data as JSON in the HTML and refers to nothing outside it', () => {
    const html = readFileSync(join(result.dir, 'shifan-2025Q3.html'), 'utf8');
    expect(html).toContain('法治政府建设示范地区监测季报');
    const json = /<script type="application\/json" id="shifan-data">([\s\S]*?)<\/script>/.exec(html)![1];
    const data = JSON.parse(json) as { tables: Array<{ id: string; rows: unknown[] }> };
    expect(data.tables.find((t) => t.id === 'scorecard')!.rows).toHaveLength(manifest.row_counts.scorecard);
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).not.toMatch(/<link\b/);
  });

  it('is listed among past exports with its files', () => {
    const listed = listExports(join(dir, 'exports'));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ quarter: '2025Q3', zip: result.zip, indicator_system_version: '2023' });
    expect(listed[0].files.length).toBe(manifest.files.length);
  });
});

describe.skipIf(!chromium)('with Chromium', () => {
  it('prints the PDF, listed in the manifest', () => {
    expect(result.pdf).toBe('ok');
    expect(result.message).toEqual({ code: 'export.pdf_ok', params: {} });
    expect(manifest.pdf).toBe('ok');
    expect(manifest.files.map((f) => f.name)).toContain('shifan-2025Q3.pdf');
  });

  it('puts the Chinese title and the quarter in the PDF text, on A4 pages', () => {
    const pdf = join(result.dir, 'shifan-2025Q3.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('法治政府建设示范地区');
    expect(text).toContain('2025年第3季度');
    expect(text).toContain('数据截至');
    expect(text).toContain('指标体系版本');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)|Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
  });

  it('embeds every font of the PDF', () => {
    const fonts = execFileSync('pdffonts', [join(result.dir, 'shifan-2025Q3.pdf')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
  });

  it('opens from file:// in headless Chromium, draws the SVG charts and makes no network request', async () => {
    const { chromium: pw } = await import('playwright-core');
    const browser = await pw.launch({ executablePath: chromium!, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(result.dir, 'shifan-2025Q3.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.title()).toBe('法治政府建设示范地区监测季报 2025年第3季度');
      const charts = await page.$$eval('figure.chart svg', (svgs) =>
        svgs.map((s) => {
          const box = s.getBoundingClientRect();
          return { width: box.width, height: box.height, marks: s.querySelectorAll('rect, path, circle').length };
        }),
      );
      expect(charts).toHaveLength(4);
      for (const c of charts) {
        expect(c.width).toBeGreaterThan(300);
        expect(c.height).toBeGreaterThan(100);
        expect(c.marks).toBeGreaterThan(3);
      }
      expect(await page.$$eval('table', (t) => t.length)).toBe(6);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  });
});

describe('without Chromium', () => {
  it('writes everything but the PDF and says how to enable it', async () => {
    const r = await exportQuarter(db, { quarter: '2025Q2', outDir: join(dir, 'exports', '2025Q2'), chromium: null });
    expect(r.pdf).toBe('skipped');
    expect(r.files).not.toContain('shifan-2025Q2.pdf');
    expect(r.files).toContain('shifan-2025Q2.html');
    // said as a code and worded in the reader's language (the CLI, the dashboard's export panel)
    expect(r.message).toEqual({
      code: 'export.pdf_missing',
      params: { hint: 'apt-get install -y chromium fonts-noto-cjk' },
    });
    expect(renderJobMessage(r.message, 'zh')).toBe(
      '未找到 Chromium，PDF 未生成；安装后重新导出即可生成 PDF：apt-get install -y chromium fonts-noto-cjk',
    );
    expect(renderJobMessage(r.message, 'en')).toBe(
      'no Chromium found, so no PDF; install it and export again to get the PDF: apt-get install -y chromium fonts-noto-cjk',
    );
    const m = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(m.pdf).toBe('skipped');
    expect(listExports(join(dir, 'exports')).map((e) => e.quarter)).toEqual(['2025Q3', '2025Q2']);
  });
});

describe('a sealed package', () => {
  it('is not written over: a second export is refused, and a rebuild keeps the earlier folder and zip', async () => {
    const outDir = join(dir, 'exports', '2025Q2');
    const before = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    await expect(exportQuarter(db, { quarter: '2025Q2', outDir, chromium: null })).rejects.toMatchObject({
      code: 'export.exists',
      params: { quarter: '2025Q2', generated_at: before.generated_at },
    });
    expect(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'))).toEqual(before);

    const r = await exportQuarter(db, { quarter: '2025Q2', outDir, chromium: null, rebuild: true });
    expect(r.replaced?.generated_at).toBe(before.generated_at);
    expect(r.replaced?.kept_in.startsWith(join(dir, 'exports', 'superseded', '2025Q2-'))).toBe(true);
    const kept = JSON.parse(readFileSync(join(r.replaced!.kept_in, '2025Q2', 'manifest.json'), 'utf8')) as Manifest;
    expect(kept).toEqual(before);
    expect(existsSync(join(r.replaced!.kept_in, '2025Q2.zip'))).toBe(true);
    // the kept package is not listed as a quarter's package
    expect(listExports(join(dir, 'exports')).map((e) => e.quarter)).toEqual(['2025Q3', '2025Q2']);
  });
});

// A real full disk (tests/support/small-disk.ts; root only, else skipped with a message): the package is written under
// a hidden name and put in place only when whole.
const disk = mountSmallDisk('64m', 'tests/export/export.test.ts, a full disk');
describe.runIf(disk)('an export that finds the disk full', () => {
  afterAll(() => disk?.unmount());
  const out = (name: string) => join(disk!.dir, name);
  const onDisk = () => readdirSync(disk!.dir).sort();

  it('leaves no half package, keeps the earlier one on a rebuild, and exports once there is room', async () => {
    const first = await exportQuarter(db, { quarter: '2025Q3', outDir: out('2025Q3'), chromium: null });
    const sealed = readFileSync(join(first.dir, 'manifest.json'), 'utf8');
    disk!.resize(`${disk!.usedKb() + 300}k`);

    const rebuild = exportQuarter(db, { quarter: '2025Q3', outDir: out('2025Q3'), chromium: null, rebuild: true });
    await expect(rebuild).rejects.toMatchObject({ code: 'ENOSPC' });
    // the earlier package where it was, with its zip; nothing half-written or moved aside
    expect(onDisk()).toEqual(['2025Q3', '2025Q3.zip']);
    expect(readFileSync(join(first.dir, 'manifest.json'), 'utf8')).toBe(sealed);

    const fresh = exportQuarter(db, { quarter: '2025Q2', outDir: out('2025Q2'), chromium: null });
    await expect(fresh).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(onDisk()).toEqual(['2025Q3', '2025Q3.zip']);
    expect(listExports(disk!.dir).map((e) => e.quarter)).toEqual(['2025Q3']);

    // with room, the quarter that failed exports at once: nothing left behind passes for a sealed package
    disk!.resize('64m');
    const again = await exportQuarter(db, { quarter: '2025Q2', outDir: out('2025Q2'), chromium: null });
    expect(again.replaced).toBeNull();
    expect(listExports(disk!.dir).map((e) => e.quarter)).toEqual(['2025Q3', '2025Q2']);
  }, 120_000);
});
