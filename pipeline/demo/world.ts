// The synthetic world: which regions exist, how they are designated, and the traits that drive every dataset
// (size, quality, litigation loss rate, agencies). Names and codes are real (GB/T 2260 divisions and the sourced
// list of named regions); every designation beyond the sourced list is synthetic and marked `named: false`.
import type { DayTable } from './days.ts';
import { dayIndex } from './days.ts';
import { stream, type Random } from './random.ts';
import { AS_OF, BATCHES, NAMED_ON, YEAR_FACTOR, YEARS, yearIndex, type ScaleSpec } from './scale.ts';
import { loadDivisions, loadNamedRegions, type Division } from './sources.ts';
import { AGENCIES, PROJECTS, PROVINCE_ABBR } from './vocabulary.ts';

export type Designation = 'comprehensive' | 'single' | 'none';
export type VolumeKind = keyof ScaleSpec['volumes'];

export interface Region {
  index: number;
  code: string;
  name: string;
  level: 'city' | 'county';
  provinceCode: string;
  batch: number | null;
  designation: Designation;
  project: string;
  /** True when the designation is the real one from the sourced list. */
  named: boolean;
  /** Relative size, mean 1 over the world: scales every case-level volume. */
  size: number;
  /** 0..1: how well the region does its paperwork (timeliness, publication, review). */
  quality: number;
  /** Its underlying administrative-litigation loss rate (binomial noise comes on top). */
  lossRate: number;
  agencies: string[];
  /** Cumulative weights over agencies, for enforcement volume. */
  agencyWeights: number[];
  /** Unique short name for document numbers (文号). */
  docPrefix: string;
  /** Court part of a case number, e.g. 粤0304 (basic court) or 粤03 (intermediate court, for a city). */
  court: string;
}

export interface World {
  seed: number;
  scale: ScaleSpec;
  regions: Region[];
  /** Provinces that have regions, ascending by code, with their regions ascending by code. */
  provinces: Array<{ code: string; name: string; regions: Region[] }>;
  days: DayTable;
  asOf: number;
  /** Rows of a dataset for a region and year (deterministic). */
  volume(kind: VolumeKind, region: Region, year: number): number;
}

export function isDesignated(r: Region, year?: number): boolean {
  return r.designation !== 'none' && (year === undefined || r.batch! - 1 <= year);
}

export function buildWorld(scale: ScaleSpec, seed: number, days: DayTable): World {
  const divisions = loadDivisions();
  const named = loadNamedRegions();
  const rng = stream(seed, 'world');
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const candidates = rng.shuffled(
    divisions.filter((d) => d.level !== 'province' && !named.some((n) => n.code === d.code)),
  );

  type Draft = {
    div: Division;
    batch: number | null;
    designation: Designation;
    project: string;
    named: boolean;
    name: string;
  };
  const drafts: Draft[] = named.map((n) => ({
    div: byCode.get(n.code) ?? {
      code: n.code,
      name: n.name,
      level: n.level,
      provinceCode: `${n.code.slice(0, 2)}0000`,
      cityCode: '',
    },
    batch: n.batch,
    designation: n.designation,
    project: n.project,
    named: true,
    name: n.name,
  }));
  let next = 0;
  const projects = rng.shuffled(PROJECTS);
  for (const batch of BATCHES) {
    for (const designation of ['comprehensive', 'single'] as const) {
      const want =
        scale.designated[batch][designation] -
        drafts.filter((d) => d.batch === batch && d.designation === designation).length;
      for (let i = 0; i < want; i++) {
        const div = candidates[next++];
        const project = designation === 'single' ? projects[next % projects.length] : '';
        drafts.push({ div, batch, designation, project, named: false, name: div.name });
      }
    }
  }
  const rest = scale.allDivisions ? candidates.slice(next) : candidates.slice(next, next + scale.monitored);
  for (const div of rest)
    drafts.push({ div, batch: null, designation: 'none', project: '', named: false, name: div.name });
  drafts.sort((a, b) => a.div.code.localeCompare(b.div.code));

  const nameCount = new Map<string, number>();
  for (const d of drafts) nameCount.set(d.name, (nameCount.get(d.name) ?? 0) + 1);
  const regions: Region[] = drafts.map((d, index) => {
    const r = stream(seed, 'region', d.div.code);
    const level = d.div.level === 'city' ? 'city' : 'county';
    const city = level === 'county' ? byCode.get(d.div.cityCode) : undefined;
    const prefix = nameCount.get(d.name)! > 1 ? `${city?.name ?? ''}${d.name}` : d.name;
    const designated = d.designation !== 'none';
    const abbr = PROVINCE_ABBR[d.div.code.slice(0, 2)] ?? '';
    return {
      index,
      code: d.div.code,
      name: d.name,
      level,
      provinceCode: `${d.div.code.slice(0, 2)}0000`,
      batch: d.batch,
      designation: d.designation,
      project: d.project,
      named: d.named,
      size: r.logNormal(0, 0.7) * (level === 'city' ? 2.2 : 1) * (designated ? 1.3 : 1),
      quality: clamp(0.72 + 0.13 * r.normal() + (designated ? 0.08 : 0), 0.25, 1),
      lossRate: clamp(0.14 + 0.006 * r.normal(), 0.128, 0.152),
      ...pickAgencies(r, d.name),
      docPrefix: prefix,
      court: level === 'city' ? `${abbr}${d.div.code.slice(2, 4)}` : `${abbr}${d.div.code.slice(2, 6)}`,
    };
  });
  const meanSize = regions.reduce((s, r) => s + r.size, 0) / regions.length;
  for (const r of regions) r.size /= meanSize;

  const provinces = [...new Set(regions.map((r) => r.provinceCode))].sort().map((code) => ({
    code,
    name: byCode.get(code)?.name ?? code,
    regions: regions.filter((r) => r.provinceCode === code),
  }));
  return { seed, scale, regions, provinces, days, asOf: dayIndex(AS_OF), volume: volumeFunction(scale, regions, seed) };
}

function pickAgencies(r: Random, regionName: string): { agencies: string[]; agencyWeights: number[] } {
  const core = AGENCIES.filter((a) => a.core);
  const extra = r.shuffled(AGENCIES.filter((a) => !a.core)).slice(0, r.int(0, 4));
  const chosen = [...core, ...extra];
  let total = 0;
  return {
    agencies: chosen.map((a) => `${regionName}${a.name}`),
    agencyWeights: chosen.map((a) => (total += a.weight)),
  };
}

function volumeFunction(scale: ScaleSpec, regions: Region[], seed: number): World['volume'] {
  const totalSize = regions.reduce((s, r) => s + r.size, 0);
  return (kind, region, year) => {
    const spec = scale.volumes[kind];
    const yf = YEAR_FACTOR[kind][yearIndex(year)];
    const r = stream(seed, 'volume', kind, region.code, year);
    if ('total' in spec) {
      const yfSum = YEAR_FACTOR[kind].slice(0, YEARS.length).reduce((a, b) => a + b, 0);
      const mean = (spec.total / (totalSize * yfSum)) * region.size * yf;
      return Math.max(1, Math.round(mean * (1 + 0.06 * r.normal())));
    }
    return Math.round(clamp(spec.mean * region.size * yf * (1 + 0.1 * r.normal()), spec.min, spec.max));
  };
}

/** Days on which the designation was announced, if sourced. */
export function designatedOn(r: Region): number | null {
  const day = r.batch ? NAMED_ON[r.batch] : undefined;
  return day ? dayIndex(day) : null;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
