// Enforcement publication (indicator 57) on hand-worked dates. The 2024 calendar: National Day off 10-01..10-07 with
// Sunday 09-29 and Saturday 10-12 as adjusted workdays; Spring Festival off 02-10..02-17 with Sunday 02-04 and
// Sunday 02-18 as adjusted workdays. Worked by hand:
//   decided 2024-09-27 (Fri): 09-29(1) 09-30(2) 10-08(3) 10-09(4) 10-10(5) 10-11(6) 10-12 Sat(7) → 7 wd deadline 10-12
//                             ... 20 wd deadline 10-30
//   decided 2024-02-08 (Thu): 02-09(1) 02-18 Sun(2) 02-19(3) 02-20(4) 02-21(5) 02-22(6) 02-23(7) → deadline 02-23
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { addRegions, addRows, evidenceOf, openTestDb, run, metricValue } from './fixtures.ts';

let db: Database;
beforeEach(async () => {
  db = await openTestDb();
  await addRegions(db, [{ code: '110101' }]);
});
afterEach(() => db.close());

const decision = (
  case_id: string,
  action_type: string,
  decided_on: string,
  published_on: string | null,
  extra: Record<string, unknown> = {},
) => ({
  case_id,
  region_code: '110101',
  agency: '市场监管局',
  action_type,
  decided_on,
  published_on,
  is_major: false,
  legal_review: null,
  ...extra,
});

describe('enforcement.publish_7wd', () => {
  it('counts a penalty decided just before National Day 2024 on time up to Saturday 10-12 (an adjusted workday), late after', async () => {
    await addRows(db, 'enforcement_decisions', [
      decision('A1', 'penalty', '2024-09-27', '2024-10-12'), // the 7th working day: on time
      decision('A2', 'penalty', '2024-09-27', '2024-10-14'), // Monday after: late
      decision('A3', 'license', '2024-09-27', '2024-10-08'), // on time
    ]);
    await run(db, '2025-06-30');
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2024)).toMatchObject({
      numerator: 2,
      denominator: 3,
      status: 'not_met',
      provisional: false,
    });
    expect((await metricValue(db, 'enforcement.publish_7wd', '110101', 2024))!.value).toBeCloseTo(2 / 3, 12);
    expect(await evidenceOf(db, 'enforcement.publish_7wd', '110101', 2024)).toEqual(['A2']);
  });

  it('counts a licence decided just before Spring Festival 2024 on time up to 02-23 and late on 02-26', async () => {
    await addRows(db, 'enforcement_decisions', [
      decision('B1', 'license', '2024-02-08', '2024-02-23'),
      decision('B2', 'license', '2024-02-08', '2024-02-26'),
    ]);
    await run(db, '2025-06-30');
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2024)).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      status: 'not_met',
    });
  });

  it('is met at 100% and leaves out an unpublished decision not yet due, but counts one past its deadline as late', async () => {
    await addRows(db, 'enforcement_decisions', [
      decision('C1', 'penalty', '2024-09-27', '2024-09-30'),
      decision('C2', 'penalty', '2024-09-27', null), // due 10-12; as of 10-11 not yet due
    ]);
    await run(db, '2024-10-11');
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2024)).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
      status: 'met',
    });
    await run(db, '2024-10-12'); // deadline day itself: could still be published today
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2024)).toMatchObject({ denominator: 1 });
    await run(db, '2024-10-13');
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2024)).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      status: 'not_met',
    });
  });

  it('is provisional when the deadline falls in a year without a published calendar (2027)', async () => {
    await addRows(db, 'enforcement_decisions', [
      decision('D1', 'penalty', '2026-12-30', '2027-01-05'),
      decision('D2', 'penalty', '2026-06-01', '2026-06-02'),
    ]);
    await run(db, '2027-03-01');
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2026)).toMatchObject({
      value: 1,
      status: 'met',
      provisional: true,
    });
  });

  it('is no data for a region-year without licensing or penalty decisions, never 0% or 100%', async () => {
    await addRows(db, 'enforcement_decisions', [decision('E1', 'inspection', '2024-03-01', '2024-03-05')]);
    await run(db, '2025-06-30');
    expect(await metricValue(db, 'enforcement.publish_7wd', '110101', 2024)).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      status: 'no_data',
    });
    expect(await metricValue(db, 'enforcement.publish_20wd', '110101', 2024)).toMatchObject({
      value: 1,
      status: 'met',
    });
  });
});

describe('enforcement.publish_20wd', () => {
  it('gives other decisions decided 2024-09-27 until 10-30, across the National Day week', async () => {
    await addRows(db, 'enforcement_decisions', [
      decision('F1', 'coercion', '2024-09-27', '2024-10-30'),
      decision('F2', 'levy', '2024-09-27', '2024-10-31'),
      decision('F3', 'penalty', '2024-09-27', '2024-10-31'), // a penalty is judged by the 7 wd rule, not here
    ]);
    await run(db, '2025-06-30');
    expect(await metricValue(db, 'enforcement.publish_20wd', '110101', 2024)).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect(await evidenceOf(db, 'enforcement.publish_20wd', '110101', 2024)).toEqual(['F2']);
  });
});

describe('enforcement.major_legal_review', () => {
  it('is reviewed major decisions over major decisions, an empty legal_review counting as not reviewed', async () => {
    await addRows(db, 'enforcement_decisions', [
      decision('G1', 'penalty', '2024-05-06', '2024-05-07', { is_major: true, legal_review: true }),
      decision('G2', 'penalty', '2024-05-06', '2024-05-07', { is_major: true, legal_review: false }),
      decision('G3', 'penalty', '2024-05-06', '2024-05-07', { is_major: true, legal_review: null }),
      decision('G4', 'penalty', '2024-05-06', '2024-05-07', { is_major: false, legal_review: false }),
    ]);
    await run(db, '2025-06-30');
    expect(await metricValue(db, 'enforcement.major_legal_review', '110101', 2024)).toMatchObject({
      numerator: 1,
      denominator: 3,
      status: 'not_met',
    });
    expect(await evidenceOf(db, 'enforcement.major_legal_review', '110101', 2024)).toEqual(['G2', 'G3']);
  });
});
