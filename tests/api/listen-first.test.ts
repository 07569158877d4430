// `shifan serve` listens before it opens the database (pipeline/api/listen-first.ts): /api/health answers at once,
// requests made during the start are held and answered by the app when it is ready (or refused with 503 when the
// start fails), and route schemas compiled on first use (lazy-schemas.ts) judge requests exactly as eager ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../pipeline/api/app.ts';
import { lazySchemaCompilers } from '../../pipeline/api/lazy-schemas.ts';
import { answerStartFailed } from '../../pipeline/cli/early-answers.ts';
import { listenFirst, STARTING_HEALTH } from '../../pipeline/api/listen-first.ts';
import { startServer } from '../../pipeline/api/server.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { addUser } from '../../pipeline/users/index.ts';

const PASSWORD = 'correct-horse-battery';
const quiet = new Writable({ write: (_c, _e, done) => done() });
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shifan-listen-first-'));
  db = await openPreparedDatabase(join(dir, 'l.duckdb'));
  await addUser(db, { username: 'central', role: 'central', password: PASSWORD }, 'test');
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (url: string, body: unknown) =>
  fetch(`${url}api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(body),
  });

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

describe('listening before the app is built', () => {
  it('answers /api/health at once, holds other requests and hands them to the app when it is ready', async () => {
    const early = await listenFirst(0, '127.0.0.1');
    const health = await fetch(`${early.url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe(STARTING_HEALTH);
    // asked before the app exists: neither answered nor refused
    const pendingLogin = login(early.url, { username: 'central', password: PASSWORD });
    const pendingBad = login(early.url, { username: 'central' });
    await until(() => early.held() === 2);
    const { app } = await startServer(db, { early, lazySchemas: true, scheduler: false, out: quiet });
    try {
      const ok = await pendingLogin;
      expect(ok.status).toBe(200);
      expect((await ok.json()).user.username).toBe('central');
      const bad = await pendingBad;
      expect(bad.status).toBe(400);
      expect(early.held()).toBe(0);
      const after = await fetch(`${early.url}api/health`, { headers: { connection: 'close' } });
      expect(await after.json()).toEqual({ ok: true });
    } finally {
      await app.close();
    }
    // the app's close closed the early server too
    await expect(fetch(`${early.url}api/health`)).rejects.toThrow();
  });

  it('answers the requests it holds with 503 when the start fails', async () => {
    const early = await listenFirst(0, '127.0.0.1');
    const pending = login(early.url, { username: 'central', password: PASSWORD });
    await until(() => early.held() === 1);
    await early.fail();
    const res = await pending;
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('start_failed');
  });

  it("answers them in the serve command's words when it gives them: the one error shape, in the asker's language", async () => {
    const early = await listenFirst(0, '127.0.0.1');
    const zh = fetch(`${early.url}api/overview`);
    const en = fetch(`${early.url}api/overview`, { headers: { 'accept-language': 'en-US' } });
    await until(() => early.held() === 2);
    await early.fail(answerStartFailed);
    const [a, b] = await Promise.all([zh, en]);
    expect(a.status).toBe(503);
    expect(await a.json()).toEqual({
      error: { code: 'start_failed', params: {}, message: '服务器启动失败，请查看运行 shifan 的终端中的错误信息' },
    });
    expect(((await b.json()) as { error: { message: string } }).error.message).toBe(
      'the server failed to start; see the error in the terminal that runs shifan',
    );
  });

  it('refuses a port that is taken at once, before any database work', async () => {
    const first = await listenFirst(0, '127.0.0.1');
    const port = Number(new URL(first.url).port);
    await expect(listenFirst(port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});

describe('route schemas compiled on first use', () => {
  it('judge requests and shape responses exactly as schemas compiled at start, and warm up to none pending', async () => {
    const lazy = lazySchemaCompilers();
    const apps = [
      await buildApp({ db, secureCookies: false }),
      await buildApp({ db, secureCookies: false, lazySchemas: lazy }),
    ];
    try {
      for (const app of apps) await app.ready();
      expect(lazy.pending()).toBeGreaterThan(20);
      const requests = [
        { method: 'POST' as const, url: '/api/auth/login', payload: { username: 'central' } },
        { method: 'POST' as const, url: '/api/auth/login', payload: { username: 'central', password: 7 } },
        {
          method: 'POST' as const,
          url: '/api/auth/login',
          payload: { username: 'central', password: 'wrong-password' },
        },
        { method: 'GET' as const, url: '/api/health' },
      ];
      for (const r of requests) {
        const [eager, onFirstUse] = await Promise.all(apps.map((app) => app.inject(r)));
        expect(onFirstUse.statusCode, `${r.method} ${r.url}`).toBe(eager.statusCode);
        expect(onFirstUse.body, `${r.method} ${r.url}`).toBe(eager.body);
      }
      const errors: unknown[] = [];
      await lazy.warmUp((err) => errors.push(err));
      expect(errors).toEqual([]);
      expect(lazy.pending()).toBe(0);
    } finally {
      for (const app of apps) await app.close();
    }
  });
});
