// Sessions and roles. Every /api/ route except login and health needs a session cookie (HttpOnly, SameSite=Strict,
// Secure unless the app is told it is served over plain http on localhost). State changes (POST/PUT/PATCH/DELETE)
// also need the session's CSRF token in the x-csrf-token header (double submit: the token is returned by login and
// /api/auth/me, bound to the session server-side). Roles are checked per route with `requireRole`.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionHash, sessionUser, type Role, type SessionUser } from '../../users/index.ts';
import { CodedError } from './errors.ts';

export const SESSION_COOKIE = 'shifan_session';
const PUBLIC = new Set(['/api/auth/login', '/api/health']);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Session lookups are cached briefly: every request needs one, and logout drops the entry at once. */
const SESSION_CACHE_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    forgetSession(sessionId: string): void;
    secureCookies: boolean;
  }
}

export interface AuthOptions {
  /** Secure cookies (default true); false only for plain-http localhost (documented in pipeline/api/README.md). */
  secureCookies?: boolean;
}

/** The province the caller is limited to: a bound parameter of every read query (NULL = every province). */
export function provinceOf(req: FastifyRequest): string | null {
  return req.user?.role === 'provincial' ? req.user.province_code : null;
}

export function requireRole(...roles: Role[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.user || !roles.includes(req.user.role)) {
      throw new CodedError('role_required', { roles, role: req.user?.role ?? 'anonymous' });
    }
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export default fp(async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  await app.register(cookie);
  const cache = new Map<string, { user: SessionUser | null; at: number }>();
  app.decorate('secureCookies', opts.secureCookies ?? true);
  app.decorate('forgetSession', (sessionId: string) => void cache.delete(sessionHash(sessionId)));
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC.has(path)) return;
    const sid = req.cookies[SESSION_COOKIE];
    if (!sid) throw new CodedError('unauthorized');
    const key = sessionHash(sid);
    let hit = cache.get(key);
    if (!hit || Date.now() - hit.at > SESSION_CACHE_MS) {
      hit = { user: await sessionUser(app.db, sid), at: Date.now() };
      cache.set(key, hit);
    }
    if (!hit.user) throw new CodedError('session_expired');
    req.user = hit.user;
    req.sessionId = sid;
    if (!SAFE.has(req.method)) {
      const token = req.headers['x-csrf-token'];
      if (typeof token !== 'string' || !sameToken(token, hit.user.csrf_token)) {
        throw new CodedError('csrf');
      }
    }
  });
}, { name: 'shifan-auth', dependencies: ['shifan-db'] });
