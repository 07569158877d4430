// The read routes: shapes as the dashboard uses them, province scoping for a provincial account (lists hold only
// its province, another province's region is 404 like a missing one), Arrow responses equal to JSON, OpenAPI at /docs.
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReject } from '../../pipeline/vocabulary/index.ts';
import { closeApp, demoApp, get, login, type Ctx, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
let central: Session;
let prov: Session;
const METRIC = 'litigation.loss_rate';

beforeAll(async () => {
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  prov = await login(ctx.app, 'prov');
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

async function rowsOf(s: Session, url: string): Promise<Array<Record<string, unknown>>> {
  const res = await get(ctx.app, s, url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.json();
}

/** A tabular endpoint: the provincial account sees a non-empty subset, all of its own province. */
async function expectScoped(url: string, field = 'province_code', allowEmpty = false) {
  const all = await rowsOf(central, url);
  const mine = await rowsOf(prov, url);
  if (!allowEmpty) expect(mine.length).toBeGreaterThan(0);
  expect(mine.length).toBeLessThan(all.length);
  for (const r of mine) expect(String(r[field]).slice(0, 2)).toBe(ctx.province.slice(0, 2));
}

async function expectArrowEqualsJson(url: string) {
  const json = await rowsOf(central, url);
  const res = await get(ctx.app, central, url, { accept: 'application/vnd.apache.arrow.stream' });
  expect(res.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
  const table = tableFromIPC(res.rawPayload);
  const rows = table.toArray().map((r) => r.toJSON());
  expect(rows).toEqual(json);
  const viaQuery = await get(ctx.app, central, `${url}${url.includes('?') ? '&' : '?'}format=arrow`);
  expect(Buffer.compare(viaQuery.rawPayload, res.rawPayload)).toBe(0);
}

describe('GET /api/health', () => {
  it('answers without a session', async () => {
    expect((await ctx.app.inject({ url: '/api/health' })).json()).toEqual({ ok: true });
  });
});

describe('every /api route', () => {
  it('answers 401 without a session', async () => {
    for (const url of [
      '/api/meta',
      '/api/overview',
      `/api/indicators/${METRIC}`,
      '/api/regions',
      '/api/flags',
      '/api/spotchecks',
      '/api/watchlist',
      '/api/data/loads',
      '/api/jobs',
      '/api/exports',
    ]) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'unauthorized', message: '请先登录' });
    }
  });
});

describe('GET /api/meta', () => {
  it('lists years, the default year, metrics, batches, the data date and last refresh', async () => {
    const meta = (await get(ctx.app, central, '/api/meta')).json();
    expect(meta.years).toContain(meta.latest_year);
    expect(meta.metrics.find((m: { id: string }) => m.id === METRIC)).toMatchObject({
      direction: 'lower',
      funnel: true,
    });
    expect(meta.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.last_refresh).toMatch(/^\d{4}-/);
    expect(meta.provinces.length).toBeGreaterThan(5);
    expect(meta.batches.length).toBeGreaterThan(0);
  });

  it('gives a provincial account only its province', async () => {
    const meta = (await get(ctx.app, prov, '/api/meta')).json();
    expect(meta.provinces.map((p: { code: string }) => p.code)).toEqual([ctx.province]);
  });
});

describe('GET /api/overview', () => {
  it('returns counts by batch, designation and level, histogram, trends, newest flags, outstanding reports', async () => {
    const o = (await get(ctx.app, central, '/api/overview')).json();
    const total = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);
    expect(total(o.regions_by.batch)).toBe(total(o.regions_by.level));
    expect(o.conformance_hist.length).toBeGreaterThan(0);
    expect(o.national_trends.some((t: { metric_id: string }) => t.metric_id === METRIC)).toBe(true);
    expect(o.newest_flags.length).toBeLessThanOrEqual(10);
    expect(Array.isArray(o.reports_outstanding)).toBe(true);
  });

  it("counts only the provincial account's regions", async () => {
    const all = (await get(ctx.app, central, '/api/overview')).json();
    const mine = (await get(ctx.app, prov, '/api/overview')).json();
    const total = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);
    expect(total(mine.regions_by.level)).toBeLessThan(total(all.regions_by.level));
    for (const f of mine.newest_flags) expect(f.region_code.slice(0, 2)).toBe(ctx.province.slice(0, 2));
  });

  it('answers 400 for a year that is not a year', async () => {
    const res = await get(ctx.app, central, '/api/overview?year=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.type', params: { field: 'querystring.year' } });
  });
});

describe('GET /api/indicators/:metric', () => {
  it('returns one row per region with value, threshold, status and funnel limits', async () => {
    const rows = await rowsOf(central, `/api/indicators/${METRIC}?year=2024`);
    expect(rows.length).toBe((await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM regions'))!.n);
    expect(rows.some((r) => r.upper95 !== null && r.position !== null)).toBe(true);
  });
  it('scopes to the provincial account', () => expectScoped(`/api/indicators/${METRIC}?year=2024`));
  it('sends the same rows as Arrow', () => expectArrowEqualsJson(`/api/indicators/${METRIC}?year=2024`));
  it('answers 400 for an unknown metric', async () => {
    expect((await get(ctx.app, central, '/api/indicators/no.such_metric')).statusCode).toBe(400);
  });
});

describe('GET /api/indicators/:metric/trend', () => {
  it('returns per year met / not met / no data and percentiles', async () => {
    const rows = await rowsOf(central, `/api/indicators/${METRIC}/trend`);
    for (const r of rows) expect(Number(r.met) + Number(r.not_met) + Number(r.no_data)).toBe(r.regions);
  });
  it("counts only the provincial account's regions", async () => {
    const all = await rowsOf(central, `/api/indicators/${METRIC}/trend`);
    const mine = await rowsOf(prov, `/api/indicators/${METRIC}/trend`);
    expect(Number(mine[0].regions)).toBeLessThan(Number(all[0].regions));
  });
  it('sends the same rows as Arrow', () => expectArrowEqualsJson(`/api/indicators/${METRIC}/trend`));
});

describe('GET /api/regions', () => {
  it('lists regions with scorecard and active flags', async () => {
    const rows = await rowsOf(central, '/api/regions?year=2024');
    expect(rows[0]).toHaveProperty('composite');
    expect(rows.some((r) => Number(r.flags_active) > 0)).toBe(true);
  });
  it('scopes to the provincial account', () => expectScoped('/api/regions'));
  it('lists demonstration regions by default and the monitored ones too with scope=all', async () => {
    const designated = await rowsOf(central, '/api/regions?year=2024');
    const all = await rowsOf(central, '/api/regions?year=2024&scope=all');
    expect(designated.every((r) => r.designation !== 'none')).toBe(true);
    expect(all.some((r) => r.designation === 'none')).toBe(true);
    expect(all.length).toBeGreaterThan(designated.length);
  });
  it('filters by province on the server, never widening a provincial account', async () => {
    const province = String((await rowsOf(central, '/api/regions?year=2024'))[0].province_code);
    const filtered = await rowsOf(central, `/api/regions?year=2024&province=${province}&scope=all`);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((r) => r.province_code === province)).toBe(true);
    const other = province === '110000' ? '120000' : '110000';
    const provRows = await rowsOf(prov, `/api/regions?year=2024&province=${other}&scope=all`);
    expect(provRows.every((r) => r.province_code !== other)).toBe(true);
  });
  it('answers 304 to a revalidation with the ETag it sent', async () => {
    const first = await get(ctx.app, central, '/api/regions');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(ctx.app, central, '/api/regions', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const prov304 = await get(ctx.app, prov, '/api/regions', { 'if-none-match': String(first.headers.etag) });
    expect(prov304.statusCode).toBe(200);
  });
  it('sends the same JSON gzip-compressed to a client that accepts gzip', async () => {
    const { gunzipSync } = await import('node:zlib');
    const res = await get(ctx.app, central, '/api/regions', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))).toEqual(await rowsOf(central, '/api/regions'));
  });
  it('sends the same rows as Arrow', () => expectArrowEqualsJson('/api/regions'));
});

describe('GET /api/regions/:code', () => {
  it('returns the region page: scorecard by year, metrics, reports, flags, spot checks, peers', async () => {
    const res = await get(ctx.app, central, `/api/regions/${ctx.otherRegion}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.region.region_code).toBe(ctx.otherRegion);
    expect(r.scorecard_by_year.length).toBeGreaterThan(1);
    expect(r.metrics.length).toBeGreaterThan(10);
    for (const key of ['reports', 'flags', 'spotchecks', 'peers']) expect(Array.isArray(r[key])).toBe(true);
  });
  it("gives a provincial account its own region, and for another province's the very answer a code that exists nowhere gets", async () => {
    expect((await get(ctx.app, prov, `/api/regions/${ctx.ownRegion}`)).statusCode).toBe(200);
    const other = await get(ctx.app, prov, `/api/regions/${ctx.otherRegion}`);
    const none = await get(ctx.app, prov, '/api/regions/999999');
    expect(other.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(other.body).toBe(none.body);
    expect(other.body).not.toContain(ctx.otherRegion);
    expect(other.json().error).toMatchObject({ code: 'region_not_found' });
  });
  it("keeps peers within the provincial account's province", async () => {
    const r = (await get(ctx.app, prov, `/api/regions/${ctx.ownRegion}`)).json();
    for (const p of r.peers) expect(p.province_code).toBe(ctx.province);
  });
  it('answers 404 for an unknown region and 400 for a malformed code', async () => {
    expect((await get(ctx.app, central, '/api/regions/999999')).statusCode).toBe(404);
    expect((await get(ctx.app, central, '/api/regions/12ab')).statusCode).toBe(400);
  });
});

describe('GET /api/flags', () => {
  it('lists active flags of the default year, most severe first', async () => {
    const rows = await rowsOf(central, '/api/flags');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['active']));
    expect(new Set(rows.map((r) => r.year)).size).toBe(1);
  });
  it('pages with limit and offset and sends the total in x-total-count', async () => {
    const res = await get(ctx.app, central, '/api/flags?year=2024&limit=5');
    const total = Number(res.headers['x-total-count']);
    expect(res.json()).toHaveLength(5);
    expect(total).toBeGreaterThan(5);
    const next = (await get(ctx.app, central, '/api/flags?year=2024&limit=5&offset=5')).json();
    expect(next[0].flag_id).not.toBe(res.json()[0].flag_id);
    const all = await rowsOf(central, `/api/flags?year=2024&limit=5000`);
    expect(all).toHaveLength(total);
  });
  it('filters by region and year', async () => {
    const rows = await rowsOf(central, `/api/flags?all_years=true&region=${ctx.otherRegion}`);
    for (const r of rows) expect(r.region_code).toBe(ctx.otherRegion);
  });
  it('scopes to the provincial account', () => expectScoped('/api/flags?all_years=true&limit=5000'));
  it("gives a provincial account nothing when it filters on another province's region", async () => {
    expect(await rowsOf(prov, `/api/flags?all_years=true&region=${ctx.otherRegion}`)).toEqual([]);
  });
  it('sends the same rows as Arrow', () => expectArrowEqualsJson('/api/flags?year=2024'));
});

describe('GET /api/flags/:id', () => {
  it('returns the flag with evidence rows (dataset, record id, file, line) that drill down to the source row', async () => {
    const [withEvidence] = await ctx.db.all<{ flag_id: string }>(
      `SELECT f.flag_id FROM flags f JOIN flag_evidence e USING (flag_id) WHERE e.line IS NOT NULL AND e.load_id IS NOT NULL ORDER BY 1 LIMIT 1`,
    );
    const flag = (await get(ctx.app, central, `/api/flags/${withEvidence.flag_id}`)).json();
    expect(flag.evidence.length).toBeGreaterThan(0);
    const e = flag.evidence[0];
    expect(e).toMatchObject({
      dataset: expect.any(String),
      record_id: expect.any(String),
      file: expect.any(String),
      line: expect.any(Number),
    });
    const rec = await get(ctx.app, central, `/api/records/${e.dataset}/${e.load_id}/${e.line}`);
    expect(rec.statusCode).toBe(200);
    expect(rec.json().row._line).toBe(e.line);
  });
  it("answers 404 to a provincial account for another province's flag", async () => {
    const [other] = await ctx.db.all<{ flag_id: string }>(
      `SELECT f.flag_id FROM flags f JOIN regions r USING (region_code) WHERE r.province_code <> $1 LIMIT 1`,
      [ctx.province],
    );
    expect((await get(ctx.app, prov, `/api/flags/${other.flag_id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/records/:dataset/:load_id/:line', () => {
  it("answers 404 to a provincial account for another province's row and 400 for an unknown dataset", async () => {
    const [row] = await ctx.db.all<{ _load_id: number; _line: number }>(
      `SELECT _load_id, _line FROM annual_reports WHERE substr(region_code, 1, 2) || '0000' <> $1 LIMIT 1`,
      [ctx.province],
    );
    expect((await get(ctx.app, central, `/api/records/annual_reports/${row._load_id}/${row._line}`)).statusCode).toBe(
      200,
    );
    expect((await get(ctx.app, prov, `/api/records/annual_reports/${row._load_id}/${row._line}`)).statusCode).toBe(404);
    expect((await get(ctx.app, central, `/api/records/users/1/1`)).statusCode).toBe(400);
  });
  it('serves rows of a dataset without regions (national benchmarks) to every account', async () => {
    const [row] = await ctx.db.all<{ _load_id: number; _line: number }>(
      'SELECT _load_id, _line FROM national_benchmarks LIMIT 1',
    );
    const res = await get(ctx.app, prov, `/api/records/national_benchmarks/${row._load_id}/${row._line}`);
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('GET /api/spotchecks and /api/spotchecks/findings', () => {
  it('lists draws (none yet) and findings linked to draws', async () => {
    expect(await rowsOf(central, '/api/spotchecks')).toEqual([]);
    expect((await rowsOf(central, '/api/spotchecks/findings')).length).toBeGreaterThan(0);
  });
  it('scopes findings to the provincial account', () =>
    expectScoped('/api/spotchecks/findings', 'province_code', true));
  it('sends the same findings as Arrow', () => expectArrowEqualsJson('/api/spotchecks/findings'));
});

describe('GET /api/watchlist', () => {
  it('lists entries with ground, kind and status', async () => {
    const rows = await rowsOf(central, '/api/watchlist');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toHaveProperty('status');
  });
  it('gives a provincial account only its province', async () => {
    for (const r of await rowsOf(prov, '/api/watchlist')) expect(r.province_code).toBe(ctx.province);
  });
  it('sends the same rows as Arrow', () => expectArrowEqualsJson('/api/watchlist'));
});

describe('GET /api/watchlist/:id', () => {
  it('returns evidence and history; 404 for a provincial account outside its province', async () => {
    const [entry] = await ctx.db.all<{ entry_id: string; province_code: string }>(
      'SELECT w.entry_id, r.province_code FROM watchlist_entries w JOIN regions r USING (region_code) ORDER BY 1 LIMIT 1',
    );
    const doc = (await get(ctx.app, central, `/api/watchlist/${entry.entry_id}`)).json();
    expect(doc.history.length).toBeGreaterThan(0);
    expect(doc.evidence).toBeDefined();
    const provRes = await get(ctx.app, prov, `/api/watchlist/${entry.entry_id}`);
    expect(provRes.statusCode).toBe(entry.province_code === ctx.province ? 200 : 404);
  });
  it('opens the source row of every record behind a data-driven entry, by its load and line, and it is that record', async () => {
    const entries = await ctx.db.all<{ entry_id: string }>(
      "SELECT entry_id FROM watchlist_entries WHERE origin = 'refresh' ORDER BY 1",
    );
    let opened = 0;
    for (const { entry_id } of entries) {
      const doc = (await get(ctx.app, central, `/api/watchlist/${entry_id}`)).json();
      for (const e of doc.evidence as Array<{ dataset: string; record_id: string; load_id: number; line: number }>) {
        expect(e.load_id, `${entry_id} ${e.dataset} ${e.record_id}`).toEqual(expect.any(Number));
        const res = await get(ctx.app, central, `/api/records/${e.dataset}/${e.load_id}/${e.line}`);
        expect(res.statusCode, `${e.dataset} ${e.record_id}`).toBe(200);
        const row = res.json().row as Record<string, unknown>;
        // the record id is the dataset's key (an incident's event id; a finding's region|year|indicator)
        const key =
          e.dataset === 'incidents' ? String(row.event_id) : `${row.region_code}|${row.year}|${row.indicator_no}`;
        if (e.dataset === 'incidents' || e.dataset === 'spotcheck_findings') expect(key).toBe(e.record_id);
        opened++;
      }
    }
    expect(opened).toBeGreaterThan(0);
  });
});

describe('GET /api/data/*', () => {
  it('lists loads newest first', async () => {
    const rows = await rowsOf(central, '/api/data/loads');
    expect(Number(rows[0].load_id)).toBeGreaterThan(Number(rows[rows.length - 1].load_id));
  });
  it('lists rejects with file, dataset, line and reason code for central users and none for a provincial account', async () => {
    const rows = await rowsOf(central, '/api/data/rejects');
    expect(rows[0]).toMatchObject({
      file: expect.any(String),
      dataset: expect.any(String),
      line: expect.any(Number),
      code: expect.any(String),
    });
    expect(rows[0]).not.toHaveProperty('reason');
    // the reason is worded from the code by the vocabulary, in either language
    expect(renderReject(rows[0] as { code: string }, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    expect(await rowsOf(prov, '/api/data/rejects')).toEqual([]);
    const one = await rowsOf(central, `/api/data/rejects?load=${rows[0].load_id}`);
    for (const r of one) expect(r.load_id).toBe(rows[0].load_id);
  });
  it("gives freshness per dataset, and missing reports only of the provincial account's regions", async () => {
    const rows = await rowsOf(central, '/api/data/freshness');
    expect(rows.filter((r) => r.kind === 'dataset').length).toBeGreaterThan(5);
    for (const r of (await rowsOf(prov, '/api/data/freshness')).filter((x) => x.kind === 'missing_report')) {
      expect(String(r.region_code).slice(0, 2)).toBe(ctx.province.slice(0, 2));
    }
  });
  it('sends the same loads as Arrow', () => expectArrowEqualsJson('/api/data/loads'));
  it('lists for a provincial account only the loads that brought rows of its regions, with its own counts and no file totals or messages', async () => {
    const all = await rowsOf(central, '/api/data/loads?limit=5000');
    const mine = await rowsOf(prov, '/api/data/loads?limit=5000');
    const expected = await ctx.db.all<{ load_id: number; n: number }>(
      "SELECT _load_id AS load_id, count(*) AS n FROM enforcement_decisions_history WHERE substr(region_code, 1, 2) || '0000' = $1 GROUP BY 1",
      [ctx.province],
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    for (const e of expected) expect(mine.find((r) => r.load_id === e.load_id)?.loaded).toBe(e.n);
    for (const r of mine) {
      expect(r.message).toBeNull();
      expect(r.records).toBeNull();
      expect(r.rejected).toBeNull();
      expect(r.dataset).not.toBe('national_benchmarks');
    }
    const otherFiles = all
      .map((r) => String(r.file_name))
      .filter((f) => /_\d{2}0000\./.test(f) && !f.includes(ctx.province));
    expect(otherFiles.length).toBeGreaterThan(0);
    for (const f of otherFiles) expect(mine.map((r) => r.file_name)).not.toContain(f);
  });
  it('gives a provincial account freshness over its own rows only', async () => {
    const rows = (await rowsOf(prov, '/api/data/freshness')).filter((r) => r.kind === 'dataset');
    const central_ = (await rowsOf(central, '/api/data/freshness')).filter((r) => r.kind === 'dataset');
    const [{ n }] = await ctx.db.all<{ n: number }>(
      "SELECT count(*) AS n FROM enforcement_decisions WHERE substr(region_code, 1, 2) || '0000' = $1",
      [ctx.province],
    );
    expect(rows.find((r) => r.dataset === 'enforcement_decisions')?.rows).toBe(n);
    expect(Number(central_.find((r) => r.dataset === 'enforcement_decisions')?.rows)).toBeGreaterThan(n);
    expect(rows.map((r) => r.dataset)).not.toContain('national_benchmarks');
  });
});

describe('/docs', () => {
  it('serves OpenAPI JSON listing every route', async () => {
    const doc = (await get(ctx.app, central, '/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const expected = [
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'GET /api/health',
      'GET /api/meta',
      'GET /api/overview',
      'GET /api/jobs',
      'GET /api/indicators/{metric}',
      'GET /api/indicators/{metric}/trend',
      'GET /api/regions',
      'GET /api/regions/{code}',
      'GET /api/flags',
      'GET /api/flags/{id}',
      'GET /api/records/{dataset}/{load_id}/{line}',
      'GET /api/spotchecks',
      'GET /api/spotchecks/findings',
      'GET /api/spotchecks/{id}',
      'POST /api/spotchecks/freeze',
      'POST /api/spotchecks/{id}/draw',
      'POST /api/spotchecks/{id}/commit',
      'POST /api/spotchecks/{id}/verify',
      'GET /api/watchlist',
      'GET /api/watchlist/{id}',
      'POST /api/watchlist/{id}/status',
      'POST /api/watchlist',
      'GET /api/data/loads',
      'GET /api/data/rejects',
      'GET /api/data/freshness',
      'POST /api/upload',
      'POST /api/refresh',
      'POST /api/jobs/{id}/run',
      'POST /api/jobs/runs/{run_id}/ack',
      'GET /api/exports',
      'POST /api/exports',
      'GET /api/exports/{quarter}/{file}',
    ];
    for (const route of expected) expect(listed, route).toContain(route);
  });
  it('serves the Swagger UI page to a logged-in user and nothing without a session', async () => {
    expect((await ctx.app.inject({ url: '/docs/' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/docs/json' })).statusCode).toBe(401);
    const res = await get(ctx.app, prov, '/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });
});

describe('non-API paths', () => {
  it('serve a page saying to build the dashboard when there is no build; unknown /api paths are JSON 404', async () => {
    const page = await ctx.app.inject({ url: '/regions/110101' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/npm run build/);
    const api = await get(ctx.app, central, '/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route_not_found');
  });
});
