// The small demo as files: reproducible, one or more files per dataset, headers from the contracts, the forms
// real senders use, and volumes small enough for tests and the README's first command.
import { enumLabel } from '../../pipeline/vocabulary/index.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets, datasetByName } from '../../pipeline/contracts/index.ts';
import { loadNamedRegions } from '../../pipeline/demo/sources.ts';
import { datasetOfFile, generatedDemo, readBack, smallDemo, SEED, type ReadBack } from './fixture.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

type Demo = Awaited<ReturnType<typeof smallDemo>>;
let demo: Demo;
const extra: Demo[] = [];
// The naming round's datasets are written after the refresh, from its figures (pipeline/naming/demo-round.ts, by
// `shifan demo`); tests/naming reads them back.
const names = datasets.map((d) => d.name).filter((n) => !n.startsWith('naming_'));

beforeAll(async () => {
  demo = await smallDemo();
}, DEMO_TIMEOUT);
afterAll(() => {
  for (const d of [demo, ...extra]) rmSync(d.dir, { recursive: true, force: true });
});

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
}

async function filesOf(dataset: string): Promise<Array<{ file: string; data: ReadBack }>> {
  const files = demo.byFile.filter((f) => f.dataset === dataset);
  return Promise.all(
    files.map(async (f) => ({ file: f.path.slice(demo.dir.length + 1), data: await readBack(f.path) })),
  );
}

describe('shifan demo --scale small', () => {
  it('writes byte-identical files, planted.json included, when run again with the same seed', async () => {
    const again = await generatedDemo(SEED);
    extra.push(again);
    expect(hashes(again.dir)).toEqual(hashes(demo.dir));
  });

  it('writes different data for a different seed', async () => {
    const other = await generatedDemo(SEED + 1);
    extra.push(other);
    const a = hashes(demo.dir);
    const b = hashes(other.dir);
    expect(a['litigation_cases_2024.csv']).not.toBe(b['litigation_cases_2024.csv']);
  });

  it('writes at least one file for every dataset, named <dataset>[_<part>].<ext>', () => {
    const written = readdirSync(demo.dir).filter((f) => f !== 'planted.json');
    for (const name of names)
      expect(
        written.some((f) => datasetOfFile(f, names) === name),
        name,
      ).toBe(true);
    for (const f of written) expect(datasetOfFile(f, names), f).toBeDefined();
    expect(demo.files).toHaveLength(written.length);
  });

  // Published disclosure reports are documents, not tables: tests/disclosure-reports reads them back.
  const tables = () => demo.byFile.filter((f) => f.dataset !== 'disclosure_annual_reports');

  it("writes headers made of the contract's Chinese headers or column names, with every required column", async () => {
    for (const { path, dataset } of tables()) {
      const contract = datasetByName(dataset);
      const { header } = await readBack(path);
      const matched = header.map((h) => contract.columns.find((c) => c.zh === h || c.name === h)?.name);
      expect(matched, `${path}: ${header.join(',')}`).not.toContain(undefined);
      for (const col of contract.columns.filter((c) => !c.optional))
        expect(matched, `${path} lacks ${col.name}`).toContain(col.name);
    }
  });

  it('uses Chinese headers in every GBK file and XLSX workbook', async () => {
    for (const { path, dataset } of tables()) {
      if (!path.endsWith('.xlsx') && (await readBack(path)).encoding !== 'gbk') continue;
      const contract = datasetByName(dataset);
      expect(
        (await readBack(path)).header.every((h) => contract.columns.some((c) => c.zh === h)),
        path,
      ).toBe(true);
    }
  });

  it('sends enforcement decisions as UTF-8 CSV, GBK CSV, and tab-separated UTF-8 with a BOM and CRLF', async () => {
    const files = await filesOf('enforcement_decisions');
    expect(files.some((f) => f.data.encoding === 'utf8' && f.data.delimiter === ',')).toBe(true);
    expect(files.some((f) => f.data.encoding === 'gbk')).toBe(true);
    const tsv = demo.byFile.filter(
      (f) =>
        f.dataset === 'enforcement_decisions' &&
        readFileSync(f.path)
          .subarray(0, 3)
          .equals(Buffer.from([0xef, 0xbb, 0xbf])),
    );
    expect(tsv.length).toBeGreaterThan(0);
    const text = readFileSync(tsv[0].path, 'utf8');
    expect(text.split('\r\n')[0]).toContain('\t');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes litigation and enforcement statistics in GBK, with dates as YYYY年M月D日 or YYYY/M/D', async () => {
    for (const dataset of ['litigation_cases', 'enforcement_stats']) {
      for (const { file, data } of await filesOf(dataset)) {
        expect(data.encoding, file).toBe('gbk');
        const dateColumn = data.header.findIndex((h) => /日期/.test(h));
        const dates = data.rows.map((r) => r[dateColumn]).filter((d) => d && d !== '2023年2月30日'); // the planted bad date
        expect(dates.length, file).toBeGreaterThan(0);
        expect(
          dates.filter((d) => !/^\d{4}(年\d{1,2}月\d{1,2}日|\/\d{1,2}\/\d{1,2})$/.test(d)),
          file,
        ).toEqual([]);
      }
    }
  });

  it('mixes enum values with their Chinese labels and the accepted boolean spellings across files', async () => {
    const cells = (await filesOf('enforcement_decisions')).flatMap(({ data }) => {
      const action = data.header.findIndex((h) => h === 'action_type' || h === '执法类别');
      const major = data.header.findIndex((h) => h === 'is_major' || h === '重大执法决定');
      return data.rows.slice(0, 50).map((r) => [r[action], r[major]]);
    });
    expect(cells.some(([a]) => a === 'license')).toBe(true);
    expect(cells.some(([a]) => a === '许可')).toBe(true);
    expect(new Set(cells.map(([, m]) => m)).size).toBeGreaterThanOrEqual(4);
  });

  it('keeps volumes small: about 100 regions and 30–150 decisions per region and year', () => {
    const c = demo.counts;
    expect(c.regions).toBeGreaterThanOrEqual(90);
    expect(c.regions).toBeLessThanOrEqual(110);
    const regionYears = c.regions * 7;
    expect(c.enforcement_decisions / regionYears).toBeGreaterThanOrEqual(30);
    expect(c.enforcement_decisions / regionYears).toBeLessThanOrEqual(150);
    expect(c.litigation_cases / regionYears).toBeLessThan(60);
    expect(c.disclosure_requests / regionYears).toBeLessThan(100);
    expect(c.enforcement_decisions + c.litigation_cases + c.disclosure_requests).toBeLessThan(150_000);
  });

  it('lists every sourced named region with its real batch, designation and project', async () => {
    const [{ data }] = await filesOf('regions');
    const col = (zh: string) => data.header.indexOf(zh);
    for (const named of loadNamedRegions()) {
      const row = data.rows.find((r) => r[col('行政区划代码')] === named.code);
      expect(row, named.name).toBeDefined();
      expect(row![col('地区名称')]).toBe(named.name);
      expect(row![col('批次')]).toBe(String(named.batch));
      expect([named.designation, enumLabel('designation', named.designation, 'zh')]).toContain(row![col('示范类型')]);
      expect(row![col('单项示范项目')]).toBe(named.project);
    }
  });

  it('labels the synthetic national benchmarks as synthetic, 2019–2024, between 0.13 and 0.15', async () => {
    const [{ data }] = await filesOf('national_benchmarks');
    expect(data.rows.map((r) => Number(r[0]))).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    for (const r of data.rows) {
      expect(Number(r[2])).toBeGreaterThanOrEqual(0.13);
      expect(Number(r[2])).toBeLessThanOrEqual(0.15);
      expect(r[3]).toContain('合成数据');
    }
  });
});
