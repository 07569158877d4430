// The versioned indicator system (指标体系): definitions are data — every metric once in
// data/indicator-systems/catalogue.json, and per version (<version>.json) only what changes — composed and checked
// here, picked per year, and mirrored into indicator_systems / indicator_thresholds at each refresh so that every
// stored value names the version and threshold it was judged by.
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
  /** named parameters of the metric's SQL file: office settings, documented in params_note (e.g. No. 83's denominator) */
  params?: Record<string, string | number | boolean>;
  params_note?: string;
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

/** The file that defines every metric once; every other *.json of the folder is a version. */
export const CATALOGUE_FILE = 'catalogue.json';

/** What a version file may set differently for a metric it carries. */
export const SETTABLE_KEYS = ['threshold', 'threshold_note', 'weight', 'benchmark'] as const;
type MetricSettings = Partial<Pick<MetricDefinition, (typeof SETTABLE_KEYS)[number]>>;

/** A version file: only what changes against the version before it (the first: against nothing). */
export interface VersionFile {
  version: string;
  label: string;
  years: [number, number | null];
  note?: string;
  /** required in the first version; later ones inherit what they do not set */
  scoring?: Partial<IndicatorSystem['scoring']>;
  changes?: {
    /** catalogue ids the version adds, or "all": every metric of the catalogue */
    add?: string[] | 'all';
    /** ids the version no longer carries */
    retire?: string[];
    /** per id, the threshold, its wording, weight or benchmark this version sets */
    set?: Record<string, MetricSettings>;
  };
}

export interface Catalogue {
  note?: string;
  metrics: MetricDefinition[];
}

/**
 * Every version, composed from the catalogue and the version files and checked, oldest first. A version starts
 * from the metrics, settings and scoring of the version before it and applies its own changes: retire, add, set.
 * Metrics keep the catalogue's order. Throws one error listing every problem found.
 */
export function loadSystems(dir = defaultSystemDir()): IndicatorSystem[] {
  if (!existsSync(dir)) throw new Error(`no indicator-system folder at ${dir}`);
  const problems: string[] = [];
  const catalogue = readJson<Catalogue>(dir, CATALOGUE_FILE, problems);
  if (catalogue) problems.push(...checkCatalogue(catalogue).map((p) => `${CATALOGUE_FILE}: ${p}`));
  const files: Array<{ file: string; def: VersionFile }> = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== CATALOGUE_FILE)
    .sort()) {
    const def = readJson<VersionFile>(dir, file, problems);
    if (!def) continue;
    if (
      !Array.isArray(def.years) ||
      !Number.isInteger(def.years[0]) ||
      !(def.years[1] === null || Number.isInteger(def.years[1]))
    ) {
      problems.push(`${file}: years must be [from, to] (to may be null)`);
      continue;
    }
    files.push({ file, def });
  }
  files.sort((a, b) => a.def.years[0] - b.def.years[0]);
  if (files.length === 0) problems.push(`no version (*.json besides ${CATALOGUE_FILE}) in ${dir}`);
  const systems: IndicatorSystem[] = [];
  if (catalogue && problems.length === 0) {
    const byId = new Map(catalogue.metrics.map((m) => [m.id, m]));
    let metrics = new Map<string, MetricDefinition>();
    let scoring: Partial<IndicatorSystem['scoring']> = {};
    for (const { file, def } of files) {
      const where = (p: string) => `${file}: ${p}`;
      const next = new Map(metrics);
      const changes = def.changes ?? {};
      for (const id of changes.retire ?? []) {
        if (!next.delete(id)) problems.push(where(`retires ${id}, which the version before does not carry`));
      }
      const add = changes.add === 'all' ? catalogue.metrics.map((m) => m.id) : (changes.add ?? []);
      if (!Array.isArray(add)) problems.push(where('changes.add must be a list of metric ids or "all"'));
      for (const id of Array.isArray(add) ? add : []) {
        const m = byId.get(id);
        if (!m) problems.push(where(`adds ${id}, which is not in ${CATALOGUE_FILE}`));
        else if (next.has(id) && changes.add !== 'all')
          problems.push(where(`adds ${id}, which the version before already carries`));
        else if (!next.has(id)) next.set(id, m);
      }
      for (const [id, settings] of Object.entries(changes.set ?? {})) {
        const m = next.get(id);
        if (!m) {
          problems.push(where(`sets ${id}, which this version does not carry`));
          continue;
        }
        const unknown = Object.keys(settings).filter((k) => !(SETTABLE_KEYS as readonly string[]).includes(k));
        if (unknown.length)
          problems.push(
            where(
              `set.${id}: ${unknown.join(', ')} cannot change by version (only ${SETTABLE_KEYS.join(', ')}; the rest is the catalogue's)`,
            ),
          );
        next.set(id, { ...m, ...settings });
      }
      metrics = next;
      scoring = { ...scoring, ...(def.scoring ?? {}) };
      const order = catalogue.metrics.map((m) => m.id).filter((id) => metrics.has(id));
      const composed = {
        version: def.version,
        label: def.label,
        years: def.years,
        ...(def.note ? { note: def.note } : {}),
        scoring: scoring as IndicatorSystem['scoring'],
        metrics: order.map((id) => metrics.get(id)!),
      };
      problems.push(...checkSystem(composed).map(where));
      // The stored definition is the composed version, so indicator_systems.definition says exactly what governed.
      const text = `${JSON.stringify(composed, null, 2)}\n`;
      systems.push({ ...composed, sha256: createHash('sha256').update(text).digest('hex'), text });
    }
  }
  for (let i = 1; i < files.length; i++) {
    const prev = files[i - 1].def;
    const cur = files[i].def;
    if (prev.years[1] === null || prev.years[1] !== cur.years[0] - 1) {
      problems.push(
        `versions ${prev.version} (${prev.years.join('–')}) and ${cur.version} (from ${cur.years[0]}) must cover consecutive years without overlap`,
      );
    }
  }
  if (problems.length) throw new Error(`indicator-system definitions are invalid:\n  ${problems.join('\n  ')}`);
  return systems;
}

function readJson<T>(dir: string, file: string, problems: string[]): T | undefined {
  if (!existsSync(join(dir, file))) {
    problems.push(`${file}: missing from ${dir}`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  } catch (err) {
    problems.push(`${file}: not valid JSON (${(err as Error).message})`);
    return undefined;
  }
}

const METRIC_KEYS = [
  'id',
  'indicator_no',
  'area',
  'name_zh',
  'name_en',
  'unit',
  'direction',
  'threshold',
  'threshold_note',
  'rule',
  'source',
  'sql',
  'weight',
  'funnel',
];

/** The catalogue: every metric complete, once, with its SQL file whose header names it. */
function checkCatalogue(c: Catalogue): string[] {
  const out: string[] = [];
  if (!Array.isArray(c.metrics) || c.metrics.length === 0) return ['metrics is empty'];
  const seen = new Set<string>();
  for (const m of c.metrics) {
    const where = `metric ${m.id ?? '?'}`;
    for (const k of METRIC_KEYS) if (!(k in m)) out.push(`${where}: ${k} is missing`);
    if (seen.has(m.id)) out.push(`${where}: listed twice`);
    seen.add(m.id);
    if (!existsSync(sqlPath(m.sql))) out.push(`${where}: no SQL file sql/${m.sql}.sql`);
    else if (sqlHeader(m.sql).id !== m.id) out.push(`${where}: sql/${m.sql}.sql says @id: ${sqlHeader(m.sql).id}`);
    if (m.params !== undefined && !m.params_note)
      out.push(`${where}: params need a params_note saying what each setting means`);
  }
  return out;
}

/** A composed version: what a year is judged by. */
function checkSystem(s: Omit<IndicatorSystem, 'sha256' | 'text'>): string[] {
  const out: string[] = [];
  if (typeof s.version !== 'string' || !s.version) out.push('version is missing');
  if (!SCORING_METHODS.includes(s.scoring?.method))
    out.push(`scoring.method must be one of ${SCORING_METHODS.join(', ')}`);
  if (!(s.scoring?.comprehensive_bar > 0 && s.scoring.comprehensive_bar <= 1))
    out.push('scoring.comprehensive_bar must be in (0, 1]');
  for (const m of s.metrics) {
    const where = `metric ${m.id}`;
    if (!['higher', 'lower', 'equal'].includes(m.direction))
      out.push(`${where}: direction must be higher, lower or equal`);
    if (m.threshold === null && !m.benchmark) out.push(`${where}: needs a threshold or a benchmark`);
    if (typeof m.weight !== 'number' || m.weight < 0) out.push(`${where}: weight must be a number >= 0`);
  }
  if (!s.metrics.length) out.push('carries no metric');
  return out;
}

/** Each version's designation criterion (scoring.comprehensive_bar) over its years: the spot-check ground-3 bar. */
export function designationBars(
  systems: readonly IndicatorSystem[],
): Array<{ year_from: number; year_to: number | null; bar: number; source: string }> {
  return systems.map((s) => ({
    year_from: s.years[0],
    year_to: s.years[1],
    bar: s.scoring.comprehensive_bar,
    source: `${s.label} scoring.comprehensive_bar`,
  }));
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
  const rows = systems.map((s) => ({
    version: s.version,
    label: s.label,
    year_from: s.years[0],
    year_to: s.years[1],
    bar: s.scoring.comprehensive_bar,
    sha256: s.sha256,
    definition: s.text,
  }));
  const thresholds = systems.flatMap((s) =>
    s.metrics.map((m) => ({
      version: s.version,
      metric_id: m.id,
      indicator_no: m.indicator_no,
      area: m.area,
      name_zh: m.name_zh,
      unit: m.unit,
      direction: m.direction,
      threshold: m.threshold,
      threshold_note: m.threshold_note,
      benchmark_metric: m.benchmark?.metric ?? null,
      benchmark_year_offset: m.benchmark?.year_offset ?? null,
      weight: m.weight,
      funnel: m.funnel,
      source: m.source,
    })),
  );
  await db.runFile('indicators/refresh/insert_systems', { systems: JSON.stringify(rows) });
  await db.runFile('indicators/refresh/insert_thresholds', { thresholds: JSON.stringify(thresholds) });
}
