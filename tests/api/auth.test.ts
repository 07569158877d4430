// /api/auth: login, logout, me; wrong passwords, login throttling (per username, per address, backoff, proxy, audit), CSRF, cookie attributes, security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  auditOf,
  buildTestApp,
  closeApp,
  demoApp,
  get,
  login,
  post,
  type Ctx,
  PASSWORD,
  type Session,
} from './helper.ts';
import { sessionHash } from '../../pipeline/users/index.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
beforeAll(async () => {
  ctx = await demoApp();
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

describe('POST /api/auth/login', () => {
  it('returns the user and a CSRF token and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'central', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({ username: 'central', role: 'central', province_code: null });
    expect(res.json().csrf_token).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'shifan_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
  });

  it('stores only the hash of the session id', async () => {
    const s = await login(ctx.app, 'central');
    const id = s.cookie.split('=')[1];
    expect(await ctx.db.one('SELECT 1 FROM sessions WHERE session_hash = $1', [id])).toBeUndefined();
  });

  it('marks the cookie Secure when the app is told it is served over https', async () => {
    const app = await buildTestApp({ db: ctx.db, secureCookies: true });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'central', password: PASSWORD },
    });
    expect(res.cookies[0].secure).toBe(true);
    await app.close();
  });

  it('answers 401 with a JSON error for a wrong password or an unknown user', async () => {
    for (const payload of [
      { username: 'central', password: 'wrong-password' },
      { username: 'nobody', password: 'x' },
    ]) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('login_failed');
      expect(res.json().error.message).toBe('用户名或密码错误，或账号已停用');
    }
  });

  it('answers 400 when a field is missing', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'central' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.required', params: { field: 'body.password' } });
  });

  it('writes a user.login audit entry', async () => {
    await login(ctx.app, 'prov');
    expect((await auditOf(ctx.db, 'user.login')).some((e) => e.actor === 'user:prov')).toBe(true);
  });

  it('refuses a disabled account', async () => {
    const { addUser, disableUser } = await import('../../pipeline/users/index.ts');
    await addUser(ctx.db, { username: 'gone', role: 'central', password: PASSWORD }, 'test');
    await disableUser(ctx.db, 'gone', 'test');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gone', password: PASSWORD },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  let clock = 0;
  const throttled = async (options: Record<string, unknown> = {}) => {
    clock = 1_000_000;
    return buildTestApp({ db: ctx.db, secureCookies: false, loginThrottle: { now: () => clock }, ...options });
  };
  const attempt = (app: FastifyInstance, username: string, password: string, from?: string, cookie?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { ...(from ? { 'x-forwarded-for': from } : {}), ...(cookie ? { cookie } : {}) },
    });

  it('locks a username guessed from many addresses, even for the right password, and lets it in again when the lock runs out', async () => {
    const app = await throttled({ trustProxy: true });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await attempt(app, 'boss', `guess-${i}`, `198.51.100.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401]);
    const locked = await attempt(app, 'BOSS', PASSWORD, '198.51.100.77');
    expect(locked.statusCode).toBe(429);
    // A coded error with the wait as a parameter, said in Chinese (the office's language) by default.
    expect(locked.json().error).toMatchObject({ code: 'login_throttled', params: { seconds: 1 } });
    expect(locked.headers['retry-after']).toBe('1');
    expect(locked.json().error.message).toBe('登录失败次数过多，已暂时锁定，请 1 秒后再试');
    expect((await attempt(app, 'central', PASSWORD, '198.51.100.1')).statusCode).toBe(200);
    clock += 1000;
    expect((await attempt(app, 'boss', PASSWORD, '198.51.100.77')).statusCode).toBe(200);
    await app.close();
  });

  it('doubles the lock with each further failure, up to the cap, never for good', async () => {
    const app = await throttled({ loginThrottle: { now: () => clock, maxLockMs: 8000 } });
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) await attempt(app, 'prov', `guess-${i}`);
    for (let i = 0; i < 5; i++) {
      const res = await attempt(app, 'prov', 'again-wrong');
      locks.push(Number(res.headers['retry-after']));
      clock += Number(res.headers['retry-after']) * 1000;
      await attempt(app, 'prov', 'still-wrong');
    }
    expect(locks).toEqual([1, 2, 4, 8, 8]);
    clock += 8000;
    expect((await attempt(app, 'prov', PASSWORD)).statusCode).toBe(200);
    await app.close();
  });

  it('locks an address that tries one password across many usernames, and not the accounts elsewhere', async () => {
    const app = await throttled({ trustProxy: true });
    for (let i = 0; i < 21; i++)
      expect((await attempt(app, `user${i}`, 'Summer2024!', '203.0.113.9')).statusCode).toBe(401);
    expect((await attempt(app, 'central', PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    expect((await attempt(app, 'central', PASSWORD, '203.0.113.10')).statusCode).toBe(200);
    await app.close();
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const app = await throttled();
    for (let i = 0; i < 21; i++) await attempt(app, `spray${i}`, 'Summer2024!', `192.0.2.${i + 1}`);
    expect((await attempt(app, 'central', PASSWORD, '192.0.2.200')).statusCode).toBe(429);
    await app.close();
  });

  it('trusts only the listed proxy address', async () => {
    const app = await throttled({ trustProxy: ['10.0.0.0/8'] });
    const viaProxy = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': '198.51.100.5' },
      payload: { username: 'central', password: PASSWORD },
    });
    expect(viaProxy.statusCode).toBe(200);
    for (let i = 0; i < 21; i++)
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '172.16.0.1',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
        payload: { username: `n${i}`, password: 'x' },
      });
    const direct = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '172.16.0.1',
      headers: { 'x-forwarded-for': '198.51.100.99' },
      payload: { username: 'central', password: PASSWORD },
    });
    expect(direct.statusCode).toBe(429);
    await app.close();
  });

  it('writes each lock-out to the audit log with the username, address and length', async () => {
    const app = await throttled({ trustProxy: true });
    const before = (await auditOf(ctx.db, 'user.lockout')).length;
    for (let i = 0; i < 6; i++) await attempt(app, 'central', `wrong-${i}`, '198.51.100.40');
    const entries = (await auditOf(ctx.db, 'user.lockout')).slice(before);
    expect(entries.length).toBe(1);
    expect(entries[0].subject).toBe('user:central');
    expect(entries[0].actor).toBe('address:198.51.100.40');
    expect(JSON.parse(entries[0].details)).toMatchObject({
      kind: 'username',
      failures: 6,
      locked_seconds: 1,
      username: 'central',
      address: '198.51.100.40',
    });
    await app.close();
  });

  it("keeps the owner's browser, which logged in before, out of a lock someone else caused", async () => {
    const app = await throttled({ trustProxy: true });
    const ok = await attempt(app, 'central', PASSWORD, '198.51.100.50');
    const device = ok.cookies.find((c) => c.name === 'shifan_device')!;
    expect(device.httpOnly).toBe(true);
    expect(device.path).toBe('/api/auth/login');
    for (let i = 0; i < 8; i++) await attempt(app, 'central', `attacker-${i}`, `203.0.113.${i + 20}`);
    expect((await attempt(app, 'central', PASSWORD, '198.51.100.60')).statusCode).toBe(429);
    expect((await attempt(app, 'central', PASSWORD, '198.51.100.60', `shifan_device=${device.value}`)).statusCode).toBe(
      200,
    );
    // the cookie is bound to its username
    expect((await attempt(app, 'boss', 'x', '198.51.100.60', `shifan_device=${device.value}`)).statusCode).toBe(401);
    await app.close();
  });
});

describe('GET /api/auth/me', () => {
  it('returns the same shape as login for a session', async () => {
    const s = await login(ctx.app, 'prov');
    const res = await get(ctx.app, s, '/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { username: 'prov', role: 'provincial', province_code: ctx.province },
      csrf_token: s.csrf,
      must_change_password: false,
    });
  });

  it('answers 401 without a session or with a made-up one', async () => {
    expect((await ctx.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    const res = await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: 'shifan_session=made-up' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });
});

describe('GET /api/auth/session', () => {
  const probe = (cookie?: string) => ctx.app.inject({ url: '/api/auth/session', headers: cookie ? { cookie } : {} });

  it('answers 200 and nothing else to a caller without a session, or with a made-up one', async () => {
    for (const res of [await probe(), await probe('shifan_session=made-up')]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ authenticated: false, ended: null });
    }
  });

  it('gives a session what /api/auth/me gives, and nothing once it is signed out', async () => {
    const s = await login(ctx.app, 'prov');
    const res = await probe(s.cookie);
    expect(res.json()).toEqual({ authenticated: true, ...(await get(ctx.app, s, '/api/auth/me')).json() });
    await post(ctx.app, s, '/api/auth/logout');
    expect((await probe(s.cookie)).json()).toEqual({ authenticated: false, ended: null });
  });

  it('says why a session ended elsewhere, with the code every other route refuses it with', async () => {
    const admin = await login(ctx.app, 'boss');
    const made = await post(ctx.app, admin, '/api/users', { username: 'ended.elsewhere', role: 'central' });
    let password = made.json().password as string;
    const ended = async (s: Session, code: string) => {
      expect((await probe(s.cookie)).json()).toEqual({ authenticated: false, ended: code });
      const refused = await get(ctx.app, s, '/api/meta');
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe(code);
    };

    const here = await login(ctx.app, 'ended.elsewhere', password);
    const there = await login(ctx.app, 'ended.elsewhere', password);
    const chosen = 'lantern-quietly-orbits-9';
    expect((await post(ctx.app, here, '/api/auth/password', { current: password, password: chosen })).statusCode).toBe(
      200,
    );
    await ended(there, 'session_ended.password_changed');
    expect((await probe(here.cookie)).json().authenticated).toBe(true);

    const reset = await post(ctx.app, admin, '/api/users/ended.elsewhere/password', {});
    password = reset.json().password;
    await ended(here, 'session_ended.password_reset');

    const last = await login(ctx.app, 'ended.elsewhere', password);
    expect((await post(ctx.app, admin, '/api/users/ended.elsewhere/disable')).statusCode).toBe(200);
    await ended(last, 'session_ended.account_disabled');

    const central = await login(ctx.app, 'central');
    await ctx.db.run(
      'UPDATE sessions SET expires_at = current_localtimestamp() - INTERVAL 1 MINUTE WHERE session_hash = $1',
      [sessionHash(/shifan_session=([^;]+)/.exec(central.cookie)![1])],
    );
    ctx.app.q.invalidate(); // a write outside the app's lane, as a job run is
    await ended(central, 'session_expired');
  });
});

describe('a session ended by a write outside the users routes', () => {
  it('is refused at once, not when its cached lookup expires (the command line run by the server)', async () => {
    const admin = await login(ctx.app, 'boss');
    const made = await post(ctx.app, admin, '/api/users', { username: 'ended.by.cli', role: 'central' });
    const s = await login(ctx.app, 'ended.by.cli', made.json().password as string);
    expect((await get(ctx.app, s, '/api/meta')).statusCode).toBe(200); // its lookup is cached now
    // what `shifan users disable ended.by.cli` does when the server hosts the command (pipeline/cli/channel-server.ts)
    const { disableUser } = await import('../../pipeline/users/index.ts');
    await ctx.app.q.write((db) => disableUser(db, 'ended.by.cli', 'cli:test'));
    const refused = await get(ctx.app, s, '/api/meta');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('session_ended.account_disabled');
    expect((await post(ctx.app, s, '/api/auth/logout')).statusCode).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the cookie no longer works, and the logout is audited', async () => {
    const s = await login(ctx.app, 'central');
    expect((await get(ctx.app, s, '/api/auth/me')).statusCode).toBe(200);
    const res = await post(ctx.app, s, '/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect((await get(ctx.app, s, '/api/auth/me')).statusCode).toBe(401);
    expect((await auditOf(ctx.db, 'user.logout')).length).toBeGreaterThan(0);
  });
});

describe('CSRF', () => {
  it('answers 403 to a state change without the x-csrf-token header or with a wrong one', async () => {
    const s = await login(ctx.app, 'central');
    const none = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf');
    const wrong = await post(ctx.app, s, '/api/auth/logout', undefined, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    expect((await get(ctx.app, s, '/api/auth/me')).statusCode).toBe(200);
  });

  it("refuses another session's token", async () => {
    const a = await login(ctx.app, 'central');
    const b = await login(ctx.app, 'central');
    const res = await post(ctx.app, a, '/api/auth/logout', undefined, { 'x-csrf-token': b.csrf });
    expect(res.statusCode).toBe(403);
  });
});

describe('access decided on the matched route', () => {
  it('refuses a percent-encoded spelling of a private path without a session, as it refuses the plain one', async () => {
    for (const url of [
      '/api/data/rejects',
      '/%61pi/data/rejects',
      '/ap%69/data/rejects',
      '/%61%70%69/data/rejects',
      '/api/d%61ta/rejects',
      '/%61pi/regions',
    ]) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
  });
  it('keeps a provincial account to its province whatever the spelling', async () => {
    const s = await login(ctx.app, 'prov');
    const regions = (await get(ctx.app, s, '/%61pi/regions')).json() as Array<{ province_code: string }>;
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(r.province_code).toBe(ctx.province);
    expect((await get(ctx.app, s, `/%61pi/regions/${ctx.otherRegion}`)).statusCode).toBe(404);
    expect((await get(ctx.app, s, '/%61pi/data/rejects')).json()).toEqual([]);
  });
  it('makes a route private unless it is marked public', async () => {
    const app = await buildTestApp({ db: ctx.db, secureCookies: false });
    app.get('/api/added-later', async () => ({ secret: 42 }));
    app.get('/anywhere/else', async () => ({ secret: 43 }));
    app.get('/api/open', { config: { public: true } }, async () => ({ open: true }));
    for (const url of ['/api/added-later', '/anywhere/else', '/%61nywhere/else'])
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    expect((await app.inject({ url: '/api/open' })).statusCode).toBe(200);
    await app.close();
  });
  it('answers an unmatched path with one 404 body that names nothing, with or without a session', async () => {
    const s = await login(ctx.app, 'central');
    const bodies = new Set<string>();
    for (const url of [
      '/api/nothing-here',
      '/api/data/rejects/',
      '/API/data/rejects',
      '/api//data/rejects',
      '/api/data/rejects;x',
      '/api%2fdata/rejects',
      '/docs%2fjson',
    ]) {
      for (const headers of [{}, { cookie: s.cookie }]) {
        const res = await ctx.app.inject({ url, headers });
        expect(res.statusCode, url).toBe(404);
        bodies.add(res.body);
      }
    }
    expect([...bodies]).toEqual(['{"error":{"code":"route_not_found","params":{},"message":"没有这个接口"}}']);
  });
  it('refuses a change by role before reading the body: a provincial upload is 403, never parsed', async () => {
    const s = await login(ctx.app, 'prov');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/refresh',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      payload: '{"broken"',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('role_required');
  });
});

describe('security headers', () => {
  it('sends CSP (self scripts, data: images), nosniff, frame and referrer headers on API and pages', async () => {
    for (const url of ['/api/health', '/', '/docs/json']) {
      const res = await ctx.app.inject({ url });
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/img-src 'self' data:/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('POST /api/auth/password', () => {
  it('asks the owner of a generated password to choose their own, and takes it: other sessions end, this one stays', async () => {
    const admin = await login(ctx.app, 'boss');
    const made = await post(ctx.app, admin, '/api/users', { username: 'fresh.analyst', role: 'central' });
    expect(made.statusCode, made.body).toBe(200);
    const given = made.json().password as string;

    const first = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fresh.analyst', password: given },
    });
    expect(first.json().must_change_password).toBe(true);
    const mine = await login(ctx.app, 'fresh.analyst', given);
    const elsewhere = await login(ctx.app, 'fresh.analyst', given);
    expect((await get(ctx.app, mine, '/api/auth/me')).json().must_change_password).toBe(true);

    const wrong = await post(ctx.app, mine, '/api/auth/password', { current: 'not-it-at-all', password: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('user.wrong_password');
    const weak = await post(ctx.app, mine, '/api/auth/password', { current: given, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('user.weak_password');

    const chosen = 'lantern-quietly-orbits-7';
    const ok = await post(ctx.app, mine, '/api/auth/password', { current: given, password: chosen });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await get(ctx.app, mine, '/api/auth/me')).json().must_change_password).toBe(false);
    expect((await get(ctx.app, elsewhere, '/api/auth/me')).statusCode).toBe(401);
    const old = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fresh.analyst', password: given },
    });
    expect(old.statusCode).toBe(401);
    await login(ctx.app, 'fresh.analyst', chosen);
    expect((await auditOf(ctx.db, 'user.password_own')).at(-1)).toMatchObject({
      actor: 'user:fresh.analyst',
      subject: 'user:fresh.analyst',
    });
  });

  it('asks again after an admin resets the password, and not for an account whose owner gave their own', async () => {
    const admin = await login(ctx.app, 'boss');
    expect((await get(ctx.app, await login(ctx.app, 'central'), '/api/auth/me')).json().must_change_password).toBe(
      false,
    );
    const reset = await post(ctx.app, admin, '/api/users/central/password', {});
    expect(reset.statusCode, reset.body).toBe(200);
    const s = await login(ctx.app, 'central', reset.json().password);
    expect((await get(ctx.app, s, '/api/auth/me')).json().must_change_password).toBe(true);
    expect(
      (await post(ctx.app, s, '/api/auth/password', { current: reset.json().password, password: PASSWORD })).statusCode,
    ).toBe(200);
  });
});
