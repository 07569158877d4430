// The small demo through the real loader: every file loads, the only rejects are the planted bad rows, and
// the planted problems show in the loaded data the way the indicator and flag features will look for them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkdays } from '../../pipeline/calendar/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import type { PlantedProblem } from '../../pipeline/demo/index.ts';
import type { ingestPaths } from '../../pipeline/load/index.ts';
import { copyDemo, DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { SEED, type smallDemo } from './fixture.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

let demo: Awaited<ReturnType<typeof smallDemo>>;
let db: Database;
let loads: Awaited<ReturnType<typeof ingestPaths>>;
let planted: PlantedProblem[];
beforeAll(async () => {
  // the cached build ran ingestPaths on these files in this run's code; its result and the database it left
  const dir = mkdtempSync(join(tmpdir(), 'shifan-demo-'));
  const copy = await copyDemo({ seed: SEED, filesDir: dir, database: join(dir, 'test.duckdb'), stage: 'loaded' });
  demo = { dir, ...copy.demo };
  loads = copy.loads;
  planted = JSON.parse(readFileSync(demo.plantedFile, 'utf8')) as PlantedProblem[];
  db = await openPreparedDatabase(join(demo.dir, 'test.duckdb'));
}, DEMO_TIMEOUT);
afterAll(() => {
  db?.close();
  rmSync(demo.dir, { recursive: true, force: true });
});

const byId = (id: string) => planted.find((p) => p.id === id)!;
const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

describe('loading the small demo', () => {
  it('loads every file, and loaded + rejected rows equal the rows written', () => {
    expect(loads.filter((l) => l.status !== 'loaded').map((l) => `${l.file}: ${l.message}`)).toEqual([]);
    for (const [dataset, rows] of Object.entries(demo.counts)) {
      const mine = loads.filter((l) => l.dataset === dataset);
      expect(
        mine.reduce((s, l) => s + l.loaded + l.rejected, 0),
        dataset,
      ).toBe(rows);
    }
  });

  it('rejects exactly the planted bad rows, at the file, line and code planted.json gives', async () => {
    const rejects = await db.all<{ file: string; line: number; code: string }>(
      'SELECT file_name AS file, line, code FROM rejects ORDER BY file_name, line',
    );
    const expected = planted
      .filter((p) => p.expect.startsWith('reject:'))
      .map((p) => ({ file: p.file!, line: p.line!, code: p.expect.replace('reject:', '') }));
    const sort = (a: { file: string; line: number }, b: { file: string; line: number }) =>
      a.file.localeCompare(b.file) || a.line - b.line;
    expect(rejects.map((r) => ({ file: r.file.split('/').pop()!, line: r.line, code: r.code })).sort(sort)).toEqual(
      expected.sort(sort),
    );
  });
});

describe('planted problems in the loaded data', () => {
  /** Loss rate per region and year of conclusion, with the 99.8% funnel limits around the year's overall rate. */
  async function funnel() {
    const rows = await db.all<{ region_code: string; y: number; n: number; lost: number }>(
      "SELECT region_code, year(concluded_on) AS y, count(*) AS n, count(*) FILTER (WHERE outcome = 'lost') AS lost FROM litigation_cases WHERE concluded_on IS NOT NULL GROUP BY ALL",
    );
    const overall = new Map<number, number>();
    for (const y of new Set(rows.map((r) => r.y))) {
      const ys = rows.filter((r) => r.y === y);
      overall.set(y, ys.reduce((s, r) => s + r.lost, 0) / ys.reduce((s, r) => s + r.n, 0));
    }
    return rows.map((r) => {
      const p = overall.get(r.y)!;
      const half = 3.09 * Math.sqrt((p * (1 - p)) / r.n);
      return { ...r, p, rate: r.lost / r.n, outside: r.lost / r.n > p + half || r.lost / r.n < p - half };
    });
  }

  it('puts national loss rates around 14% and both planted outliers beyond the 99.8% funnel limits', async () => {
    const f = await funnel();
    const y2024 = f.find((r) => r.y === 2024)!.p;
    expect(y2024).toBeGreaterThan(0.12);
    expect(y2024).toBeLessThan(0.17);
    for (const id of ['loss-rate-high', 'loss-rate-low']) {
      const r = f.find((x) => x.region_code === byId(id).region_code && x.y === 2024)!;
      expect(r.n, id).toBeGreaterThanOrEqual(200);
      expect(r.outside, id).toBe(true);
    }
    const others = f.filter(
      (r) =>
        r.outside &&
        !['loss-rate-high', 'loss-rate-low'].some((id) => byId(id).region_code === r.region_code && r.y === 2024),
    );
    expect(others.length).toBeLessThanOrEqual(Math.ceil(f.length * 0.01)); // chance alone: about 0.2%
  });

  it('states in annual reports the figures the case data count, except the planted understated losses', async () => {
    const rows = await db.all<{
      region_code: string;
      report_year: number;
      stated: number;
      counted: number;
      stated_requests: number;
      requests: number;
    }>(
      "SELECT a.region_code, a.report_year, a.litigation_lost AS stated, (SELECT count(*) FROM litigation_cases l WHERE l.region_code = a.region_code AND year(l.concluded_on) = a.report_year AND l.outcome = 'lost') AS counted, a.disclosure_requests AS stated_requests, (SELECT count(*) FROM disclosure_requests d WHERE d.region_code = a.region_code AND year(d.received_on) = a.report_year) AS requests FROM annual_reports a",
    );
    const p = byId('self-report-contradiction');
    const contradiction = rows.find((r) => r.region_code === p.region_code && r.report_year === p.year)!;
    expect(contradiction.stated).toBeLessThan(contradiction.counted / 2);
    const rest = rows.filter((r) => r !== contradiction);
    expect(rest.filter((r) => r.stated !== r.counted)).toEqual([]);
    // The bad-region-code reject is one of the counted requests that did not load.
    expect(rest.filter((r) => Math.abs(r.stated_requests - r.requests) > 1)).toEqual([]);
  });

  it("worsens the planted region's disclosure timeliness 2022 → 2023 → 2024, counted in working days", async () => {
    const rows = await db.all<{ received_on: unknown; answered_on: unknown; extended: boolean; y: number }>(
      'SELECT received_on, answered_on, extended, year(received_on) AS y FROM disclosure_requests WHERE region_code = $1',
      [byId('disclosure-worsening').region_code],
    );
    const rate = (y: number) => {
      const ys = rows.filter((r) => r.y === y);
      return (
        ys.filter(
          (r) =>
            r.answered_on !== null && iso(r.answered_on) <= addWorkdays(iso(r.received_on), r.extended ? 40 : 20).date,
        ).length / ys.length
      );
    };
    expect(rate(2022)).toBeGreaterThan(rate(2023));
    expect(rate(2023)).toBeGreaterThan(rate(2024));
    expect(rate(2024)).toBeLessThan(0.8);
  });

  it("collapses the planted region's enforcement publication in one year only", async () => {
    const p = byId('enforcement-publication-collapse');
    const rows = await db.all<{ y: number; share: number }>(
      'SELECT year(decided_on) AS y, avg(CASE WHEN published_on IS NULL THEN 0 ELSE 1 END) AS share FROM enforcement_decisions WHERE region_code = $1 GROUP BY ALL ORDER BY y',
      [p.region_code],
    );
    for (const r of rows) {
      if (r.y === p.year) expect(r.share).toBeLessThan(0.6);
      else if (r.y < 2025) expect(r.share, String(r.y)).toBeGreaterThan(0.9);
    }
  });

  it('publishes most licence and penalty decisions within 7 working days, some later, across holidays', async () => {
    const rows = await db.all<{ decided_on: unknown; published_on: unknown }>(
      "SELECT decided_on, published_on FROM enforcement_decisions WHERE action_type IN ('license', 'penalty') AND published_on IS NOT NULL AND year(decided_on) = 2024 USING SAMPLE 3000 ROWS (reservoir, 1)",
    );
    const onTime =
      rows.filter((r) => iso(r.published_on) <= addWorkdays(iso(r.decided_on), 7).date).length / rows.length;
    expect(onTime).toBeGreaterThan(0.85);
    expect(onTime).toBeLessThan(1);
  });
});
