// The real-world lists the synthetic world is built on, shipped under data/reference/: administrative divisions
// (GB/T 2260 codes and names) and the sourced list of named demonstration regions.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { dataDir } from '../db/paths.ts';

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  provinceCode: string;
  /** 6-digit code of the prefecture a county belongs to ('' for cities, provinces and municipal districts). */
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

function readReference(file: string): Record<string, string>[] {
  const path = join(dataDir, 'reference', file);
  if (!existsSync(path))
    throw new Error(`the demo needs ${path} (reference data shipped with the product); restore it from git`);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export function loadDivisions(): Division[] {
  return readReference('divisions.csv').map((r) => ({
    code: r.region_code,
    name: r.name,
    level: r.level as Division['level'],
    provinceCode: r.province_code || `${r.region_code.slice(0, 2)}0000`,
    cityCode: r.level === 'county' ? (r.city_code ?? '') : '',
  }));
}

export function loadNamedRegions(): NamedRegion[] {
  return readReference('named-regions.csv').map((r) => ({
    code: r.region_code,
    name: r.region_name,
    level: r.level as NamedRegion['level'],
    batch: Number(r.batch),
    designation: r.designation as NamedRegion['designation'],
    project: r.project_name ?? '',
    source: r.source ?? '',
  }));
}
