// One set of numbers (issue 12): the overview's headline, the region list, the risk queue, the flag list, the
// quarterly export and `shifan indicators --summary` count the same population — the regions in their designation
// term in the year — from the same statement, so they agree to the region, for the whole country and for a
// province. And a value is never printed as its threshold's figure when it misses it (13.0% against ≤ 13.0%).
import { formatAgainst, renderFlag } from '../../pipeline/vocabulary/index.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectQuarter } from '../../pipeline/export/collect.ts';
import { parseQuarter } from '../../pipeline/export/quarter.ts';
import { runCli } from '../cli/run-cli.ts';
import { type Ctx, closeApp, demoApp, get, login, post, type Session } from './helper.ts';

interface Headline {
  year: number;
  regions: number;
  met: number;
  not_met: number;
  not_judged: number;
  high_flags: number;
  high_regions: number;
  watchlist_regions: number;
}

let ctx: Ctx | undefined;
let central: Session;
let prov: Session;
const YEAR = 2024;

beforeAll(async () => {
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  prov = await login(ctx.app, 'prov');
}, 900_000);
afterAll(() => closeApp(ctx));

async function viewsOf(s: Session) {
  const app = ctx!.app;
  const overview = (await get(app, s, `/api/overview?year=${YEAR}`)).json() as {
    headline: Headline;
    regions_by: Record<'batch' | 'designation' | 'level', { key: string; count: number }[]>;
  };
  const regions = (await get(app, s, `/api/regions?year=${YEAR}&format=json`)).json() as {
    meets_bar: boolean | null;
  }[];
  const risk = (await get(app, s, `/api/risk?year=${YEAR}`)).json() as { total: number };
  const high = await get(app, s, `/api/flags?year=${YEAR}&scope=designated&severity=high&limit=1&format=json`);
  return { overview, regions, risk, highTotal: Number(high.headers['x-total-count']) };
}

function expectAgree(v: Awaited<ReturnType<typeof viewsOf>>) {
  const h = v.overview.headline;
  expect(h.regions).toBeGreaterThan(0);
  expect(v.regions).toHaveLength(h.regions);
  expect(v.regions.filter((r) => r.meets_bar === true)).toHaveLength(h.met);
  expect(v.regions.filter((r) => r.meets_bar === false)).toHaveLength(h.not_met);
  expect(v.regions.filter((r) => r.meets_bar == null)).toHaveLength(h.not_judged);
  expect(h.met + h.not_met + h.not_judged).toBe(h.regions);
  expect(v.risk.total).toBe(h.regions);
  for (const dim of ['batch', 'designation', 'level'] as const)
    expect(
      v.overview.regions_by[dim].reduce((n, r) => n + r.count, 0),
      dim,
    ).toBe(h.regions);
  expect(v.highTotal).toBe(h.high_flags);
}

describe('one population, one set of counts', () => {
  it('gives the same regions, met and not met on the overview, the region list, the risk queue and the flag list', async () => {
    const v = await viewsOf(central);
    expectAgree(v);
    // the batch chart counts no region without a designation, nor a batch not yet named in the year
    expect(v.overview.regions_by.batch.every((r) => r.key !== 'none' && Number(r.key) <= YEAR)).toBe(true);
    expect(v.overview.regions_by.designation.some((r) => r.key === 'none')).toBe(false);
  });

  it("agrees for a provincial account over its province's regions", async () => {
    const v = await viewsOf(prov);
    expectAgree(v);
    const all = (await viewsOf(central)).overview.headline;
    expect(v.overview.headline.regions).toBeLessThan(all.regions);
  });

  it("gives the export the dashboard's headline, and a scorecard and flag table over the same regions", async () => {
    const h = (await viewsOf(central)).overview.headline;
    const data = await collectQuarter(ctx!.db, parseQuarter('2025Q3'));
    expect(data.context.reporting_year).toBe(YEAR);
    expect(data.headline).toEqual(h);
    const card = data.tables.find((t) => t.id === 'scorecard')!.rows;
    expect(card).toHaveLength(h.regions);
    expect(card.filter((r) => r.meets_bar === true)).toHaveLength(h.met);
    const flags = data.tables.find((t) => t.id === 'flags')!.rows;
    expect(flags.filter((r) => r.severity === 'high')).toHaveLength(h.high_flags);
    expect(data.trend.find((r) => r.year === YEAR)?.regions).toBe(h.regions);
  });

  it("never prints a missed value as its threshold's figure in a flag message", async () => {
    const rows = await ctx!.db.all<{ year: number; numbers: string }>(
      "SELECT year, numbers FROM flags WHERE rule_id = 'metric_not_met'",
    );
    expect(rows.length).toBeGreaterThan(0);
    const messages = rows.map((r) => renderFlag('metric_not_met', { year: r.year, ...JSON.parse(r.numbers) }, 'zh'));
    const same = messages.filter((m) => {
      const found = m.match(/未达标：([\d.]+%?)(?:（[^）]*）)?，标准[≥≤=]([\d.]+%?)/);
      return found !== null && found[1] === found[2];
    });
    expect(same).toEqual([]);
    expect([
      formatAgainst(3 / 23, 0.13, 'rate'),
      formatAgainst(15.004, 15, 'workdays'),
      formatAgainst(0.5, 0.13, 'rate'),
    ]).toEqual(['13.04%', '15.004', '50.0%']);
  });

  it('leaves a dismissed high flag out of the headline, as the risk queue does', async () => {
    const before = (await viewsOf(central)).overview.headline;
    const page = await get(
      ctx!.app,
      central,
      `/api/flags?year=${YEAR}&scope=designated&severity=high&limit=1&format=json`,
    );
    const [flag] = page.json() as Array<{ flag_id: string; region_code: string }>;
    const dismissed = await post(ctx!.app, central, `/api/flags/${flag.flag_id}/triage`, {
      decision: 'dismissed',
      reason: 'the source office corrected the record; checked by phone',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const after = (await viewsOf(central)).overview.headline;
    expect(after.high_flags).toBe(before.high_flags - 1);
    const still = await get(
      ctx!.app,
      central,
      `/api/flags?year=${YEAR}&scope=designated&severity=high&triage=dismissed&limit=1&format=json`,
    );
    expect(Number(still.headers['x-total-count'])).toBe(1);
    const queue = (await get(ctx!.app, central, `/api/risk?year=${YEAR}`)).json() as {
      rows: Array<{ region_code: string; reasons: Array<{ flag_id?: string | null }> }>;
    };
    const reasons = queue.rows.find((r) => r.region_code === flag.region_code)?.reasons ?? [];
    expect(reasons.some((r) => r.flag_id === flag.flag_id)).toBe(false);
  });

  it('prints the same headline from `shifan indicators --summary`', async () => {
    const h = (await viewsOf(central)).overview.headline;
    const path = join(ctx!.dir, 'api.duckdb');
    await closeApp(ctx);
    ctx = undefined;
    const run = await runCli(['--db', path, '--json', 'indicators', '--year', String(YEAR), '--summary']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(h);
    const text = await runCli(['--db', path, 'indicators', '--year', String(YEAR), '--summary']);
    expect(text.stdout).toContain(`命名期内示范地区 ${h.regions} 个：达到示范标准 ${h.met} 个`);
  }, 120_000);
});
