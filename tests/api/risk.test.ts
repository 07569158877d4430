// GET /api/risk (the ranked risk queue, province-scoped) and POST /api/flags/:id/triage (central only, CSRF,
// audit-logged) on the small demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, type Ctx, closeApp, demoApp, get, login, post, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
let central: Session;
let prov: Session;

beforeAll(async () => {
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  prov = await login(ctx.app, 'prov');
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

interface Queue {
  year: number;
  complete: boolean;
  total: number;
  rows: Array<{
    rank: number;
    region_code: string;
    tier: string;
    score: number;
    reasons: Array<{ rule: string; flag_id: string | null; points: number }>;
  }>;
}

describe('GET /api/risk', () => {
  it('ranks the designated regions of 2024 with their reasons, the watchlist ground first', async () => {
    const res = await get(ctx.app, central, '/api/risk?year=2024');
    expect(res.statusCode).toBe(200);
    const q = res.json() as Queue;
    expect(q).toMatchObject({ year: 2024, complete: true });
    expect(q.rows[0]).toMatchObject({ rank: 1, tier: 'grounds' });
    expect(q.rows[0].reasons[0]).toMatchObject({ rule: 'watchlist_ground', points: 100 });
  });

  it("limits a provincial account to its province's regions", async () => {
    const all = (await get(ctx.app, central, '/api/risk?year=2024')).json() as Queue;
    const own = (await get(ctx.app, prov, '/api/risk?year=2024')).json() as Queue;
    const codes = await ctx.db.all<{ region_code: string }>(
      'SELECT region_code FROM regions WHERE province_code = $1',
      [ctx.province],
    );
    const inProvince = new Set(codes.map((c) => c.region_code));
    expect(own.rows.every((r) => inProvince.has(r.region_code))).toBe(true);
    expect(own.total).toBe(all.rows.filter((r) => inProvince.has(r.region_code)).length);
    expect(own.rows.map((r) => r.rank)).toEqual(own.rows.map((_, i) => i + 1));
  });

  it('gives a monitored queue apart from the designated one, and no ranking for a year not yet complete', async () => {
    const designated = (await get(ctx.app, central, '/api/risk?year=2024')).json() as Queue;
    const monitored = (await get(ctx.app, central, '/api/risk?year=2024&scope=monitored')).json() as Queue;
    const d = new Set(designated.rows.map((r) => r.region_code));
    expect(monitored.rows.length).toBeGreaterThan(0);
    expect(monitored.rows.some((r) => d.has(r.region_code))).toBe(false);
    expect((await get(ctx.app, central, '/api/risk?year=2025')).json()).toMatchObject({ complete: false, rows: [] });
    expect((await get(ctx.app, central, '/api/risk?scope=nobody')).statusCode).toBe(400);
  });
});

describe('POST /api/flags/:id/triage', () => {
  it('lets the central office dismiss a flag with a reason: audit-logged, shown on the flag, out of the queue', async () => {
    const before = (await get(ctx.app, central, '/api/risk?year=2024')).json() as Queue;
    const target = before.rows.find((r) => r.tier === 'breach')!;
    const flagId = target.reasons.find((x) => x.flag_id && x.points > 0)!.flag_id!;
    expect((await post(ctx.app, central, `/api/flags/${flagId}/triage`, { decision: 'dismissed' })).statusCode).toBe(
      400,
    );
    const res = await post(ctx.app, central, `/api/flags/${flagId}/triage`, {
      decision: 'dismissed',
      reason: '经核实为误报',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      flag_id: flagId,
      decision: 'dismissed',
      state: 'dismissed',
      decided_by: 'user:central',
    });
    expect(
      ((await get(ctx.app, central, `/api/flags/${flagId}`)).json() as { triage: { state: string } }).triage.state,
    ).toBe('dismissed');
    const after = (await get(ctx.app, central, '/api/risk?year=2024')).json() as Queue;
    const row = after.rows.find((r) => r.region_code === target.region_code)!;
    expect(row.reasons.some((x) => x.flag_id === flagId)).toBe(false);
    expect((await auditOf(ctx.db, 'flag.triage')).at(-1)).toMatchObject({
      actor: 'user:central',
      subject: `flag:${flagId}`,
    });
  });

  it('refuses a provincial account (403) and a request without the CSRF token (403)', async () => {
    const [{ flag_id: flagId }] = await ctx.db.all<{ flag_id: string }>(
      `SELECT flag_id FROM flags WHERE status = 'active' LIMIT 1`,
    );
    expect((await post(ctx.app, prov, `/api/flags/${flagId}/triage`, { decision: 'acknowledged' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await post(
          ctx.app,
          central,
          `/api/flags/${flagId}/triage`,
          { decision: 'acknowledged' },
          { 'x-csrf-token': 'wrong' },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await post(ctx.app, central, '/api/flags/0123456789abcdef/triage', { decision: 'acknowledged' })).statusCode,
    ).toBe(404);
  });
});
