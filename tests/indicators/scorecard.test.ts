// The scorecard: met / assessed, the > 90% bar, the composite score under both normalisations, rank and change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { readScorecard } from '../../pipeline/indicators/index.ts';
import { addRegions, addRows, openTestDb, run } from './fixtures.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
  // Not designated, so no annual report is owed and only the metrics below are assessed.
  await addRegions(db, [{ code: '110101', designation: 'none', batch: null }, { code: '110102', designation: 'none', batch: null }]);
  // Two metrics assessed per region-year: satisfaction.rate (>= 80%) and enforcement.training_agencies (every agency >= 40 h)
  await addRows(db, 'satisfaction_surveys', [
    { region_code: '110101', year: 2023, respondents: 100, satisfied: 60 },
    { region_code: '110101', year: 2024, respondents: 100, satisfied: 80 },
    { region_code: '110102', year: 2024, respondents: 100, satisfied: 40 },
  ]);
  await addRows(db, 'enforcement_stats', [
    { region_code: '110101', year: 2023, agency: 'a', officers: 10, certified_officers: null, legal_review_staff: null, training_hours_avg: 40, stats_published_on: '2024-01-10' },
    { region_code: '110101', year: 2024, agency: 'a', officers: 10, certified_officers: null, legal_review_staff: null, training_hours_avg: 20, stats_published_on: null },
    { region_code: '110102', year: 2024, agency: 'a', officers: 10, certified_officers: null, legal_review_staff: null, training_hours_avg: 40, stats_published_on: null },
  ]);
});
afterAll(() => db.close());

describe('scorecard', () => {
  it('scores a shortfall as the share of the threshold reached, ranks within the year and gives the change', async () => {
    await run(db, '2025-01-15'); // before 31 January: stats publication and 2024 reports are not yet due
    const card = await readScorecard(db, 2024);
    const a = card.find((c) => c.region_code === '110101')!;
    const b = card.find((c) => c.region_code === '110102')!;
    // 110101 2024: satisfaction 0.8 met (1), its one agency at 20 h: 0 of 1 agencies → 0 → 50 (2024 statistics not
    // yet due); 2023: satisfaction 0.6/0.8 = 0.75, training 1, statistics published on time 1 → 100 · 2.75/3 = 91.6667
    expect(a).toMatchObject({ metrics_met: 1, metrics_assessed: 2, conformance: 0.5, meets_bar: false, composite: 50, scoring_method: 'threshold' });
    expect(a.prev_composite).toBeCloseTo(91.6667, 4);
    expect(a.composite_change).toBeCloseTo(-41.6667, 4);
    expect(a.conformance_change).toBeCloseTo(0.5 - 2 / 3, 12);
    // 110102: 0.4/0.8 = 0.5 and 1 → 75, first
    expect(b).toMatchObject({ composite: 75, rank: 1, ranked_of: 2 });
    expect(a.rank).toBe(2);
  });

  it('records the binary method when asked: met counts 1, anything else 0', async () => {
    await run(db, '2025-01-15', { method: 'binary' });
    const a = (await readScorecard(db, 2024, '110101'))[0];
    expect(a).toMatchObject({ composite: 50, scoring_method: 'binary' });
    const runRow = await db.one<{ scoring_method: string }>('SELECT scoring_method FROM refresh_runs ORDER BY run_id DESC LIMIT 1');
    expect(runRow!.scoring_method).toBe('binary');
  });

  it('meets the comprehensive bar only above 90%', async () => {
    await run(db, '2025-01-15');
    const b = (await readScorecard(db, 2024, '110102'))[0];
    expect(b).toMatchObject({ metrics_met: 1, metrics_assessed: 2, bar: 0.9, meets_bar: false });
  });
});
