// Region-code look-ups in TypeScript, from data/reference/divisions.csv (read once per process). SQL code
// joins the divisions table instead.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DIVISION_COLUMNS, type Division, type DivisionLevel } from './division.ts';
import { referenceFile } from './files.ts';

export function divisionsCsvPath(): string {
  return referenceFile('divisions');
}

let byCode: Map<string, Division> | undefined;

function index(): Map<string, Division> {
  if (!byCode) {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(divisionsCsvPath(), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const header = parsed.meta.fields ?? [];
    if (header.join(',') !== DIVISION_COLUMNS.join(',')) {
      throw new Error(
        `${divisionsCsvPath()}: expected header ${DIVISION_COLUMNS.join(',')}, found ${header.join(',')}`,
      );
    }
    byCode = new Map(
      parsed.data.map((r) => [
        r.region_code,
        {
          regionCode: r.region_code,
          name: r.name,
          level: r.level as DivisionLevel,
          provinceCode: r.province_code,
          cityCode: r.city_code || null,
        },
      ]),
    );
  }
  return byCode;
}

export function allDivisions(): Division[] {
  return [...index().values()];
}

export function divisionByCode(code: string): Division | undefined {
  return index().get(code);
}

/** True when `code` is a 6-digit code of a current division (province, city or county). */
export function isValidRegionCode(code: string): boolean {
  return index().has(code);
}

/** The province a 6-digit code belongs to, read from its first two digits, so it also answers for a county set
 *  up after the shipped code list (e.g. 653229 和安县, 2024); undefined when no such province exists. */
export function provinceOf(code: string): Division | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  return index().get(`${code.slice(0, 2)}0000`);
}
