// /api/auth: login (throttled per username and per client address with backoff, pipeline/users/throttle.ts),
// logout, me. A lock-out goes to the audit log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createHmac, randomBytes } from 'node:crypto';
import { appendAudit } from '../../audit/index.ts';
import { authenticate, changeOwnPassword, createSession, endSession } from '../../users/index.ts';
import { LoginThrottle, usernameKey, type ThrottleKind, type ThrottleOptions } from '../../users/throttle.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { CodedError } from '../plugins/errors.ts';
import * as S from '../schemas/auth.ts';

/** Set after a successful login: this browser has logged in as this user before (see throttle.ts). */
export const DEVICE_COOKIE = 'shifan_device';
const DEVICE_DAYS = 90;

export interface AuthRouteOptions {
  loginThrottle?: Partial<ThrottleOptions>;
}

export default async function authRoutes(fastify: FastifyInstance, opts: AuthRouteOptions) {
  // Requests and answers typed from the TypeBox schemas (schemas/auth.ts): no casts.
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const throttle = new LoginThrottle(opts.loginThrottle);
  // Signs device cookies; a new key at each start only means browsers lose their exemption until the next login.
  const deviceKey = randomBytes(32);
  const deviceToken = (username: string) => {
    const name = Buffer.from(username).toString('base64url');
    return `${name}.${createHmac('sha256', deviceKey).update(name).digest('base64url')}`;
  };
  const knownDevice = (req: FastifyRequest, username: string) => req.cookies[DEVICE_COOKIE] === deviceToken(username);

  app.post('/auth/login', { schema: S.login, config: { public: true } }, async (req, reply) => {
    const { username, password } = req.body;
    const name = usernameKey(username);
    const keys: Array<{ kind: ThrottleKind; key: string }> = [{ kind: 'address', key: req.ip }];
    if (!knownDevice(req, name)) keys.push({ kind: 'username', key: name });
    const wait = throttle.retryAfterMs(keys);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      reply.header('retry-after', String(seconds));
      throw new CodedError('login_throttled', { seconds });
    }
    const found = await authenticate(app.db, username, password);
    if (!found) {
      const locks = throttle.fail(keys);
      for (const lock of locks) {
        await app.q.write((db) =>
          appendAudit(db, {
            action: 'user.lockout',
            actor: `address:${req.ip}`,
            subject: lock.kind === 'username' ? `user:${lock.key}` : `address:${lock.key}`,
            details: {
              kind: lock.kind,
              failures: lock.failures,
              locked_seconds: Math.ceil(lock.lockMs / 1000),
              username: name,
              address: req.ip,
            },
          }),
        );
      }
      throw new CodedError('login_failed');
    }
    const { must_change_password, ...user } = found;
    throttle.succeed(name);
    const session = await app.q.write((db) => createSession(db, user));
    reply.setCookie(SESSION_COOKIE, session.sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.secureCookies,
      expires: session.expires,
    });
    reply.setCookie(DEVICE_COOKIE, deviceToken(name), {
      path: '/api/auth/login',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.secureCookies,
      maxAge: DEVICE_DAYS * 86400,
    });
    return { user, csrf_token: session.csrf_token, must_change_password };
  });

  app.post('/auth/logout', { schema: S.logout }, async (req, reply) => {
    await app.q.write((db) => endSession(db, req.sessionId!, req.user!.username));
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: app.secureCookies });
    return { ok: true };
  });

  app.get('/auth/me', { schema: S.me }, async (req) => {
    const { csrf_token, must_change_password, ...user } = req.user!;
    return {
      user: { username: user.username, role: user.role, province_code: user.province_code },
      csrf_token,
      must_change_password: must_change_password === true,
    };
  });

  // The login page's probe: a person not logged in is the normal case there, not an error (no 401 in the console);
  // the answer holds nothing but the caller's own session, or why the session its cookie names has ended.
  app.get('/auth/session', { schema: S.session, config: { public: true } }, async (req) => {
    const found = await app.sessionOf(req);
    if (!found.user) return { authenticated: false as const, ended: found.ended };
    const { username, role, province_code, csrf_token, must_change_password } = found.user;
    return {
      authenticated: true as const,
      user: { username, role, province_code },
      csrf_token,
      must_change_password: must_change_password === true,
    };
  });

  app.post('/auth/password', { schema: S.changePassword }, async (req) => {
    const { username } = req.user!;
    await app.q.write((db) => changeOwnPassword(db, username, req.body.current, req.body.password, req.sessionId!));
    return { ok: true };
  });
}
