// /api/auth: login (rate limited per client address and username), logout, me.
import type { FastifyInstance } from 'fastify';
import { authenticate, createSession, endSession } from '../../users/index.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { CodedError } from '../plugins/errors.ts';
import * as S from '../schemas/auth.ts';

export default async function authRoutes(app: FastifyInstance, opts: { loginAttemptsPerMinute: number }) {
  app.post('/auth/login', {
    schema: S.login,
    config: {
      rateLimit: {
        max: opts.loginAttemptsPerMinute, timeWindow: '1 minute', hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: string })?.username ?? '').toLowerCase()}`,
      },
    },
  }, async (req, reply) => {
    const { username, password } = req.body as { username: string; password: string };
    const user = await authenticate(app.db, username, password);
    if (!user) throw new CodedError('login_failed');
    const session = await app.q.write((db) => createSession(db, user));
    reply.setCookie(SESSION_COOKIE, session.sessionId, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: app.secureCookies, expires: session.expires,
    });
    return { user, csrf_token: session.csrf_token };
  });

  app.post('/auth/logout', { schema: S.logout }, async (req, reply) => {
    await app.q.write((db) => endSession(db, req.sessionId!, req.user!.username));
    app.forgetSession(req.sessionId!);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: app.secureCookies });
    return { ok: true };
  });

  app.get('/auth/me', { schema: S.me }, async (req) => {
    const { csrf_token, ...user } = req.user!;
    return { user: { username: user.username, role: user.role, province_code: user.province_code }, csrf_token };
  });
}
