// Every function of the dashboard's API module asks for a route the server has: each is called with sample
// arguments against a stubbed fetch, and the method and path it requests (or the link it builds) must match a route
// of the generated route list (pipeline/docs/api-shapes.ts ROUTES, which tests/api/contract.test.ts holds to what the
// server registers). A new API function must be added to the calls below, or this test fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, setCsrfToken } from '../../dashboard/src/api/index.ts';
import { ROUTES } from '../../pipeline/docs/api-shapes.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

/** A route as a pattern over method and path: `GET /api/flags/:id` matches `GET /api/flags/abc123`. */
const patterns = ROUTES.map(([route]) => {
  const [method, path] = route.split(' ');
  return { route, method, re: new RegExp(`^${path.replace(/:\w+/g, '[^/?]+')}(\\?.*)?$`) };
});
const routeOf = (method: string, url: string) =>
  patterns.find((p) => p.method === method && p.re.test(url))?.route ?? `no route for ${method} ${url}`;

const file = () => new File(['a,b\n1,2\n'], 'x.csv', { type: 'text/csv' });

/** Every function of `api` with sample arguments. */
const CALLS: Record<keyof typeof api, () => unknown> = {
  login: () => api.login('u', 'p'),
  session: () => api.session(),
  logout: () => api.logout(),
  changePassword: () => api.changePassword('old password', 'new password'),
  meta: () => api.meta(),
  figures: () => api.figures(),
  overview: () => api.overview(2025),
  indicator: () => api.indicator('litigation.loss_rate', 2025),
  indicatorTrend: () => api.indicatorTrend('litigation.loss_rate'),
  regions: () => api.regions(2025, { all: true }),
  region: () => api.region('110101', 2025),
  flags: () => api.flags({ region: '110101' }),
  flagPage: () => api.flagPage({ severity: 'high', limit: 10, offset: 0 }),
  triage: () => api.triage('abc123', 'dismissed', 'reason'),
  risk: () => api.risk(2025),
  flag: () => api.flag('abc123'),
  record: () => api.record('enforcement_decisions', 3, 12),
  spotchecks: () => api.spotchecks(),
  spotcheck: () => api.spotcheck(7),
  freeze: () => api.freeze({ year: 2025 }),
  draw: () => api.draw(7, { seed: '31415926535897932384', proportion: '10%' }),
  verify: () => api.verify(7),
  commit: () => api.commit(7),
  findings: () => api.findings(2025),
  spotcheckFileUrl: () => api.spotcheckFileUrl(7, 'pool-2025.txt'),
  watchlist: () => api.watchlist(),
  watch: () => api.watch('abc123'),
  setWatchStatus: () => api.setWatchStatus('abc123', 'cleared', 'note'),
  addWatch: () => api.addWatch({ region_code: '110101', reason: 'a reason' }),
  watchlistOf: () => api.watchlistOf('110101'),
  users: () => api.users(),
  addUser: () => api.addUser({ username: 'ab', role: 'central' }),
  disableUser: () => api.disableUser('ab'),
  enableUser: () => api.enableUser('ab'),
  resetPassword: () => api.resetPassword('ab'),
  setProvince: () => api.setProvince('ab', '110000'),
  inspectors: () => api.inspectors(2025),
  importInspectors: () => api.importInspectors('inspector_id\n', 'i.csv'),
  updateInspector: () => api.updateInspector('I1', { active: false }),
  loads: () => api.loads(),
  rejects: () => api.rejects(3),
  freshness: () => api.freshness(),
  disclosureReports: () => api.disclosureReports({ year: 2025, balanced: false }),
  jobs: () => api.jobs(),
  runJob: () => api.runJob('nightly_refresh'),
  ackRun: () => api.ackRun(4),
  exports: () => api.exports(),
  createExport: () => api.createExport('2025Q3'),
  exportFileUrl: () => api.exportFileUrl('2025Q3', 'manifest.json'),
  templateUrl: () => api.templateUrl('litigation_cases.xlsx'),
  upload: () => api.upload(file(), 'regions'),
  checkUpload: () => api.checkUpload(file(), 'regions'),
};

describe('the API module', () => {
  it('asks only for routes the server has, with every one of its functions', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        asked.push(routeOf(init?.method ?? 'GET', url));
        return new Response('[]', { headers: { 'content-type': 'application/json' } });
      }),
    );
    const links: string[] = [];
    for (const [name, call] of Object.entries(CALLS)) {
      const before = asked.length;
      const result = await call();
      if (typeof result === 'string') links.push(routeOf('GET', result));
      else expect(asked.length, `${name} made one request`).toBe(before + 1);
    }
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(api).sort());
    for (const route of [...asked, ...links]) expect(route).not.toMatch(/^no route/);
    expect(links).toEqual([
      'GET /api/spotchecks/:id/files/:name',
      'GET /api/exports/:quarter/:file',
      'GET /api/templates/:file',
    ]);
  });
});
