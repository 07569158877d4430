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
  'report.submitted_on_time', 'report.published', 'enforcement.publish_7wd', 'enforcement.publish_20wd', 'enforcement.major_legal_review',
  'enforcement.review_staff_share', 'enforcement.certified_share', 'enforcement.training_hours', 'enforcement.stats_published_on_time',
  'litigation.loss_rate', 'litigation.head_appearance', 'litigation.unperformed_judgments', 'disclosure.answered_on_time',
  'disclosure.overturned_rate', 'normative.legal_review', 'normative.filed_on_time', 'normative.comment_period', 'opinion.release_5h',
  'opinion.press_24h', 'satisfaction.rate', 'services.online_rate', 'services.one_window_rate', 'services.one_trip_items',
  'business.setup_days', 'proposals.reply_rate', 'suggestions.satisfaction', 'judicial_suggestions.reply_rate',
  'procuratorial_suggestions.reply_rate', 'decisions.legal_review', 'decisions.collective', 'reconsideration.on_time',
  'leadership.study_sessions', 'leadership.court_hearings', 'assessment.rule_of_law_weight',
];

describe('indicator-system definitions', () => {
  const systems = loadSystems();

  it('has the 2019, 2021 and 2023 versions governing 2019–2021, 2022–2023 and 2024 on', () => {
    expect(systems.map((s) => [s.label, s.years])).toEqual([['2019版', [2019, 2021]], ['2021版', [2022, 2023]], ['2023版', [2024, null]]]);
    expect(systemForYear(systems, 2021)!.version).toBe('2019');
    expect(systemForYear(systems, 2022)!.version).toBe('2021');
    expect(systemForYear(systems, 2023)!.version).toBe('2021');
    expect(systemForYear(systems, 2030)!.version).toBe('2023');
    expect(systemForYear(systems, 2018)).toBeUndefined();
  });

  it('defines exactly the public metric ids, each with its SQL file whose header names it', () => {
    expect(allMetrics(systems).map((m) => m.id).sort()).toEqual([...PUBLIC_IDS].sort());
    for (const m of allMetrics(systems)) {
      const h = sqlHeader(m.sql);
      expect(h.id, m.sql).toBe(m.id);
      for (const key of ['indicator_no', 'source', 'rule', 'threshold']) expect(h[key], `${m.sql} @${key}`).toBeTruthy();
      expect(String(h.indicator_no)).toBe(m.indicator_no === null ? '—' : String(m.indicator_no));
    }
  });

  it('weighs every metric equally by default (the office has not published its weights)', () => {
    for (const s of systems) expect(new Set(s.metrics.map((m) => m.weight))).toEqual(new Set([1]));
  });

  it('refuses a definition with a bad direction, a missing SQL file or overlapping years, listing every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'systems-'));
    cpSync(defaultSystemDir(), dir, { recursive: true });
    const file = join(dir, '2021.json');
    const def = JSON.parse(readFileSync(file, 'utf8'));
    def.years = [2021, 2023];
    def.metrics[0].direction = 'up';
    def.metrics[1].sql = 'indicators/nope';
    writeFileSync(file, JSON.stringify(def));
    expect(() => loadSystems(dir)).toThrow(/direction must be higher, lower or equal[\s\S]*no SQL file sql\/indicators\/nope\.sql[\s\S]*consecutive years/);
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
    const dir = mkdtempSync(join(tmpdir(), 'systems-'));
    cpSync(defaultSystemDir(), dir, { recursive: true });
    const file = join(dir, '2023.json');
    const def = JSON.parse(readFileSync(file, 'utf8'));
    def.metrics.find((m: { id: string }) => m.id === 'satisfaction.rate').threshold = 0.75; // an analyst's revision for 2024 on
    writeFileSync(file, JSON.stringify(def));
    await run(db, '2025-03-01', { systemDir: dir });
    const rows = await db.all<{ year: number; threshold: number; status: string; system_version: string }>(
      `SELECT year, threshold, status, system_version FROM indicator_values WHERE metric_id = 'satisfaction.rate' AND region_code = '110101' AND year IN (2021, 2024) ORDER BY year`,
    );
    expect(rows).toEqual([
      { year: 2021, threshold: 0.8, status: 'not_met', system_version: '2019' },
      { year: 2024, threshold: 0.75, status: 'met', system_version: '2023' },
    ]);
  });
});
