// The built dashboard: files served from staticDir, any other non-API GET falls back to index.html (the SPA's
// router), unknown /api paths stay JSON 404s; the files and the fallback need no session, and nothing else does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../pipeline/db/index.ts';
import { buildTestApp } from './helper.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

let db: Database;
let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'shifan-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
  db = await openPreparedDatabase(':memory:');
  app = await buildTestApp({ db, staticDir: dist, secureCookies: false });
});
afterAll(async () => {
  await app.close();
  db.close();
});

describe('the built dashboard', () => {
  it('serves index.html at / and the assets with their types', async () => {
    const index = await app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('id="root"');
    const js = await app.inject({ url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('serves the files and the fallback without a session, and keeps a route added beside them private', async () => {
    expect((await app.inject({ url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/%61ssets/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/meta' })).statusCode).toBe(401);
  });

  it('falls back to index.html for client-side routes', async () => {
    const page = await app.inject({ url: '/regions/110101?year=2024' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(page.body).toContain('id="root"');
  });

  it('never answers an /api path with the page (an unknown one is the JSON 404, session or not) and refuses non-GET fallbacks', async () => {
    const api = await app.inject({ url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route_not_found');
    expect((await app.inject({ method: 'POST', url: '/whatever' })).statusCode).toBe(404);
  });
  // last: it removes the page
  it('answers in the one error shape when the page went away since the start (the dashboard being built again)', async () => {
    rmSync(join(dist, 'index.html'));
    const r = await app.inject({ url: '/regions/110101', headers: { 'accept-language': 'en' } });
    expect(r.statusCode).toBe(500);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json()).toEqual({ error: { code: 'internal', params: {}, message: expect.any(String) } });
  });
});
