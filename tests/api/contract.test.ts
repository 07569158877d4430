// One response contract: the route schemas (pipeline/api/schemas, TypeBox) are what the server answers. Answers
// sent from cache or as table rows skip the serializer, so a schema could promise what a query no longer gives:
// here every JSON GET route and the state changes' answers are checked against their 200 schema, for the central
// office and a provincial account; and the README's generated route list (pipeline/docs/api-shapes.ts ROUTES) is
// checked to hold exactly the routes the server registers, with the same answer fields. The fields whose shape
// varies (a watchlist entry's evidence, a flag's figures, a job run's details) are checked row by row as stored,
// every stored shape made at least once, since an answer checks only the rows it happens to hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { importInspectors } from '../../pipeline/spotcheck/index.ts';
import { writeDemoRound } from '../../pipeline/naming/demo-round.ts';
import { ROUTES } from '../../pipeline/docs/api-shapes.ts';
import { addOtherEntry } from '../../pipeline/watchlist/index.ts';
import { WatchEvidence } from '../../pipeline/api/schemas/watchlist.ts';
import { FlagNumbers } from '../../pipeline/api/schemas/flags.ts';
import { JobDetails } from '../../pipeline/api/schemas/jobs.ts';
import { closeApp, demoApp, get, login, post, type Ctx, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
let central: Session;
let admin: Session;
let provincial: Session;
/** path parameter values, by name */
const params: Record<string, string> = {};
/** answers of the state changes made while setting up, by route */
const changes: Array<[string, unknown]> = [];

/** What is wrong with an answer by its schema (the first few errors), or nothing. */
function problems(schema: unknown, body: unknown): string[] {
  return [...Value.Errors(schema as TSchema, body)].slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
}

beforeAll(async () => {
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  admin = await login(ctx.app, 'boss');
  provincial = await login(ctx.app, 'prov');
  const change = async (route: string, url: string, body?: unknown) => {
    const res = await post(ctx.app, central, url, body);
    expect(res.statusCode, `${route}: ${res.body}`).toBe(200);
    changes.push([route, res.json()]);
    return res.json();
  };
  const entry = await change('POST /api/watchlist', '/api/watchlist', {
    region_code: ctx.ownRegion,
    reason: 'response contract fixture',
  });
  const inspectors = [
    'inspector_id,name,home_province_code,load_cap,active',
    ...Array.from({ length: 20 }, (_, i) => `I${i},督察员${i},${['110000', '310000'][i % 2]},10,true`),
  ];
  writeFileSync(join(ctx.dir, 'inspectors.csv'), `${inspectors.join('\n')}\n`);
  await importInspectors(ctx.db, join(ctx.dir, 'inspectors.csv'), 'test');
  const frozen = await change('POST /api/spotchecks/freeze', '/api/spotchecks/freeze', {
    year: 2025,
    strata: 'province',
  });
  const draw = frozen.draw_id;
  await change('POST /api/spotchecks/:id/draw', `/api/spotchecks/${draw}/draw`, {
    seed: '31415926535897932384',
    proportion: '0.5',
  });
  await change('POST /api/spotchecks/:id/commit', `/api/spotchecks/${draw}/commit`);
  await change('POST /api/spotchecks/:id/verify', `/api/spotchecks/${draw}/verify`);
  await writeDemoRound(ctx.db, { seed: 1, outDir: ctx.dir });
  const [flag] = await ctx.db.all<{ flag_id: string }>(
    'SELECT f.flag_id FROM flags AS f JOIN regions AS r USING (region_code) WHERE r.province_code = $1 ORDER BY 1 LIMIT 1',
    [ctx.province],
  );
  const [row] = await ctx.db.all<{ load_id: number; line: number }>(
    "SELECT _load_id AS load_id, _line AS line FROM enforcement_decisions WHERE substr(region_code, 1, 2) || '0000' = $1 ORDER BY 1, 2 LIMIT 1",
    [ctx.province],
  );
  await change('POST /api/flags/:id/triage', `/api/flags/${flag.flag_id}/triage`, { decision: 'acknowledged' });
  Object.assign(params, {
    metric: 'litigation.loss_rate',
    code: ctx.ownRegion,
    flag: flag.flag_id,
    dataset: 'enforcement_decisions',
    load_id: String(row.load_id),
    line: String(row.line),
    draw: String(draw),
    entry: entry.entry_id,
    round: '2026',
  });
}, DEMO_TIMEOUT);

afterAll(() => closeApp(ctx));

/** A GET route's path with its parameters filled in. */
function url(route: string): string {
  const path = route.slice(route.indexOf(' ') + 1);
  const name = (p: string) =>
    p === 'id' ? (path.startsWith('/api/flags') ? 'flag' : path.startsWith('/api/spotchecks') ? 'draw' : 'entry') : p;
  return path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(params[name(p)]));
}

/** Downloads answer a file, not JSON: their schema is the file. */
const DOWNLOADS = new Set([
  'GET /api/spotchecks/:id/files/:name',
  'GET /api/exports/:quarter/:file',
  'GET /api/naming/rounds/:round/export/:file',
  'GET /api/templates/:file',
]);

/** Routes for the central office and admin only (packages and the register hold every province). */
const KEEPERS_ONLY = new Set(['GET /api/exports', 'GET /api/inspectors', 'GET /api/naming/rounds/:round/export']);

describe('the answers', () => {
  const reads = ROUTES.filter(([route]) => route.startsWith('GET ') && !DOWNLOADS.has(route));

  it.each(reads)(
    'of %s are what its schema says, for the central office and a provincial account (or admin)',
    async (route, schema) => {
      const callers =
        route === 'GET /api/users' ? [admin] : KEEPERS_ONLY.has(route) ? [central, admin] : [central, provincial];
      for (const caller of callers) {
        const res = await get(ctx.app, caller, url(route), { accept: 'application/json' });
        expect(res.statusCode, `${route}: ${res.body.slice(0, 300)}`).toBe(200);
        const body = res.json();
        expect(problems(schema.response[200], body), route).toEqual([]);
        if (Array.isArray(body) && caller === central && route !== 'GET /api/exports')
          expect(body.length, `${route} answers rows to check`).toBeGreaterThan(0);
      }
    },
  );

  it('of the state changes made on the way are what their schemas say', () => {
    expect(changes.length).toBe(6);
    for (const [route, body] of changes) {
      const [, schema] = ROUTES.find(([r]) => r === route)!;
      expect(problems(schema.response[200], body), route).toEqual([]);
    }
  });
});

describe('the generated route list', () => {
  it('holds exactly the routes the server registers, each with the answer fields the server documents', () => {
    const doc = ctx.app.swagger() as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >;
    };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(ROUTES.map(([route]) => route).sort()).toEqual(served.sort());
    const fields = (s: unknown): string[] => {
      const schema = s as { type?: string; items?: unknown; properties?: Record<string, unknown> } | undefined;
      if (!schema) return [];
      if (schema.type === 'array') return fields(schema.items);
      return Object.keys(schema.properties ?? {}).sort();
    };
    for (const [route, schema] of ROUTES) {
      const [method, path] = route.split(' ');
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')][method.toLowerCase()];
      const json = op.responses?.['200']?.content?.['application/json']?.schema;
      if (json === undefined) continue;
      expect(fields(json), route).toEqual(fields(schema.response[200]));
    }
  });
});

describe('the stored shapes behind the open fields', () => {
  beforeAll(async () => {
    // each way of making an entry: refresh made the demo's, the command line a reason, the dashboard a hand entry
    // with flags attached
    await addOtherEntry(ctx.db, { region: ctx.ownRegion, reason: 'stored shape fixture', by: 'test' });
    const flags = await ctx.db.all<{ flag_id: string }>(
      'SELECT flag_id FROM flags WHERE region_code = $1 AND evidence_count > 0 ORDER BY 1 LIMIT 2',
      [ctx.ownRegion],
    );
    expect(flags.length).toBeGreaterThan(0);
    const hand = await post(ctx.app, central, '/api/watchlist', {
      region_code: ctx.ownRegion,
      ground: 1,
      reason: 'stored shape fixture with flags',
      flag_ids: flags.map((f) => f.flag_id),
    });
    expect(hand.statusCode, hand.body).toBe(200);
    for (const job of ['calendar_check', 'draw_reminder']) {
      const run = await post(ctx.app, central, `/api/jobs/${job}/run`);
      expect(run.statusCode, run.body).toBe(200);
    }
  });

  it("every watchlist entry's evidence is one of WatchEvidence's shapes, and each shape is stored", async () => {
    const rows = await ctx.db.all<{ entry_id: string; evidence: string }>(
      'SELECT entry_id, evidence FROM watchlist_entries',
    );
    const evidence = rows.map((r) => [r.entry_id, JSON.parse(r.evidence)] as const);
    for (const [id, e] of evidence) expect(problems(WatchEvidence, e), id).toEqual([]);
    // a shape missing from the union fails above; here each listed shape is proven by a row only it describes
    for (const shape of WatchEvidence.anyOf)
      expect(
        evidence.some(([, e]) => Value.Check(shape, e) && (!Array.isArray(e) || e.length > 0)),
        JSON.stringify(shape),
      ).toBe(true);
  });

  it("every flag's numbers are FlagNumbers", async () => {
    const rows = await ctx.db.all<{ flag_id: string; numbers: string | null }>('SELECT flag_id, numbers FROM flags');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(problems(FlagNumbers, r.numbers === null ? {} : JSON.parse(r.numbers)), r.flag_id).toEqual([]);
  });

  it("every job run's details are JobDetails, with the message the page words", async () => {
    const rows = await ctx.db.all<{ run_id: number; details: string | null }>('SELECT run_id, details FROM job_runs');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      const details = r.details === null ? null : JSON.parse(r.details);
      expect(problems(JobDetails, details), String(r.run_id)).toEqual([]);
      expect(details?.message?.code, String(r.run_id)).toBeTruthy();
    }
  });
});
