// Every metric other than enforcement publication (tests/indicators/enforcement.test.ts) on handmade rows, each with
// its answer worked out by hand in the table. Region 110101 is designated (batch 2022: reports owed from 2022, the year it was named).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSystemDir } from '../../pipeline/indicators/index.ts';
import { addRegions, addRows, evidenceOf, openTestDb, run, metricValue } from './fixtures.ts';

const R = '110101';
let db: Database;

const report = (year: number, over: Record<string, unknown> = {}) => ({
  region_code: R,
  report_year: year,
  submitted_on: `${year + 1}-01-20`,
  published_on: `${year + 1}-01-25`,
  business_setup_days: 3,
  online_service_rate: 80,
  one_window_rate: 79.9,
  one_trip_items: 100,
  proposals_reply_rate: 100,
  suggestion_satisfaction: 95,
  judicial_suggestion_reply_rate: 98.5,
  procuratorial_suggestion_reply_rate: 100,
  major_decisions: 8,
  major_decisions_legal_reviewed: 8,
  major_decisions_collective: 7,
  reconsideration_on_time_rate: 100,
  leadership_study_sessions: 3,
  leadership_court_hearings: 1,
  rule_of_law_weight: 10,
  ...over,
});

beforeAll(async () => {
  db = await openTestDb();
  await addRegions(db, [{ code: R }, { code: '110102', designation: 'none', batch: null }, { code: '110105' }]);
  await addRows(db, 'annual_reports', [
    report(2023),
    // 2022: submitted 1 February 2023 (late), never published
    report(2022, {
      submitted_on: '2023-02-01',
      published_on: null,
      major_decisions: 0,
      major_decisions_legal_reviewed: 0,
      major_decisions_collective: 0,
    }),
    // 2024: submitted on 31 January exactly, unpublished, judged as of 2025-03-01
    report(2024, { submitted_on: '2025-01-31', published_on: null }),
  ]);
  await addRows(db, 'enforcement_stats', [
    {
      region_code: R,
      year: 2024,
      agency: '公安局',
      officers: 100,
      certified_officers: 100,
      legal_review_staff: 4,
      training_hours_avg: 30,
      stats_published_on: '2025-01-31',
    },
    {
      region_code: R,
      year: 2024,
      agency: '市场监管局',
      officers: 50,
      certified_officers: 49,
      legal_review_staff: 4,
      training_hours_avg: 60,
      stats_published_on: '2025-02-01',
    },
    {
      region_code: R,
      year: 2024,
      agency: '城管局',
      officers: 50,
      certified_officers: 50,
      legal_review_staff: 2,
      training_hours_avg: null,
      stats_published_on: null,
    },
  ]);
  await addRows(db, 'litigation_cases', [
    {
      case_id: 'L1',
      region_code: R,
      defendant_agency: '市政府',
      filed_on: '2023-11-01',
      concluded_on: '2024-03-01',
      outcome: 'lost',
      is_major: true,
      head_appeared: true,
      judgment_performed: false,
    },
    {
      case_id: 'L2',
      region_code: R,
      defendant_agency: '市政府',
      filed_on: '2024-01-01',
      concluded_on: '2024-05-01',
      outcome: 'won',
      is_major: true,
      head_appeared: false,
    },
    {
      case_id: 'L3',
      region_code: R,
      defendant_agency: '市政府',
      filed_on: '2024-01-01',
      concluded_on: '2024-06-01',
      outcome: 'withdrawn',
      is_major: false,
    },
    {
      case_id: 'L4',
      region_code: R,
      defendant_agency: '市政府',
      filed_on: '2024-01-01',
      concluded_on: '2024-07-01',
      outcome: 'lost',
      is_major: false,
      judgment_performed: true,
    },
    {
      case_id: 'L5',
      region_code: R,
      defendant_agency: '市政府',
      filed_on: '2024-02-01',
      concluded_on: null,
      outcome: null,
      is_major: true,
    },
    {
      case_id: 'L6',
      region_code: '110105',
      defendant_agency: '区政府',
      filed_on: '2024-02-01',
      concluded_on: '2024-09-01',
      outcome: 'won',
      is_major: false,
    },
  ]);
  await addRows(db, 'national_benchmarks', [{ year: 2023, metric: 'litigation_loss_rate', value: 0.4 }]);
  await addRows(db, 'disclosure_requests', [
    // received Friday 2024-09-27: 20 wd deadline 2024-10-30, 40 wd deadline 2024-11-27 (worked as in enforcement.test.ts, +20)
    {
      request_id: 'D1',
      region_code: R,
      agency: '办公室',
      received_on: '2024-09-27',
      answered_on: '2024-10-30',
      extended: false,
      review_result: 'none',
    },
    {
      request_id: 'D2',
      region_code: R,
      agency: '办公室',
      received_on: '2024-09-27',
      answered_on: '2024-10-31',
      extended: false,
      review_result: 'overturned',
    },
    {
      request_id: 'D3',
      region_code: R,
      agency: '办公室',
      received_on: '2024-09-27',
      answered_on: '2024-10-31',
      extended: true,
      review_result: 'upheld',
    },
    {
      request_id: 'D4',
      region_code: R,
      agency: '办公室',
      received_on: '2024-09-27',
      answered_on: null,
      extended: false,
      review_result: null,
    },
  ]);
  await addRows(db, 'normative_documents', [
    {
      doc_id: 'N1',
      region_code: R,
      issued_on: '2024-03-01',
      legal_review: true,
      review_workdays: 6,
      comment_days: 30,
      filed_on: '2024-03-31',
    },
    {
      doc_id: 'N2',
      region_code: R,
      issued_on: '2024-03-01',
      legal_review: false,
      review_workdays: null,
      comment_days: 5,
      filed_on: '2024-04-01',
    },
    {
      doc_id: 'N3',
      region_code: R,
      issued_on: '2024-03-01',
      legal_review: null,
      review_workdays: null,
      comment_days: null,
      filed_on: null,
    },
    {
      doc_id: 'N4',
      region_code: R,
      issued_on: '2024-03-11',
      legal_review: true,
      review_workdays: 4,
      comment_days: 8,
      filed_on: '2024-03-20',
    },
    {
      doc_id: 'N5',
      region_code: R,
      issued_on: '2024-03-11',
      legal_review: true,
      review_workdays: 16,
      comment_days: 9,
      filed_on: '2024-03-20',
    },
    {
      doc_id: 'N6',
      region_code: R,
      issued_on: '2024-03-11',
      legal_review: true,
      review_workdays: 15,
      comment_days: null,
      filed_on: '2024-03-20',
    },
  ]);
  await addRows(db, 'incidents', [
    {
      event_id: 'I1',
      region_code: R,
      kind: 'public_opinion',
      occurred_at: '2024-04-02 11:27:00',
      first_release_at: '2024-04-02 16:27:00',
      press_conference_at: '2024-04-03 11:28:00',
    },
    {
      event_id: 'I2',
      region_code: R,
      kind: 'public_opinion',
      occurred_at: '2024-06-01 08:00:00',
      first_release_at: '2024-06-01 13:01:00',
      press_conference_at: null,
    },
    { event_id: 'I3', region_code: R, kind: 'award', occurred_at: '2024-06-01 08:00:00' },
  ]);
  await addRows(db, 'satisfaction_surveys', [{ region_code: R, year: 2024, respondents: 1000, satisfied: 800 }]);
  await run(db, '2025-03-01');
});
afterAll(() => db.close());

type Expect = [metric: string, year: number, expected: Record<string, unknown>, evidence?: string[]];
const cases: Expect[] = [
  ['report.submitted_on_time', 2023, { value: 1, status: 'met' }],
  ['report.submitted_on_time', 2022, { value: 0, numerator: 0, denominator: 1, status: 'not_met' }, [`${R}|2022`]],
  ['report.submitted_on_time', 2024, { value: 1, status: 'met' }], // 31 January itself is on time
  ['report.published', 2022, { value: 0, status: 'not_met' }],
  ['report.published', 2024, { value: 0, status: 'not_met' }], // as of 2025-03-01 the 31 January has passed
  ['business.setup_days', 2023, { value: 3, status: 'met', threshold: 5 }],
  ['services.online_rate', 2023, { value: 0.8, status: 'met' }], // exactly 80%: thresholds are inclusive
  ['services.one_window_rate', 2023, { value: 0.799, status: 'not_met' }],
  ['services.one_trip_items', 2023, { value: 100, status: 'met' }],
  ['proposals.reply_rate', 2023, { value: 1, status: 'met' }],
  ['suggestions.satisfaction', 2023, { value: 0.95, status: 'met' }],
  ['judicial_suggestions.reply_rate', 2023, { value: 0.985, status: 'not_met' }],
  ['procuratorial_suggestions.reply_rate', 2023, { value: 1, status: 'met' }],
  ['decisions.legal_review', 2023, { value: 1, numerator: 8, denominator: 8, status: 'met' }],
  ['decisions.collective', 2023, { value: 0.875, numerator: 7, denominator: 8, status: 'not_met' }],
  ['decisions.collective', 2022, { value: null, status: 'no_data' }], // no major decision: no data
  ['reconsideration.on_time', 2023, { value: 1, status: 'met' }],
  ['leadership.study_sessions', 2023, { value: 3, status: 'not_met' }],
  ['leadership.court_hearings', 2023, { value: 1, status: 'met' }],
  ['assessment.rule_of_law_weight', 2023, { value: 0.1, status: 'met' }],
  // enforcement_stats 2024: officers 100 + 50 + 50
  // No. 63 per agency (本单位): 公安局 4/100 and 城管局 2/50 below 5%, 市场监管局 4/50 above — pooled 10/200 = 5% would pass
  [
    'enforcement.review_staff_agencies',
    2024,
    { value: 1 / 3, numerator: 1, denominator: 3, threshold: 1, status: 'not_met' },
    [`${R}|2024|公安局`, `${R}|2024|城管局`],
  ],
  ['enforcement.certified_share', 2024, { value: 199 / 200, status: 'not_met' }, [`${R}|2024|市场监管局`]],
  // No. 68 per agency: 公安局 30 h below 40, 市场监管局 60 h; 城管局 without the figure left out — the pooled
  // (30·100 + 60·50) / 150 = 40 h would pass
  [
    'enforcement.training_agencies',
    2024,
    { value: 0.5, numerator: 1, denominator: 2, status: 'not_met' },
    [`${R}|2024|公安局`],
  ],
  // 31 January on time, 1 February late, unpublished and past due late
  [
    'enforcement.stats_published_on_time',
    2024,
    { numerator: 1, denominator: 3, status: 'not_met' },
    [`${R}|2024|城管局`, `${R}|2024|市场监管局`],
  ],
  // concluded 2024: L1 lost, L2 won, L3 withdrawn, L4 lost → 2/4, against the 2023 national rate 0.4
  [
    'litigation.loss_rate',
    2024,
    { value: 0.5, numerator: 2, denominator: 4, threshold: 0.4, status: 'not_met' },
    ['L1', 'L4'],
  ],
  ['litigation.head_appearance', 2024, { value: 0.5, numerator: 1, denominator: 2, status: 'not_met' }, ['L2']],
  [
    'litigation.unperformed_judgments',
    2024,
    { value: 1, numerator: 1, denominator: 2, threshold: 0, status: 'not_met' },
    ['L1'],
  ],
  // D1 on the 20th working day; D2 a day late; D3 extended, within 40 wd; D4 unanswered past 10-30 → late
  ['disclosure.answered_on_time', 2024, { value: 0.5, numerator: 2, denominator: 4, status: 'not_met' }, ['D2', 'D4']],
  ['disclosure.overturned_rate', 2024, { value: 1 / 3, numerator: 1, denominator: 3, status: 'not_met' }, ['D2']],
  ['normative.legal_review', 2024, { value: 4 / 6, numerator: 4, denominator: 6, status: 'not_met' }, ['N2', 'N3']],
  // N1 on day 30, N2 day 31, N3 unfiled long past 30 days, N4–N6 after 9 days
  ['normative.filed_on_time', 2024, { value: 4 / 6, status: 'not_met' }, ['N2', 'N3']],
  // No. 27 in working days: N1 30 days; N2 5 days; N4 8 calendar days (never 7 wd) fails; N5 9 days issued Monday
  // 2024-03-11 can have run Mon 02-26 .. Tue 03-05 = 7 wd
  ['normative.comment_period', 2024, { value: 0.5, numerator: 2, denominator: 4, status: 'not_met' }, ['N2', 'N4']],
  // No. 31: reviewed with stated days N1 6, N4 4 (< 5), N5 16 (> 15), N6 15 → 2/4
  ['normative.review_time', 2024, { value: 0.5, numerator: 2, denominator: 4, status: 'not_met' }, ['N4', 'N5']],
  // No. 34 报备率: N1 N2 N4 N5 N6 filed, N3 unfiled past 30 days → 5/6 (N2 filed late still counts as filed)
  ['normative.filed', 2024, { value: 5 / 6, numerator: 5, denominator: 6, status: 'not_met' }, ['N3']],
  // No. 34 规范率 among the 5 filed: N1 conforming, N6 conforming; N2 unreviewed, N4 4 wd review and 8-day comment,
  // N5 16 wd review
  ['normative.conforming', 2024, { value: 2 / 5, numerator: 2, denominator: 5, status: 'not_met' }, ['N2', 'N4', 'N5']],
  // 附加项: one award (I3) in 2024 — met; never not met
  ['bonus.award', 2024, { value: 1, numerator: 1, status: 'met' }, ['I3']],
  ['bonus.promoted', 2024, { value: null, status: 'no_data' }],
  // I1 released after exactly 5 h, press after 24 h 1 min; I2 released after 5 h 1 min, no press conference
  ['opinion.release_5h', 2024, { value: 0.5, numerator: 1, denominator: 2, status: 'not_met' }, ['I2']],
  ['opinion.press_24h', 2024, { value: 0, numerator: 0, denominator: 2, status: 'not_met' }, ['I1', 'I2']],
  ['satisfaction.rate', 2024, { value: 0.8, status: 'met' }],
];

describe('each metric on handmade rows', () => {
  it.each(cases)('%s %i', async (metric, year, expected, evidence) => {
    const v = await metricValue(db, metric, R, year);
    expect(v).toBeDefined();
    for (const [k, want] of Object.entries(expected)) {
      if (typeof want === 'number') expect((v as unknown as Record<string, number>)[k], k).toBeCloseTo(want, 12);
      else expect((v as unknown as Record<string, unknown>)[k], k).toEqual(want);
    }
    if (evidence) expect(await evidenceOf(db, metric, R, year)).toEqual(evidence);
  });
});

describe('no data and benchmarks', () => {
  it('gives every region a row for every metric, no data where nothing was sent', async () => {
    expect(await metricValue(db, 'satisfaction.rate', '110102', 2024)).toMatchObject({
      value: null,
      status: 'no_data',
    });
    const n = await db.one<{ n: number }>(
      `SELECT count(DISTINCT metric_id) AS n FROM indicator_values WHERE region_code = '110102' AND year = 2024`,
    );
    expect(n!.n).toBe(41);
  });

  it('does not expect annual reports from a region that is not designated', async () => {
    expect(await metricValue(db, 'report.submitted_on_time', '110102', 2024)).toMatchObject({ status: 'no_data' });
  });

  it('shows the loss rate without a status when the previous year has no national benchmark', async () => {
    const fresh = await openTestDb();
    await addRegions(fresh, [{ code: R }]);
    await addRows(fresh, 'litigation_cases', [
      {
        case_id: 'X1',
        region_code: R,
        defendant_agency: '市政府',
        filed_on: '2024-01-01',
        concluded_on: '2024-03-01',
        outcome: 'lost',
        is_major: false,
      },
    ]);
    await run(fresh, '2025-03-01');
    expect(await metricValue(fresh, 'litigation.loss_rate', R, 2024)).toMatchObject({
      value: 1,
      threshold: null,
      status: 'no_data',
    });
    fresh.close();
  });

  it('owes annual reports from the batch year, not from the year before it', async () => {
    // 110105 (batch 2022) sent nothing: the report on 2022 is owed and missing, the one on 2021 (before naming) is not owed
    expect(await metricValue(db, 'report.submitted_on_time', '110105', 2022)).toMatchObject({
      value: 0,
      status: 'not_met',
    });
    const before = await metricValue(db, 'report.submitted_on_time', '110105', 2021);
    expect(before === undefined || before.status === 'no_data').toBe(true);
  });

  it('leaves a report not yet due out: no data before 31 January, not met after', async () => {
    const fresh = await openTestDb();
    await addRegions(fresh, [{ code: R, batch: 2024 }]);
    await addRows(fresh, 'annual_reports', [report(2023)]);
    await run(fresh, '2025-01-31');
    expect(await metricValue(fresh, 'report.submitted_on_time', R, 2024)).toMatchObject({ status: 'no_data' });
    await run(fresh, '2025-02-01');
    expect(await metricValue(fresh, 'report.submitted_on_time', R, 2024)).toMatchObject({
      value: 0,
      status: 'not_met',
    });
    fresh.close();
  });
});

describe('office settings and bonus items', () => {
  it('counts No. 83 among decisions taken to review or court when the office sets params.denominator = challenged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'systems-'));
    cpSync(defaultSystemDir(), dir, { recursive: true });
    const file = join(dir, 'catalogue.json');
    const catalogue = JSON.parse(readFileSync(file, 'utf8'));
    catalogue.metrics.find((m: { id: string }) => m.id === 'disclosure.overturned_rate').params = {
      denominator: 'challenged',
    };
    writeFileSync(file, JSON.stringify(catalogue));
    await run(db, '2025-03-01', { systemDir: dir });
    // D2 overturned, D3 upheld (D1 none, D4 unanswered): 1 of 2 challenged, against 1 of 3 answered by default
    expect(await metricValue(db, 'disclosure.overturned_rate', R, 2024)).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    await run(db, '2025-03-01');
    expect(await metricValue(db, 'disclosure.overturned_rate', R, 2024)).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('refuses an unknown No. 83 setting by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'systems-'));
    cpSync(defaultSystemDir(), dir, { recursive: true });
    const file = join(dir, 'catalogue.json');
    const catalogue = JSON.parse(readFileSync(file, 'utf8'));
    catalogue.metrics.find((m: { id: string }) => m.id === 'disclosure.overturned_rate').params = {
      denominator: 'all',
    };
    writeFileSync(file, JSON.stringify(catalogue));
    await expect(run(db, '2025-03-01', { systemDir: dir })).rejects.toThrow(
      /params\.denominator must be answered or challenged, got all/,
    );
    await run(db, '2025-03-01');
  });

  it('keeps bonus items out of conformance and the composite', async () => {
    const card = await db.one<{ metrics_assessed: number }>(
      `SELECT metrics_assessed FROM scorecard WHERE region_code = $1 AND year = 2024`,
      [R],
    );
    const assessed = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM indicator_values WHERE region_code = $1 AND year = 2024 AND status <> 'no_data' AND NOT starts_with(metric_id, 'bonus.')`,
      [R],
    );
    expect(card!.metrics_assessed).toBe(Number(assessed!.n));
  });
});
