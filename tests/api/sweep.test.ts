// The route sweep: every operation of the OpenAPI document (plus the docs themselves) × every kind of caller ×
// many spellings of its path, each with the status it must get; no anonymous answer with data, no provincial body
// naming another province's region; then every query and path parameter with out-of-range values, which must be
// a 400 (or 404) in the one error shape, never a 500. The expected statuses are written out here, independently of
// the code under test, and an operation the table does not know fails the sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCertificate, importInspectors } from '../../pipeline/spotcheck/index.ts';
import { addUser } from '../../pipeline/users/index.ts';
import { writeDemoRound } from '../../pipeline/naming/demo-round.ts';
import { closeApp, demoApp, login, post, type Ctx, PASSWORD, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

const ROLES = ['anonymous', 'provincial_other', 'provincial_own', 'central', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Expect = Record<Role, number>;

const NOT_FOUND_BODY = JSON.stringify({ error: { code: 'route_not_found', params: {}, message: '没有这个接口' } });

/** Any logged-in caller gets `ok`. */
const anyUser = (ok: number): Expect => ({
  anonymous: 401,
  provincial_other: ok,
  provincial_own: ok,
  central: ok,
  admin: ok,
});
/** An object of the own province: the other province's account gets the answer a missing object gets. */
const scoped = (ok: number): Expect => ({
  anonymous: 401,
  provincial_other: 404,
  provincial_own: ok,
  central: ok,
  admin: ok,
});
/** A state change probed with a broken JSON body: refused by role before the body is read, else the body is a 400. */
const centralChange: Expect = { anonymous: 401, provincial_other: 403, provincial_own: 403, central: 400, admin: 403 };
const adminChange: Expect = { anonymous: 401, provincial_other: 403, provincial_own: 403, central: 403, admin: 400 };
/** Inspectors are kept by the central office and admin. */
const keeperChange: Expect = { anonymous: 401, provincial_other: 403, provincial_own: 403, central: 400, admin: 400 };
const everybody = (status: number): Expect => ({
  anonymous: status,
  provincial_other: status,
  provincial_own: status,
  central: status,
  admin: status,
});

/** Expected status per operation (method and OpenAPI path) and caller. */
const EXPECTED: Record<string, Expect> = {
  'POST /api/auth/login': everybody(400),
  'POST /api/auth/logout': anyUser(400),
  'POST /api/auth/password': anyUser(400),
  'GET /api/auth/me': anyUser(200),
  'GET /api/auth/session': everybody(200),
  'GET /api/health': everybody(200),
  'GET /api/meta': anyUser(200),
  'GET /api/overview': anyUser(200),
  'GET /api/indicators/{metric}': anyUser(200),
  'GET /api/indicators/{metric}/trend': anyUser(200),
  'GET /api/regions': anyUser(200),
  'GET /api/regions/{code}': scoped(200),
  'GET /api/flags': anyUser(200),
  'GET /api/flags/{id}': scoped(200),
  'GET /api/records/{dataset}/{load_id}/{line}': scoped(200),
  'GET /api/spotchecks': anyUser(200),
  'GET /api/spotchecks/findings': anyUser(200),
  'GET /api/spotchecks/{id}': anyUser(200),
  'POST /api/spotchecks/freeze': centralChange,
  'POST /api/spotchecks/{id}/draw': centralChange,
  'POST /api/spotchecks/{id}/commit': centralChange,
  'POST /api/spotchecks/{id}/verify': centralChange,
  'GET /api/watchlist': anyUser(200),
  'POST /api/watchlist': centralChange,
  'GET /api/watchlist/{id}': scoped(200),
  'POST /api/watchlist/{id}/status': centralChange,
  'GET /api/data/loads': anyUser(200),
  'GET /api/data/rejects': anyUser(200),
  'GET /api/data/freshness': anyUser(200),
  'POST /api/upload': centralChange,
  'POST /api/upload/check': centralChange,
  // fill-in templates hold no data: any signed-in user
  'GET /api/templates/{file}': anyUser(200),
  'POST /api/refresh': centralChange,
  'GET /api/jobs': anyUser(200),
  'POST /api/jobs/{id}/run': centralChange,
  'POST /api/jobs/runs/{run_id}/ack': centralChange,
  'GET /api/exports': { anonymous: 401, provincial_other: 403, provincial_own: 403, central: 200, admin: 200 },
  'POST /api/exports': centralChange,
  'GET /api/exports/{quarter}/{file}': {
    anonymous: 401,
    provincial_other: 403,
    provincial_own: 403,
    central: 404,
    admin: 404,
  },
  'GET /api/spotchecks/{id}/files/{name}': {
    anonymous: 401,
    provincial_other: 403,
    provincial_own: 403,
    central: 200,
    admin: 200,
  },
  'POST /api/flags/{id}/triage': centralChange,
  'GET /api/risk': anyUser(200),
  'GET /api/figures': anyUser(200),
  'GET /api/disclosure-reports': anyUser(200),
  'GET /api/users': { anonymous: 401, provincial_other: 403, provincial_own: 403, central: 403, admin: 200 },
  'POST /api/users': adminChange,
  'POST /api/users/{username}/disable': adminChange,
  'POST /api/users/{username}/enable': adminChange,
  'POST /api/users/{username}/password': adminChange,
  'POST /api/users/{username}/province': adminChange,
  'GET /api/inspectors': { anonymous: 401, provincial_other: 403, provincial_own: 403, central: 200, admin: 200 },
  'POST /api/inspectors/import': keeperChange,
  'POST /api/inspectors/{id}': keeperChange,
  'GET /api/naming/rounds': anyUser(200),
  'POST /api/naming/rounds': centralChange,
  'GET /api/naming/rounds/{round}': anyUser(200),
  'GET /api/naming/rounds/{round}/applicants': anyUser(200),
  'GET /api/naming/rounds/{round}/contradictions': anyUser(200),
  'GET /api/naming/rounds/{round}/ranking': anyUser(200),
  'GET /api/naming/rounds/{round}/field-check': anyUser(200),
  'POST /api/naming/rounds/{round}/field-check': centralChange,
  'GET /api/naming/rounds/{round}/candidates': anyUser(200),
  'POST /api/naming/rounds/{round}/candidates': centralChange,
  'POST /api/naming/rounds/{round}/notice': centralChange,
  'POST /api/naming/rounds/{round}/decisions': centralChange,
  'GET /api/naming/rounds/{round}/reports': anyUser(200),
  'POST /api/naming/rounds/{round}/export': centralChange,
  // which files a round's export has: like the files themselves, the central office's and admin's
  'GET /api/naming/rounds/{round}/export': {
    anonymous: 401,
    provincial_other: 403,
    provincial_own: 403,
    central: 200,
    admin: 200,
  },
  // no export written in the sweep: the central office and admin reach the route and find no file
  'GET /api/naming/rounds/{round}/export/{file}': {
    anonymous: 401,
    provincial_other: 403,
    provincial_own: 403,
    central: 404,
    admin: 404,
  },
  // not in the OpenAPI document, but served: the document itself and its UI
  'GET /docs/json': anyUser(200),
};
/** Operations that answer without a session. */
const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/auth/session', 'GET /api/health']);

type Spelling = { name: string; url: string; sameRoute: boolean };

/** The path spelled many ways. Spellings the router decodes to the same route must get the same answer; the
 *  others match no route and get the one 404 body, whoever asks, or reach a parameter route that refuses them. */
function spellings(path: string, staticSegments: Set<number>): Spelling[] {
  const segments = path.split('/').slice(1);
  const join = (segs: string[]) => `/${segs.join('/')}`;
  const out: Spelling[] = [{ name: 'as is', url: path, sameRoute: true }];
  // The router decodes a whole segment before it matches, so one encoded letter stands for any: the first and the
  // last letter of each segment (the ends are where a prefix or suffix match would slip), not every letter, which
  // took four times the requests for the same code path.
  segments.forEach((seg, i) => {
    const letters = [...seg].flatMap((ch, j) => (/[A-Za-z]/.test(ch) ? [j] : []));
    const ends = new Set([letters[0], letters[letters.length - 1]]);
    [...seg].forEach((ch, j) => {
      if (!ends.has(j)) return;
      const encoded = `${seg.slice(0, j)}%${ch.charCodeAt(0).toString(16).padStart(2, '0')}${seg.slice(j + 1)}`;
      out.push({
        name: `percent-encoded letter ${j + 1} of segment ${i + 1}`,
        url: join(segments.map((s, k) => (k === i ? encoded : s))),
        sameRoute: true,
      });
    });
  });
  const lastStatic = Math.max(...staticSegments);
  out.push({ name: 'upper case', url: path.toUpperCase(), sameRoute: false });
  out.push({ name: '//', url: join([segments[0], '', ...segments.slice(1)]), sameRoute: false });
  // light-my-request resolves dot segments as a URL parser does, so /./ reaches the same route
  out.push({ name: '/./', url: join([segments[0], '.', ...segments.slice(1)]), sameRoute: true });
  out.push({ name: 'trailing /', url: `${path}/`, sameRoute: false });
  out.push({ name: ';x', url: join(segments.map((s, k) => (k === lastStatic ? `${s};x` : s))), sameRoute: false });
  out.push({
    name: '%2f',
    url: `/${segments.slice(0, lastStatic).join('/')}%2f${segments.slice(lastStatic).join('/')}`,
    sameRoute: false,
  });
  return out;
}

let ctx: Ctx;
const sessions: Partial<Record<Role, Session>> = {};
let otherProvince: string;
/** values for the path parameters: objects of the provincial_own account's province */
const fixtures: Record<string, string> = {};
/** region and province codes outside each provincial account's province */
const foreign: Record<'provincial_own' | 'provincial_other', Set<string>> = {
  provincial_own: new Set(),
  provincial_other: new Set(),
};

beforeAll(async () => {
  ctx = await demoApp();
  [{ province_code: otherProvince }] = await ctx.db.all<{ province_code: string }>(
    'SELECT province_code FROM regions WHERE region_code = $1',
    [ctx.otherRegion],
  );
  await addUser(
    ctx.db,
    { username: 'prov-other', role: 'provincial', province_code: otherProvince, password: PASSWORD },
    'test',
  );
  sessions.central = await login(ctx.app, 'central');
  sessions.admin = await login(ctx.app, 'boss');
  sessions.provincial_own = await login(ctx.app, 'prov');
  sessions.provincial_other = await login(ctx.app, 'prov-other');
  const central = sessions.central;

  // objects to reach: a watchlist entry of the own province, and a committed draw that selects regions of many provinces
  const entry = await post(ctx.app, central, '/api/watchlist', {
    region_code: ctx.ownRegion,
    reason: 'route sweep fixture',
  });
  expect(entry.statusCode, entry.body).toBe(200);
  const provinces = ['110000', '310000', '650000', '540000'];
  const inspectors = [
    'inspector_id,name,home_province_code,load_cap,active',
    ...Array.from({ length: 40 }, (_, i) => `I${i},督察员${i},${provinces[i % 4]},10,true`),
  ];
  writeFileSync(join(ctx.dir, 'inspectors.csv'), `${inspectors.join('\n')}\n`);
  await importInspectors(ctx.db, join(ctx.dir, 'inspectors.csv'), 'test');
  const frozen = await post(ctx.app, central, '/api/spotchecks/freeze', { year: 2025, strata: 'province' });
  expect(frozen.statusCode, frozen.body).toBe(200);
  const drawn = await post(ctx.app, central, `/api/spotchecks/${frozen.json().draw_id}/draw`, {
    seed: '31415926535897932384',
    proportion: '0.5',
  });
  expect(drawn.statusCode, drawn.body).toBe(200);
  expect((await post(ctx.app, central, `/api/spotchecks/${frozen.json().draw_id}/commit`)).statusCode).toBe(200);
  // the demo's naming round, so that its routes answer with applicants of many provinces
  await writeDemoRound(ctx.db, { seed: 1, outDir: ctx.dir });

  const [flag] = await ctx.db.all<{ flag_id: string }>(
    'SELECT f.flag_id FROM flags AS f JOIN regions AS r USING (region_code) WHERE r.province_code = $1 ORDER BY 1 LIMIT 1',
    [ctx.province],
  );
  const [row] = await ctx.db.all<{ load_id: number; line: number }>(
    "SELECT _load_id AS load_id, _line AS line FROM enforcement_decisions WHERE substr(region_code, 1, 2) || '0000' = $1 ORDER BY 1, 2 LIMIT 1",
    [ctx.province],
  );
  Object.assign(fixtures, {
    code: ctx.ownRegion,
    metric: 'litigation.loss_rate',
    id: flag.flag_id,
    dataset: 'enforcement_decisions',
    load_id: String(row.load_id),
    line: String(row.line),
    quarter: '2025Q3',
    file: 'manifest.json',
    run_id: '1',
    'spotchecks/{id}': String(frozen.json().draw_id),
    'watchlist/{id}': entry.json().entry_id,
    'jobs/{id}': 'nightly_refresh',
    username: 'prov',
    'inspectors/{id}': 'I1',
    round: '2026',
    'naming/{file}': 'ranking.xlsx',
    'templates/{file}': 'incidents.csv',
    // an inspector candidate list: names every province's selection, so central office and admin only
    name: Object.keys((await buildCertificate(ctx.db, frozen.json().draw_id)).files).find((f) =>
      f.startsWith('inspectors-'),
    )!,
  });
  const codes = await ctx.db.all<{ region_code: string; province_code: string }>(
    'SELECT region_code, province_code FROM regions',
  );
  // Region codes only: the provinces' own codes and names are the public list every account sees (the strata of a
  // by-province draw are labelled with them).
  for (const { region_code, province_code } of codes) {
    if (region_code.endsWith('0000')) continue;
    if (province_code !== ctx.province) foreign.provincial_own.add(region_code);
    if (province_code !== otherProvince) foreign.provincial_other.add(region_code);
  }
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

/** The concrete path of an OpenAPI path, and which of its segments are static. */
function concrete(path: string): { url: string; staticSegments: Set<number> } {
  const staticSegments = new Set<number>();
  const segs = path
    .split('/')
    .slice(1)
    .map((seg, i) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) {
        staticSegments.add(i);
        return seg;
      }
      const key = `${path.split('/')[2]}/${seg}`;
      const value = fixtures[key] ?? fixtures[m[1]];
      if (value === undefined) throw new Error(`no fixture for ${seg} in ${path}`);
      return value;
    });
  return { url: `/${segs.join('/')}`, staticSegments };
}

async function request(method: string, url: string, role: Role, fresh?: Session): Promise<LightMyRequestResponse> {
  const s = fresh ?? sessions[role];
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (method === 'GET') return ctx.app.inject({ method: 'GET', url, headers });
  if (s) headers['x-csrf-token'] = s.csrf;
  // A broken JSON body: an allowed caller gets 400 before any handler runs, so the sweep changes nothing.
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: '{"broken"',
  });
}

function operations(): Array<{ method: string; path: string }> {
  const doc = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.keys(byMethod).map((m) => ({ method: m.toUpperCase(), path })),
  );
  return [...ops, { method: 'GET', path: '/docs/json' }];
}

describe('route sweep', () => {
  it('knows every documented operation', () => {
    const documented = operations().map((o) => `${o.method} ${o.path}`);
    expect(documented.filter((o) => !(o in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((o) => !documented.includes(o))).toEqual([]);
    // the OpenAPI document marks exactly the public operations as needing no session
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const openDoc = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(openDoc.sort()).toEqual([...PUBLIC].sort());
  });

  it('answers every operation, caller and path spelling as expected, with no anonymous data and no other province in a provincial body', async () => {
    const wrong: string[] = [];
    const tally = {
      operations: 0,
      probes: 0,
      spellings: 0,
      noRoute: 0,
      otherRoute: 0,
      anonymousRefused: 0,
      anonymousData: 0,
      crossProvinceProbes: 0,
      crossProvinceLeaks: 0,
    };
    for (const op of operations()) {
      const key = `${op.method} ${op.path}`;
      const { url, staticSegments } = concrete(op.path);
      // under /docs the UI's static-file wildcard (private like every route) takes the spellings that keep the
      // prefix, so only those that reach the document itself, or no route at all, are probed there
      const variants = spellings(url, staticSegments).filter(
        (v) => !op.path.startsWith('/docs') || v.sameRoute || v.name === 'upper case',
      );
      tally.operations++;
      tally.spellings += variants.length;
      for (const role of ROLES) {
        for (const v of variants) {
          // logout would end the sweep's own session if it ever succeeded: it gets a session of its own
          const fresh =
            key === 'POST /api/auth/logout' && role !== 'anonymous'
              ? await login(
                  ctx.app,
                  { provincial_own: 'prov', provincial_other: 'prov-other', central: 'central', admin: 'boss' }[role],
                )
              : undefined;
          const res = await request(op.method, v.url, role, fresh);
          tally.probes++;
          const where = `${role} ${op.method} ${v.url} (${v.name})`;
          if (v.sameRoute) {
            if (res.statusCode !== EXPECTED[key][role])
              wrong.push(`${where}: ${res.statusCode}, expected ${EXPECTED[key][role]}: ${res.body.slice(0, 120)}`);
          } else if (res.body === NOT_FOUND_BODY && res.statusCode === 404) {
            tally.noRoute++;
          } else {
            // The spelling reached another route through one of its parameters (/api/regions/ is /api/regions/:code
            // with an empty code, /api/spotchecks/findings;x is /api/spotchecks/:id): that route's rules apply, and
            // the bad parameter must be refused there. With a broken body an allowed caller gets the body's 400.
            tally.otherRoute++;
            const refused = role === 'anonymous' ? [401] : [400, 403, 404];
            if (!refused.includes(res.statusCode))
              wrong.push(`${where}: reached another route and answered ${res.statusCode}: ${res.body.slice(0, 120)}`);
          }
          if (role === 'anonymous') {
            if (res.statusCode < 300 && !PUBLIC.has(key)) tally.anonymousData++;
            else if (!PUBLIC.has(key)) tally.anonymousRefused++;
          }
          if (role === 'provincial_own' || role === 'provincial_other') {
            tally.crossProvinceProbes++;
            const leaked = (res.body.match(/(?<!\d)\d{6}(?!\d)/g) ?? []).filter((code) => foreign[role].has(code));
            if (leaked.length) {
              tally.crossProvinceLeaks++;
              wrong.push(`${where}: names ${[...new Set(leaked)].slice(0, 5).join(', ')} outside its province`);
            }
          }
        }
      }
    }
    console.log(
      `route sweep: ${tally.operations} operations × ${ROLES.length} callers × ${tally.spellings} path spellings in all = ${tally.probes} requests ` +
        `(mangled spellings: ${tally.noRoute} the one 404, ${tally.otherRoute} refused by the parameter route they reached); ` +
        `anonymous: ${tally.anonymousRefused} refused, ${tally.anonymousData} with data; provincial: ${tally.crossProvinceProbes} requests, ${tally.crossProvinceLeaks} naming another province`,
    );
    expect(wrong).toEqual([]);
    expect(tally.anonymousData).toBe(0);
    expect(tally.crossProvinceLeaks).toBe(0);
  }, 1_200_000);
});

describe('out-of-range parameters', () => {
  /** Values no parameter of the given schema accepts. */
  function badValues(schema: { type?: string; enum?: unknown[]; pattern?: string; maxLength?: number }): string[] {
    if (schema.type === 'integer' || schema.type === 'number')
      return ['99999999999999999999', '-99999999999999999999', '1e400', '-1', '0.5', 'abc', '', '%00'];
    if (schema.type === 'boolean') return ['maybe', '2', '%00'];
    const values = ['%00', `${'x'.repeat(5000)}`, '%ff%fe', '..%2f..%2fetc%2fpasswd'];
    if (schema.enum || schema.pattern) values.push('not-a-valid-value');
    return values;
  }

  it('answers every out-of-range query or path value with a 400 or 404 in the one error shape, never a 500', async () => {
    const doc = ctx.app.swagger() as {
      paths: Record<
        string,
        Record<string, { parameters?: Array<{ in: string; name: string; schema: Record<string, unknown> }> }>
      >;
    };
    const wrong: string[] = [];
    let probes = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        if (m !== 'get') continue;
        const { url } = concrete(path);
        for (const p of op.parameters ?? []) {
          if (p.name === 'format') continue;
          for (const value of badValues(p.schema as never)) {
            let target: string;
            if (p.in === 'query') target = `${url}?${p.name}=${value}`;
            else {
              const segs = path.split('/');
              const i = segs.indexOf(`{${p.name}}`);
              const real = url.split('/');
              real[i] = value;
              target = real.join('/');
            }
            for (const role of ['central', 'admin'] as const) {
              const res = await request('GET', target, role);
              probes++;
              const shape = (() => {
                try {
                  const b = res.json();
                  return typeof b.error?.code === 'string' && typeof b.error?.message === 'string';
                } catch {
                  return false;
                }
              })();
              const allowed = p.in === 'path' ? [400, 404] : [400];
              if (!allowed.includes(res.statusCode) || !shape)
                wrong.push(`${role} ${target.slice(0, 120)}: ${res.statusCode} ${res.body.slice(0, 100)}`);
            }
          }
        }
      }
    }
    console.log(`out-of-range sweep: ${probes} requests`);
    expect(wrong).toEqual([]);
  }, 300_000);

  it('answers a login body of the wrong shape or with odd characters with 400 or 401, never a 500', async () => {
    const bodies = [
      '{}',
      '[]',
      'null',
      '"x"',
      '{"username":["a"],"password":"x"}',
      '{"username":"a","password":{"$gt":""}}',
      '{"username":"","password":""}',
      JSON.stringify({ username: 'a\u0000b', password: 'x' }),
      JSON.stringify({ username: '\ud800', password: 'x' }),
      JSON.stringify({ username: 'x'.repeat(81), password: 'x' }),
      JSON.stringify({ username: 'central', password: 'x'.repeat(201) }),
      JSON.stringify({ username: '__proto__', password: 'x' }),
      JSON.stringify({ username: 'central', password: 'x', extra: 1 }),
    ];
    for (const payload of bodies) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect([400, 401], payload.slice(0, 40)).toContain(res.statusCode);
      expect(res.json().error.code).toMatch(/^[a-z][A-Za-z_.]*$/); // a vocabulary code (bad_request, login_failed, validation.minLength …)
    }
  });
});
