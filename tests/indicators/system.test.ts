// The versioned indicator system: definitions are data, checked on load, picked by year.
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlHeader } from '../../pipeline/db/index.ts';
import { allMetrics, defaultSystemDir, loadSystems, systemForYear } from '../../pipeline/indicators/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { addRegions, addRows, openTestDb, run } from './fixtures.ts';

const PUBLIC_IDS = [
  'report.submitted_on_time',
  'report.published',
  'enforcement.publish_7wd',
  'enforcement.publish_20wd',
  'enforcement.major_legal_review',
  'enforcement.review_staff_agencies',
  'enforcement.certified_share',
  'enforcement.training_agencies',
  'enforcement.stats_published_on_time',
  'litigation.loss_rate',
  'litigation.head_appearance',
  'litigation.unperformed_judgments',
  'disclosure.answered_on_time',
  'disclosure.overturned_rate',
  'normative.legal_review',
  'normative.filed_on_time',
  'normative.comment_period',
  'opinion.release_5h',
  'opinion.press_24h',
  'satisfaction.rate',
  'services.online_rate',
  'services.one_window_rate',
  'services.one_trip_items',
  'business.setup_days',
  'proposals.reply_rate',
  'suggestions.satisfaction',
  'judicial_suggestions.reply_rate',
  'procuratorial_suggestions.reply_rate',
  'decisions.legal_review',
  'decisions.collective',
  'reconsideration.on_time',
  'leadership.study_sessions',
  'leadership.court_hearings',
  'assessment.rule_of_law_weight',
  'normative.review_time',
  'normative.filed',
  'normative.conforming',
  'bonus.award',
  'bonus.promoted',
  'disclosure_report.corrected_rate',
  'disclosure_report.published_on_time',
];

describe('indicator-system definitions', () => {
  const systems = loadSystems();

  it('has the 2019, 2021 and 2023 versions governing 2019–2021, 2022–2023 and 2024 on', () => {
    expect(systems.map((s) => [s.label, s.years])).toEqual([
      ['2019版', [2019, 2021]],
      ['2021版', [2022, 2023]],
      ['2023版', [2024, null]],
    ]);
    expect(systemForYear(systems, 2021)!.version).toBe('2019');
    expect(systemForYear(systems, 2022)!.version).toBe('2021');
    expect(systemForYear(systems, 2023)!.version).toBe('2021');
    expect(systemForYear(systems, 2030)!.version).toBe('2023');
    expect(systemForYear(systems, 2018)).toBeUndefined();
  });

  it('defines exactly the public metric ids, each with its SQL file whose header names it and nothing the catalogue says', () => {
    expect(
      allMetrics(systems)
        .map((m) => m.id)
        .sort(),
    ).toEqual([...PUBLIC_IDS].sort());
    for (const m of allMetrics(systems)) {
      const h = sqlHeader(m.sql);
      expect(h.id, m.sql).toBe(m.id);
      expect(Object.keys(h).sort(), m.sql).toEqual(m.params ? ['definition', 'id', 'params'] : ['definition', 'id']);
      expect(m.rule.length, m.id).toBeGreaterThan(20);
    }
  });

  it('defines each metric once, in the catalogue; a version file holds only what changes', () => {
    const read = (f: string) => JSON.parse(readFileSync(join(defaultSystemDir(), f), 'utf8'));
    expect(
      read('catalogue.json')
        .metrics.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([...PUBLIC_IDS].sort());
    for (const f of ['2019.json', '2021.json', '2023.json']) expect(read(f).metrics, f).toBeUndefined();
    expect(read('2019.json').changes).toEqual({ add: 'all' });
    // every version carries the catalogue's 41 metrics with the same thresholds (no published revision changes them)
    for (const s of systems) expect(s.metrics).toEqual(systems[0].metrics);
  });

  it('weighs every metric equally by default (the office has not published its weights), bonus items not at all', () => {
    for (const s of systems)
      expect(new Set(s.metrics.filter((m) => m.area !== 9).map((m) => m.weight))).toEqual(new Set([1]));
    for (const s of systems)
      expect(s.metrics.filter((m) => m.area === 9).map((m) => [m.id, m.weight])).toEqual([
        ['bonus.award', 0],
        ['bonus.promoted', 0],
      ]);
  });

  it("takes No. 83's denominator from the office setting, the seed's reading (every answered request) by default", async () => {
    const m = allMetrics(systems).find((x) => x.id === 'disclosure.overturned_rate')!;
    expect(m.params).toEqual({ denominator: 'answered' });
    expect(m.params_note).toMatch(/seed's reading/);
  });

  it('refuses a definition with a bad direction, a missing SQL file or overlapping years, listing every problem', () => {
    const dir = copyOfSystems();
    edit(dir, 'catalogue.json', (c) => {
      c.metrics[1].sql = 'indicators/nope';
    });
    expect(() => loadSystems(dir)).toThrow(/no SQL file sql\/indicators\/nope\.sql/);
    edit(dir, 'catalogue.json', (c) => {
      c.metrics[1].sql = `indicators/${c.metrics[1].id}`;
    });
    edit(dir, '2021.json', (v) => {
      v.years = [2021, 2023];
      v.changes = { set: { 'satisfaction.rate': { direction: 'up' } } };
    });
    expect(() => loadSystems(dir)).toThrow(
      /2021\.json: set\.satisfaction\.rate: direction cannot change by version[\s\S]*direction must be higher, lower or equal[\s\S]*consecutive years/,
    );
  });

  it('composes each version from the one before: retire, add and set carry forward to later versions', () => {
    const dir = copyOfSystems();
    edit(dir, '2021.json', (v) => {
      v.changes = {
        retire: ['leadership.court_hearings'],
        set: {
          'satisfaction.rate': { threshold: 0.85, threshold_note: '85%以上' },
          'litigation.loss_rate': { weight: 2 },
        },
      };
    });
    edit(dir, '2023.json', (v) => {
      v.changes = { add: ['leadership.court_hearings'] };
      v.scoring = { comprehensive_bar: 0.95 };
    });
    const [v2019, v2021, v2023] = loadSystems(dir);
    const get = (s: typeof v2019, id: string) => s.metrics.find((m) => m.id === id);
    expect(v2019.metrics).toHaveLength(41);
    expect(get(v2021, 'leadership.court_hearings')).toBeUndefined();
    expect(v2021.metrics).toHaveLength(40);
    expect(get(v2021, 'satisfaction.rate')).toMatchObject({
      threshold: 0.85,
      threshold_note: '85%以上',
      name_zh: get(v2019, 'satisfaction.rate')!.name_zh,
    });
    expect(get(v2023, 'satisfaction.rate')!.threshold).toBe(0.85); // inherited
    expect(get(v2023, 'litigation.loss_rate')!.weight).toBe(2);
    expect(get(v2023, 'leadership.court_hearings')).toEqual(get(v2019, 'leadership.court_hearings'));
    expect(v2023.metrics.map((m) => m.id)).toEqual(v2019.metrics.map((m) => m.id)); // catalogue order
    expect(v2023.scoring).toEqual({ method: 'threshold', comprehensive_bar: 0.95 });
    expect(v2021.scoring).toEqual({ method: 'threshold', comprehensive_bar: 0.9 });
  });

  it('names the file and the change that does not fit: an unknown id, a retire of what is not carried', () => {
    const dir = copyOfSystems();
    edit(dir, '2021.json', (v) => {
      v.changes = {
        add: ['nope.metric'],
        retire: ['report.published', 'report.published'],
        set: { 'also.nope': { weight: 2 } },
      };
    });
    expect(() => loadSystems(dir)).toThrow(
      /2021\.json: retires report\.published, which the version before does not carry[\s\S]*adds nope\.metric, which is not in catalogue\.json[\s\S]*sets also\.nope, which this version does not carry/,
    );
  });
});

describe('versions and thresholds in the database', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDb();
    await addRegions(db, [{ code: '110101' }]);
    await addRows(db, 'satisfaction_surveys', [
      { region_code: '110101', year: 2021, respondents: 100, satisfied: 79 },
      { region_code: '110101', year: 2024, respondents: 100, satisfied: 79 },
    ]);
  });
  afterEach(() => db.close());

  it('judges each year by the version that governs it and records the version with the value', async () => {
    const dir = copyOfSystems();
    edit(dir, '2023.json', (v) => {
      v.changes = { set: { 'satisfaction.rate': { threshold: 0.75 } } }; // an analyst's revision for 2024 on
    });
    await run(db, '2025-03-01', { systemDir: dir });
    const rows = await db.all<{ year: number; threshold: number; status: string; system_version: string }>(
      `SELECT year, threshold, status, system_version FROM indicator_values WHERE metric_id = 'satisfaction.rate' AND region_code = '110101' AND year IN (2021, 2024) ORDER BY year`,
    );
    expect(rows).toEqual([
      { year: 2021, threshold: 0.8, status: 'not_met', system_version: '2019' },
      { year: 2024, threshold: 0.75, status: 'met', system_version: '2023' },
    ]);
  });

  it('stores every version and every metric of each as the files define them, replacing what was stored', async () => {
    await run(db, '2025-03-01');
    const systems = loadSystems();
    const stored = await db.all(
      'SELECT version, label, year_from, year_to, bar, sha256, definition FROM indicator_systems ORDER BY version',
    );
    expect(stored).toEqual(
      systems.map((s) => ({
        version: s.version,
        label: s.label,
        year_from: s.years[0],
        year_to: s.years[1],
        bar: s.scoring.comprehensive_bar,
        sha256: s.sha256,
        definition: s.text,
      })),
    );
    const thresholds = await db.all(
      `SELECT version, metric_id, indicator_no, area, name_zh, unit, direction, threshold, threshold_note,
         benchmark_metric, benchmark_year_offset, weight, funnel, source
       FROM indicator_thresholds ORDER BY version, metric_id`,
    );
    const expected = systems
      .flatMap((s) =>
        s.metrics.map((m) => ({
          version: s.version,
          metric_id: m.id,
          indicator_no: m.indicator_no ?? null,
          area: m.area,
          name_zh: m.name_zh,
          unit: m.unit,
          direction: m.direction,
          threshold: m.threshold ?? null,
          threshold_note: m.threshold_note ?? null,
          benchmark_metric: m.benchmark?.metric ?? null,
          benchmark_year_offset: m.benchmark?.year_offset ?? null,
          weight: m.weight,
          funnel: m.funnel,
          source: m.source,
        })),
      )
      .sort(
        (a, b) =>
          a.version.localeCompare(b.version) || (a.metric_id < b.metric_id ? -1 : a.metric_id > b.metric_id ? 1 : 0),
      );
    expect(thresholds).toEqual(expected);
    expect(expected.some((m) => m.benchmark_metric !== null && m.threshold_note !== null)).toBe(true);
    // a second refresh replaces the rows instead of adding to them
    await run(db, '2025-03-01');
    expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM indicator_thresholds'))!.n).toBe(expected.length);
  });
});

function copyOfSystems(): string {
  const dir = mkdtempSync(join(tmpdir(), 'systems-'));
  cpSync(defaultSystemDir(), dir, { recursive: true });
  return dir;
}

// biome-ignore lint/suspicious/noExplicitAny: a test edits the JSON freely
function edit(dir: string, file: string, change: (def: any) => void): void {
  const def = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  change(def);
  writeFileSync(join(dir, file), JSON.stringify(def));
}
