// /api/disclosure-reports on the small demo: every region's published report of 2024 (but the one whose publisher
// resolves to no region), scoped to a provincial account's province, filterable to the unbalanced ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, demoApp, get, login, type Ctx } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
beforeAll(async () => {
  ctx = await demoApp();
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

describe('GET /api/disclosure-reports', () => {
  it('lists the loaded reports with their source file and line', async () => {
    const res = await get(ctx.app, await login(ctx.app, 'central'), '/api/disclosure-reports?year=2024&format=json');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Array<Record<string, unknown>>;
    expect(rows.length).toBe(99);
    expect(rows[0]).toMatchObject({
      year: 2024,
      template: '2021',
      source_file: expect.stringMatching(/^disclosure_annual_reports_2024_\d{6}\.(html|htm|docx|txt|pdf)$/),
    });
  });

  it('lists only the reports that fail the template checks when asked for balanced=false', async () => {
    const rows = (
      await get(ctx.app, await login(ctx.app, 'central'), '/api/disclosure-reports?balanced=false&format=json')
    ).json() as Array<{ balanced: boolean; balance_failures: string }>;
    expect(rows).toHaveLength(2);
    for (const r of rows)
      expect(r).toMatchObject({ balanced: false, balance_failures: expect.stringContaining('flow:total') });
  });

  it("shows a provincial account its own province's reports only", async () => {
    const rows = (
      await get(ctx.app, await login(ctx.app, 'prov'), '/api/disclosure-reports?format=json')
    ).json() as Array<{ region_code: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.region_code.slice(0, 2)).toBe(ctx.province.slice(0, 2));
    const other = (
      await get(ctx.app, await login(ctx.app, 'prov'), `/api/disclosure-reports?region=${ctx.otherRegion}&format=json`)
    ).json();
    expect(other).toEqual([]);
  });

  it('refuses a caller without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/disclosure-reports' })).statusCode).toBe(401);
  });
});
