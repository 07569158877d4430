// The versioned indicator system (指标体系): definitions are data (data/indicator-systems/<version>.json), loaded
// and checked here, picked per year, and mirrored into indicator_systems / indicator_thresholds at each refresh so
// that every stored value names the version and threshold it was judged by.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, sqlHeader, sqlPath, type Database } from '../db/index.ts';

export type Direction = 'higher' | 'lower' | 'equal';

export interface MetricDefinition {
  id: string;
  indicator_no: number | null;
  area: number;
  name_zh: string;
  name_en: string;
  unit: string;
  direction: Direction;
  /** null when the threshold comes from a national benchmark. */
  threshold: number | null;
  threshold_note: string;
  rule: string;
  source: string;
  sql: string;
  weight: number;
  funnel: boolean;
  benchmark?: { metric: string; year_offset: number };
}

export interface IndicatorSystem {
  version: string;
  label: string;
  /** [from, to]; to = null: open-ended. */
  years: [number, number | null];
  note?: string;
  scoring: { method: ScoringMethod; comprehensive_bar: number };
  metrics: MetricDefinition[];
  sha256: string;
  text: string;
}

export type ScoringMethod = 'threshold' | 'binary';
export const SCORING_METHODS: ScoringMethod[] = ['threshold', 'binary'];

/** How reports name the scoring methods (README: threshold = shortfall scored by the share of the threshold reached). */

export function defaultSystemDir(): string {
  return join(dataDir, 'indicator-systems');
}

/** Every definition in the folder, checked, oldest first. Throws one error listing every problem found. */
export function loadSystems(dir = defaultSystemDir()): IndicatorSystem[] {
  if (!existsSync(dir)) throw new Error(`no indicator-system folder at ${dir}`);
  const problems: string[] = [];
  const systems: IndicatorSystem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    let parsed: IndicatorSystem;
    try {
      parsed = JSON.parse(text) as IndicatorSystem;
    } catch (err) {
      problems.push(`${file}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    problems.push(...checkSystem(parsed).map((p) => `${file}: ${p}`));
    systems.push({ ...parsed, sha256: createHash('sha256').update(text).digest('hex'), text });
  }
  systems.sort((a, b) => a.years[0] - b.years[0]);
  for (let i = 1; i < systems.length; i++) {
    const prev = systems[i - 1];
    if (prev.years[1] === null || prev.years[1] !== systems[i].years[0] - 1) {
      problems.push(`versions ${prev.version} (${prev.years.join('–')}) and ${systems[i].version} (from ${systems[i].years[0]}) must cover consecutive years without overlap`);
    }
  }
  if (systems.length === 0) problems.push(`no definition (*.json) in ${dir}`);
  if (problems.length) throw new Error(`indicator-system definitions are invalid:\n  ${problems.join('\n  ')}`);
  return systems;
}

const METRIC_KEYS = ['id', 'indicator_no', 'area', 'name_zh', 'name_en', 'unit', 'direction', 'threshold', 'threshold_note', 'rule', 'source', 'sql', 'weight', 'funnel'];

function checkSystem(s: IndicatorSystem): string[] {
  const out: string[] = [];
  if (typeof s.version !== 'string' || !s.version) out.push('version is missing');
  if (!Array.isArray(s.years) || !Number.isInteger(s.years[0]) || !(s.years[1] === null || Number.isInteger(s.years[1]))) {
    out.push('years must be [from, to] (to may be null)');
  }
  if (!SCORING_METHODS.includes(s.scoring?.method)) out.push(`scoring.method must be one of ${SCORING_METHODS.join(', ')}`);
  if (!(s.scoring?.comprehensive_bar > 0 && s.scoring.comprehensive_bar <= 1)) out.push('scoring.comprehensive_bar must be in (0, 1]');
  const seen = new Set<string>();
  for (const m of s.metrics ?? []) {
    const where = `metric ${m.id ?? '?'}`;
    for (const k of METRIC_KEYS) if (!(k in m)) out.push(`${where}: ${k} is missing`);
    if (seen.has(m.id)) out.push(`${where}: listed twice`);
    seen.add(m.id);
    if (!['higher', 'lower', 'equal'].includes(m.direction)) out.push(`${where}: direction must be higher, lower or equal`);
    if (m.threshold === null && !m.benchmark) out.push(`${where}: needs a threshold or a benchmark`);
    if (typeof m.weight !== 'number' || m.weight < 0) out.push(`${where}: weight must be a number >= 0`);
    if (!existsSync(sqlPath(m.sql))) out.push(`${where}: no SQL file sql/${m.sql}.sql`);
    else if (sqlHeader(m.sql).id !== m.id) out.push(`${where}: sql/${m.sql}.sql says @id: ${sqlHeader(m.sql).id}`);
  }
  if (!s.metrics?.length) out.push('metrics is empty');
  return out;
}

/** The version governing a year, or undefined before the first one. */
export function systemForYear(systems: IndicatorSystem[], year: number): IndicatorSystem | undefined {
  return systems.find((s) => year >= s.years[0] && (s.years[1] === null || year <= s.years[1]));
}

/** Every metric id of any version, in catalogue order (the latest version's order first). */
/** A metric's name in a language, from the indicator systems (the newest version that defines it). */
export function metricNamer(systems: IndicatorSystem[]): (metricId: string, lang: 'zh' | 'en') => string | undefined {
  const byId = new Map(allMetrics(systems).map((m) => [m.id, m]));
  return (id, lang) => {
    const m = byId.get(id);
    return m ? (lang === 'zh' ? m.name_zh : m.name_en) : undefined;
  };
}

export function allMetrics(systems: IndicatorSystem[]): MetricDefinition[] {
  const byId = new Map<string, MetricDefinition>();
  for (const s of [...systems].reverse()) for (const m of s.metrics) if (!byId.has(m.id)) byId.set(m.id, m);
  return [...byId.values()];
}

/** Replaces the stored definitions with these (both tables, in the caller's transaction). */
export async function storeSystems(db: Database, systems: IndicatorSystem[]): Promise<void> {
  await db.run('DELETE FROM indicator_thresholds');
  await db.run('DELETE FROM indicator_systems');
  for (const s of systems) {
    await db.runFile('refresh/insert_system', {
      version: s.version, label: s.label, year_from: s.years[0], year_to: s.years[1], bar: s.scoring.comprehensive_bar, sha256: s.sha256, definition: s.text,
    });
    for (const m of s.metrics) {
      await db.runFile('refresh/insert_threshold', {
        version: s.version, metric_id: m.id, indicator_no: m.indicator_no, area: m.area, name_zh: m.name_zh, unit: m.unit,
        direction: m.direction, threshold: m.threshold, threshold_note: m.threshold_note,
        benchmark_metric: m.benchmark?.metric ?? null, benchmark_year_offset: m.benchmark?.year_offset ?? null,
        weight: m.weight, funnel: m.funnel, source: m.source,
      });
    }
  }
}
