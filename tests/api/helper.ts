// Test helper: the small demo (seed 1) generated, loaded and refreshed into a temporary DuckDB (a copy of the build
// cached for this run, tests/support/demo-cache.ts), three accounts (central,
// provincial, admin), the app built on it (never listening), and login/request shortcuts around app.inject().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../pipeline/db/index.ts';
import { addUser } from '../../pipeline/users/index.ts';
import { buildApp, type AppOptions } from '../../pipeline/api/app.ts';
import { lazySchemaCompilers } from '../../pipeline/api/lazy-schemas.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { copyDemo } from '../support/demo-cache.ts';

export const PASSWORD = 'correct-horse-battery';

export interface Ctx {
  app: FastifyInstance;
  db: Database;
  dir: string;
  /** the provincial account's province: the one with the most regions */
  province: string;
  /** a region outside that province */
  otherRegion: string;
  /** a region inside it */
  ownRegion: string;
}

export async function demoApp(options: Partial<AppOptions> = {}): Promise<Ctx> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-api-'));
  await copyDemo({ seed: 1, filesDir: join(dir, 'inbox'), database: join(dir, 'api.duckdb') });
  const db = await openPreparedDatabase(join(dir, 'api.duckdb'));
  const [{ province_code: province }] = await db.all<{ province_code: string }>(
    'SELECT province_code, count(*) AS n FROM regions GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1',
  );
  const [{ region_code: ownRegion }] = await db.all<{ region_code: string }>(
    'SELECT region_code FROM regions WHERE province_code = $1 ORDER BY 1 LIMIT 1',
    [province],
  );
  const [{ region_code: otherRegion }] = await db.all<{ region_code: string }>(
    'SELECT region_code FROM regions WHERE province_code <> $1 ORDER BY 1 LIMIT 1',
    [province],
  );
  await addUser(db, { username: 'central', role: 'central', password: PASSWORD }, 'test');
  await addUser(db, { username: 'prov', role: 'provincial', province_code: province, password: PASSWORD }, 'test');
  await addUser(db, { username: 'boss', role: 'admin', password: PASSWORD }, 'test');
  const app = await buildTestApp({ db, secureCookies: false, ...options });
  await app.ready();
  return { app, db, dir, province, ownRegion, otherRegion };
}

/**
 * The app as `shifan serve` builds it: each route's schemas compiled on its first request (pipeline/api/lazy-schemas.ts),
 * about 0.5 s of CPU less per app than compiling all 130 routes' at once. That every schema compiles, and answers
 * the same either way, is tested once (tests/api/listen-first.test.ts).
 */
export function buildTestApp(options: AppOptions): Promise<FastifyInstance> {
  return buildApp({ lazySchemas: lazySchemaCompilers(), ...options });
}

export async function closeApp(ctx: Ctx | undefined): Promise<void> {
  if (!ctx) return;
  await ctx.app.close();
  ctx.db.close();
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: res.json().csrf_token };
}

export function get(
  app: FastifyInstance,
  s: Session,
  url: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { cookie: s.cookie, ...headers } });
}

export function post(
  app: FastifyInstance,
  s: Session,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as never,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
  });
}

/** Audit entries of an action, newest last. */
export async function auditOf(
  db: Database,
  action: string,
): Promise<Array<{ actor: string; subject: string | null; details: string }>> {
  return db.all('SELECT actor, subject, details FROM audit_log WHERE action = $1 ORDER BY seq', [action]);
}
