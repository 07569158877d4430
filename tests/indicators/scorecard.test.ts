// The scorecard: met / assessed, the > 90% bar, the composite score under both normalisations, rank and change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { readScorecard } from '../../pipeline/indicators/index.ts';
import { addRegions, addRows, openTestDb, run } from './fixtures.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
  // Not designated, so no annual report is owed and only the metrics below are assessed.
  await addRegions(db, [
    { code: '110101', designation: 'none', batch: null },
    { code: '110102', designation: 'none', batch: null },
  ]);
  // Two metrics assessed per region-year: satisfaction.rate (>= 80%) and enforcement.training_agencies (every agency >= 40 h)
  await addRows(db, 'satisfaction_surveys', [
    { region_code: '110101', year: 2023, respondents: 100, satisfied: 60 },
    { region_code: '110101', year: 2024, respondents: 100, satisfied: 80 },
    { region_code: '110102', year: 2024, respondents: 100, satisfied: 40 },
  ]);
  await addRows(db, 'enforcement_stats', [
    {
      region_code: '110101',
      year: 2023,
      agency: 'a',
      officers: 10,
      certified_officers: null,
      legal_review_staff: null,
      training_hours_avg: 40,
      stats_published_on: '2024-01-10',
    },
    {
      region_code: '110101',
      year: 2024,
      agency: 'a',
      officers: 10,
      certified_officers: null,
      legal_review_staff: null,
      training_hours_avg: 20,
      stats_published_on: null,
    },
    {
      region_code: '110102',
      year: 2024,
      agency: 'a',
      officers: 10,
      certified_officers: null,
      legal_review_staff: null,
      training_hours_avg: 40,
      stats_published_on: null,
    },
  ]);
});
afterAll(() => db.close());

describe('scorecard', () => {
  it('scores a shortfall as the share of the threshold reached, ranks within the year and gives the change', async () => {
    await run(db, '2025-02-01'); // 2024 complete: its enforcement statistics were due by 31 January and never published
    const card = await readScorecard(db, 2024);
    const a = card.find((c) => c.region_code === '110101')!;
    const b = card.find((c) => c.region_code === '110102')!;
    // 110101 2024: satisfaction 0.8 met (1), its one agency at 20 h: 0 of 1 agencies (0), statistics not published 0
    // → 33.3333, 1 of 3 met; 2023: satisfaction 0.6/0.8 = 0.75, training 1, statistics published on time 1 → 91.6667
    expect(a).toMatchObject({
      metrics_met: 1,
      metrics_assessed: 3,
      items_met: 1,
      items_assessed: 3,
      meets_bar: false,
      scoring_method: 'threshold',
    });
    expect(a.composite).toBeCloseTo(33.3333, 4);
    expect(a.conformance).toBeCloseTo(1 / 3, 12);
    expect(a.prev_composite).toBeCloseTo(91.6667, 4);
    // composites are stored to 4 decimals, so their difference carries the rounding of both
    expect(a.composite_change).toBeCloseTo(-58.3333, 3);
    expect(a.conformance_change).toBeCloseTo(1 / 3 - 2 / 3, 12);
    // 110102: 0.4/0.8 = 0.5, 1 and 0 → 50, first on the same metric set
    expect(b).toMatchObject({ composite: 50, rank: 1, ranked_of: 2 });
    expect(a.rank).toBe(2);
  });

  it('gives no verdict on the bar and no rank in a year not yet complete (data before 1 February of the next year)', async () => {
    await run(db, '2025-01-31');
    const a = (await readScorecard(db, 2024, '110101'))[0];
    expect(a).toMatchObject({ year_complete: false, meets_bar: null, rank: null, provisional: true });
    expect((await readScorecard(db, 2023, '110101'))[0]).toMatchObject({
      year_complete: true,
      meets_bar: false,
      rank: 1,
    });
  });

  it('records the binary method when asked: met counts 1, anything else 0', async () => {
    await run(db, '2025-02-01', { method: 'binary' });
    const a = (await readScorecard(db, 2024, '110101'))[0];
    expect(a.composite).toBeCloseTo(33.3333, 4);
    expect(a).toMatchObject({ scoring_method: 'binary' });
    const runRow = await db.one<{ scoring_method: string }>(
      'SELECT scoring_method FROM refresh_runs ORDER BY run_id DESC LIMIT 1',
    );
    expect(runRow!.scoring_method).toBe('binary');
  });

  it('meets the bar at exactly 90% of seed indicator Nos., a No. met only when all its metrics are', async () => {
    const fresh = await openTestDb();
    await addRegions(fresh, [{ code: '120101', designation: 'none', batch: null }]);
    // One annual report feeding ten items: reports submitted and published (two items without a No.), Nos. 5, 6
    // (three metrics), 28, 43, 72, 74, 75, 87. No. 6 misses two of its three metrics: 9 of 10 Nos. met (90%),
    // 10 of 12 metrics met (83%).
    await addRows(fresh, 'annual_reports', [
      {
        region_code: '120101',
        report_year: 2024,
        submitted_on: '2025-01-20',
        published_on: '2025-01-25',
        business_setup_days: 3,
        online_service_rate: 70,
        one_window_rate: 70,
        one_trip_items: 120,
        proposals_reply_rate: 100,
        suggestion_satisfaction: 96,
        judicial_suggestion_reply_rate: 100,
        procuratorial_suggestion_reply_rate: 100,
        major_decisions: 10,
        major_decisions_legal_reviewed: 10,
        reconsideration_on_time_rate: 100,
      },
    ]);
    await run(fresh, '2025-03-01');
    const card = (await readScorecard(fresh, 2024, '120101'))[0];
    expect(card).toMatchObject({
      items_met: 9,
      items_assessed: 10,
      metrics_met: 10,
      metrics_assessed: 12,
      bar: 0.9,
      meets_bar: true,
    });
    expect(card.conformance).toBeCloseTo(0.9, 12);
    expect(card.metric_conformance).toBeCloseTo(10 / 12, 12);
    fresh.close();
  });
});
