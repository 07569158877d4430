// /api/auth: login, logout, me; wrong passwords, rate limit, CSRF, cookie attributes, security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, closeApp, demoApp, get, login, post, type Ctx, PASSWORD } from './helper.ts';

let ctx: Ctx;
beforeAll(async () => {
  ctx = await demoApp();
}, 120_000);
afterAll(() => closeApp(ctx));

describe('POST /api/auth/login', () => {
  it('returns the user and a CSRF token and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'central', password: PASSWORD } });
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
    const { buildApp } = await import('../../pipeline/api/app.ts');
    const app = await buildApp({ db: ctx.db, secureCookies: true });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'central', password: PASSWORD } });
    expect(res.cookies[0].secure).toBe(true);
    await app.close();
  });

  it('answers 401 with a JSON error for a wrong password or an unknown user', async () => {
    for (const payload of [{ username: 'central', password: 'wrong-password' }, { username: 'nobody', password: 'x' }]) {
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

  it('answers 429 after 5 attempts in a minute for the same username, even with the right password', async () => {
    const { buildApp } = await import('../../pipeline/api/app.ts');
    const app = await buildApp({ db: ctx.db, secureCookies: false, loginAttemptsPerMinute: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'boss', password: `guess-${i}` } })).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'boss', password: PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('too_many_requests');
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'central', password: PASSWORD } });
    expect(other.statusCode).toBe(200);
    await app.close();
  });

  it('writes a user.login audit entry', async () => {
    await login(ctx.app, 'prov');
    expect((await auditOf(ctx.db, 'user.login')).some((e) => e.actor === 'user:prov')).toBe(true);
  });

  it('refuses a disabled account', async () => {
    const { addUser, disableUser } = await import('../../pipeline/users/index.ts');
    await addUser(ctx.db, { username: 'gone', role: 'central', password: PASSWORD }, 'test');
    await disableUser(ctx.db, 'gone', 'test');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gone', password: PASSWORD } });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/auth/me', () => {
  it('returns the same shape as login for a session', async () => {
    const s = await login(ctx.app, 'prov');
    const res = await get(ctx.app, s, '/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { username: 'prov', role: 'provincial', province_code: ctx.province }, csrf_token: s.csrf });
  });

  it('answers 401 without a session or with a made-up one', async () => {
    expect((await ctx.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    const res = await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: 'shifan_session=made-up' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
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
