// Formula injection (issue 10, finding 3): a cell that a spreadsheet would run as a formula is written with a
// leading apostrophe by every CSV writer of the product, while numbers stay numbers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../dashboard/src/components/download.ts';
import { csvText, neutraliseCell } from '../../pipeline/csv/safe-csv.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { tableCsv } from '../../pipeline/export/csv.ts';
import { exportQuarter } from '../../pipeline/export/index.ts';
import { divisionsCsv } from '../../pipeline/reference/divisions-source.ts';
import { poolFileText, strataFileText } from '../../pipeline/spotcheck/pool.ts';
import { writeTemplates } from '../../pipeline/templates/write-templates.ts';
import { refreshedSmallDemo } from '../export/fixture.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

const ATTACKS = [
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '=HYPERLINK("http://x","y")',
];

/** Parses a written CSV back into rows of cells (without the BOM). */
function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('the neutralising rule', () => {
  it('prefixes an apostrophe to text starting with = + - @ tab or carriage return', () => {
    for (const a of ATTACKS) expect(neutraliseCell(a)).toBe(`'${a}`);
  });

  it('keeps numbers numeric, including negative numbers given as numbers or as plain numeric text', () => {
    expect(neutraliseCell(-3.5)).toBe(-3.5);
    expect(neutraliseCell('-3.5')).toBe('-3.5');
    expect(neutraliseCell('+12')).toBe('+12');
    expect(neutraliseCell('-1e-3')).toBe('-1e-3');
    expect(neutraliseCell('东城区')).toBe('东城区');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(true)).toBe('true');
    expect(neutraliseCell("-3.5'")).toBe("'-3.5'");
  });
});

describe('every CSV writer', () => {
  it('the shared writer round-trips formula cells neutralised, in the header too, and numbers unchanged', () => {
    const text = csvText(
      ['=header', 'n'],
      ATTACKS.map((a, i) => [a, -i - 0.5]),
    );
    const rows = parse(text);
    expect(rows[0]).toEqual(["'=header", 'n']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ATTACKS.map((a) => `'${a}`));
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(ATTACKS.map((_, i) => -i - 0.5));
  });

  it('the quarterly export table writer neutralises formula cells and keeps numbers', () => {
    const text = tableCsv({
      id: 'flags',
      title_zh: '有效预警',
      columns: [
        { key: 'region_name', zh: '地区' },
        { key: 'value', zh: '数值' },
      ],
      rows: ATTACKS.map((a) => ({ region_name: a, value: -3.5 })),
    } as never);
    const rows = parse(text);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ATTACKS.map((a) => `'${a}`));
    expect(rows.slice(1).every((r) => r[1] === '-3.5')).toBe(true);
  });

  it('the dashboard CSV download neutralises formula cells and keeps numbers', () => {
    const text = toCsv(
      ATTACKS.map((a) => ({ name: a, rate: -3.5 })),
      [
        { header: '地区', value: (r) => r.name },
        { header: '数值', value: (r) => r.rate },
      ],
    );
    const rows = parse(text);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ATTACKS.map((a) => `'${a}`));
    expect(rows.slice(1).every((r) => r[1] === '-3.5')).toBe(true);
  });

  it('the templates are written by the shared writer (Chinese headers with a BOM, CRLF)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifan-csv-'));
    await writeTemplates(dir);
    const text = readFileSync(join(dir, 'regions.csv'), 'utf8');
    expect(text).toBe(csvText(parse(text)[0], []));
  });

  it('the reference divisions builder refuses a name that starts a formula', () => {
    expect(() =>
      divisionsCsv([
        { regionCode: '110101', name: '=1+1', level: 'county', provinceCode: '110000', cityCode: null } as never,
      ]),
    ).toThrow(/formula/);
  });

  it('the spot-check pool and strata files (hashed, published) can never hold a formula start, so they stay as they are', () => {
    const pool = poolFileText(['110101', '360200']);
    const strata = strataFileText([
      { region_code: '110101', stratum: '110000' },
      { region_code: '360200', stratum: 'city' },
    ]);
    for (const line of `${pool}${strata}`.split('\n').filter(Boolean)) {
      for (const cell of line.split('\t')) expect(neutraliseCell(cell)).toBe(cell);
    }
  });
});

describe('the quarterly package', () => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    ({ db, dir } = await refreshedSmallDemo());
  }, DEMO_TIMEOUT);
  afterAll(() => db?.close());

  it('writes a region named as a formula into flags.csv and scorecard.csv with a leading apostrophe', async () => {
    const flagged = await db.one<{ region_code: string; year: number }>(
      "SELECT region_code, year FROM flags WHERE status = 'active' ORDER BY year DESC, region_code LIMIT 1",
    );
    expect(flagged).toBeTruthy();
    await db.run('UPDATE regions_history SET region_name = $1 WHERE region_code = $2', [
      ATTACKS[0],
      flagged!.region_code,
    ]);
    const result = await exportQuarter(db, {
      quarter: '2025Q3',
      outDir: join(dir, 'exports', '2025Q3'),
      chromium: null,
    });
    for (const file of ['flags.csv', 'scorecard.csv']) {
      const cells = parse(readFileSync(join(result.dir, file), 'utf8')).flat();
      expect(cells, file).toContain(`'${ATTACKS[0]}`);
      expect(cells, file).not.toContain(ATTACKS[0]);
    }
  }, 180_000);
});
