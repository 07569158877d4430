// An incremental refresh (the server's refresh after new loads) gives exactly the rows a full refresh gives. Two
// databases are fed the same loads with the same load ids: after each load, one is refreshed in full and the other
// incrementally, and every result table is compared row for row (indicator values, scorecard with rank intervals,
// funnel limits, flags with their evidence, the watchlist, the digests and the runs): after a load touching one
// year, one touching several, a correction of earlier data (rows re-sent under the same keys), and no load at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { refresh, type RefreshResult } from '../../pipeline/indicators/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { addRegions, addRows } from './fixtures.ts';

const AS_OF = '2025-06-30';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const REGIONS = Array.from({ length: 14 }, (_, i) => String(110101 + i));

/** A small seeded generator, so both databases and every run see the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

function decisions(year: number, region: string, n: number, seed: number, prefix = 'D') {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const decided = Math.floor(r() * 300);
    return {
      case_id: `${prefix}${region}-${year}-${i}`,
      region_code: region,
      agency: '市场监管局',
      action_type: r() < 0.5 ? 'penalty' : 'license',
      decided_on: day(year, decided),
      published_on: day(year, decided + Math.floor(r() * 30)),
      is_major: false,
      legal_review: null,
    };
  });
}

function cases(year: number, region: string, n: number, seed: number, prefix = 'L') {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const lost = r() < 0.2;
    return {
      case_id: `${prefix}${region}-${year}-${i}`,
      region_code: region,
      defendant_agency: '市政府',
      filed_on: day(year - 1, 200 + Math.floor(r() * 100)),
      concluded_on: day(year, Math.floor(r() * 300)),
      outcome: lost ? 'lost' : 'won',
      is_major: false,
      head_appeared: r() < 0.7,
      judgment_performed: lost ? r() < 0.8 : null,
    };
  });
}

const survey = (year: number, region: string, seed: number) => {
  const r = random(seed);
  const respondents = 100 + Math.floor(r() * 200);
  return { region_code: region, year, respondents, satisfied: Math.floor(respondents * (0.6 + r() * 0.35)) };
};

/** Feeds both databases the same rows as the same load. */
let loadId = 5000;
async function load(dbs: Database[], dataset: string, rows: Array<Record<string, unknown>>): Promise<void> {
  const id = loadId++;
  for (const db of dbs) await addRows(db, dataset, rows, id);
}

/** Every column but wall-clock times (TIMESTAMP columns: when a row was written, not what it says), and of
 *  refresh_runs also its duration and how it ran. */
async function tableRows(db: Database, table: string): Promise<unknown[]> {
  const skip = new Set(table === 'refresh_runs' ? ['seconds', 'mode', 'years_recomputed'] : []);
  const columns = (
    await db.all<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = $2 ORDER BY ordinal_position',
      [table, 'main'],
    )
  )
    .filter((c) => !c.data_type.startsWith('TIMESTAMP') && !skip.has(c.column_name))
    .map((c) => `"${c.column_name}"`);
  expect(columns.length, table).toBeGreaterThan(0);
  return db.all(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ALL`);
}

const RESULT_TABLES = [
  'indicator_values',
  'scorecard',
  'funnel_limits',
  'flags',
  'flag_evidence',
  'watchlist_entries',
  'watchlist_history',
  'refresh_digests',
  'refresh_runs',
];

let dir: string;
let full: Database;
let incremental: Database;

async function refreshBoth(): Promise<RefreshResult> {
  await refresh(full, { asOf: AS_OF });
  return refresh(incremental, { asOf: AS_OF, incremental: true });
}

async function expectSameResults(): Promise<void> {
  for (const table of RESULT_TABLES) {
    const [a, b] = [await tableRows(full, table), await tableRows(incremental, table)];
    expect(b.length, `${table}: row count`).toBe(a.length);
    expect(b, table).toEqual(a);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shifan-incremental-'));
  full = await openPreparedDatabase(join(dir, 'full.duckdb'));
  incremental = await openPreparedDatabase(join(dir, 'incremental.duckdb'));
  const dbs = [full, incremental];
  for (const db of dbs)
    await addRegions(
      db,
      REGIONS.map((code, i) => ({
        code,
        designation: i % 4 === 3 ? 'none' : 'comprehensive',
        batch: i % 4 === 3 ? null : 2019,
      })),
      4999,
    );
  let seed = 1;
  for (const year of YEARS) {
    await load(
      dbs,
      'enforcement_decisions',
      REGIONS.flatMap((region) => decisions(year, region, 12, seed++)),
    );
    await load(
      dbs,
      'litigation_cases',
      REGIONS.flatMap((region) => cases(year, region, 8, seed++)),
    );
    await load(
      dbs,
      'satisfaction_surveys',
      REGIONS.map((region) => survey(year, region, seed++)),
    );
  }
  // the first refresh of each is full: nothing is stored to compare with
  expect((await refreshBoth()).mode).toBe('full');
  await expectSameResults();
}, 300_000);

afterAll(() => {
  full?.close();
  incremental?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an incremental refresh', () => {
  it('after a load touching one year recomputes that year and the next, and gives the rows of a full refresh', async () => {
    await load([full, incremental], 'enforcement_decisions', [
      ...decisions(2022, REGIONS[0], 20, 101, 'N'),
      ...decisions(2022, REGIONS[5], 20, 102, 'N'),
    ]);
    const r = await refreshBoth();
    expect(r.mode).toBe('incremental');
    expect(r.years_recomputed).toEqual([2022, 2023]);
    await expectSameResults();
  }, 120_000);

  it('after a load touching several years recomputes those and the years after, with the rows of a full refresh', async () => {
    await load([full, incremental], 'litigation_cases', [
      ...cases(2019, REGIONS[2], 15, 201, 'M'),
      ...cases(2021, REGIONS[3], 15, 202, 'M'),
    ]);
    const r = await refreshBoth();
    expect(r.mode).toBe('incremental');
    expect(r.years_recomputed).toEqual([2019, 2020, 2021, 2022]);
    await expectSameResults();
  }, 120_000);

  it('after a correction of earlier data (rows re-sent under the same keys) gives the rows of a full refresh', async () => {
    // the 2020 decisions of three regions again, under the same case ids, now all published in December
    const corrected = [REGIONS[1], REGIONS[7], REGIONS[9]].flatMap((region, i) =>
      decisions(2020, region, 12, 100 + i).map((d) => ({ ...d, published_on: day(2020, 340) })),
    );
    await load([full, incremental], 'enforcement_decisions', corrected);
    const r = await refreshBoth();
    expect(r.mode).toBe('incremental');
    expect(r.years_recomputed).toEqual([2020, 2021]);
    await expectSameResults();
  }, 120_000);

  it('recomputes no year when nothing changed, and still gives the rows of a full refresh', async () => {
    const r = await refreshBoth();
    expect(r.mode).toBe('incremental');
    expect(r.years_recomputed).toEqual([]);
    await expectSameResults();
  }, 120_000);

  it('is a full refresh when what every year reads changed (the data date)', async () => {
    await refresh(full, { asOf: '2025-07-31' });
    const r = await refresh(incremental, { asOf: '2025-07-31', incremental: true });
    expect(r.mode).toBe('full');
    await expectSameResults();
  }, 120_000);
});
