// Sessions and roles, decided on the route Fastify matched, never on the URL text: the router decodes and matches
// the path (so `/%61pi/…` is `/api/…`), and this hook reads the matched route's config. Every route is private
// (needs a session) unless it says `config: { public: true }`: login, the session probe, health, and the
// dashboard's static files and SPA fallback (marked in plugins/dashboard.ts). A request no route matched is answered by the not-found
// handler, which serves the SPA page or a 404 that says nothing about the path (plugins/dashboard.ts).
// Session cookie: HttpOnly, SameSite=Strict, Secure unless the app is told it is served over plain http on
// localhost. State changes (POST/PUT/PATCH/DELETE) also need the session's CSRF token in the x-csrf-token header
// (double submit: the token is returned by login and /api/auth/me, bound to the session server-side). Roles are
// checked per route with `requireRole`; the province limit is `provinceOf(req)`, bound into every query.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionEnd, sessionHash, sessionUser, type Role, type SessionUser } from '../../users/index.ts';
import { SESSION_ENDED, type SessionEndedCode } from '../../vocabulary/index.ts';
import { CodedError } from './errors.ts';

export const SESSION_COOKIE = 'shifan_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Session lookups are cached briefly: every request needs one, and logout drops the entry at once. */
const SESSION_CACHE_MS = 10_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** true: answers without a session (login, health, the dashboard's static files). Default: private. */
    public?: boolean;
    /** the roles that may call the route (set from its requireRole preHandler); default: any logged-in user */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** The session a request's cookie names, for a public route that reads it itself (the session probe): its user,
     *  or why it ended (null too for no cookie or an id that names no session, which tells nothing). */
    sessionOf(req: FastifyRequest): Promise<SessionLookup>;
    secureCookies: boolean;
  }
}

export type SessionLookup =
  | { user: SessionUser; sessionId: string; ended: null }
  | { user: null; sessionId: null; ended: SessionEndedCode | null };

export interface AuthOptions {
  /** Secure cookies (default true); false only for plain-http localhost (documented in pipeline/api/README.md). */
  secureCookies?: boolean;
}

/** The province the caller is limited to: a bound parameter of every read query (NULL = every province). */
export function provinceOf(req: FastifyRequest): string | null {
  return req.user?.role === 'provincial' ? req.user.province_code : null;
}

function checkRole(req: FastifyRequest, roles: readonly Role[]): void {
  if (!req.user || !roles.includes(req.user.role)) {
    throw new CodedError('role_required', { roles, role: req.user?.role ?? 'anonymous' });
  }
}

/** A route's role requirement, given as its preHandler. The auth plugin also finds it when the route is added and
 *  checks it in onRequest, right after the session: a caller without the role is refused before its body is read
 *  or validated (so a provincial account's upload is never parsed, and a refused POST always answers 403). */
export function requireRole(...roles: Role[]) {
  const check = async (req: FastifyRequest, _reply: FastifyReply) => checkRole(req, roles);
  return Object.assign(check, { [ROLES_OF]: roles });
}

const ROLES_OF = Symbol('shifan.roles');
type RoleCheck = ((req: FastifyRequest, reply: FastifyReply) => Promise<void>) & { [ROLES_OF]?: Role[] };

/** Public only when the matched route says so; a request no route matched goes to the not-found handler, which
 *  answers the same to everybody and reads nothing. */
export function isPublic(req: FastifyRequest): boolean {
  return req.is404 || req.routeOptions.config?.public === true;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export default fp(
  async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
    await app.register(cookie);
    // Live sessions by the hash of their id, each kept SESSION_CACHE_MS. Every write and job run clears it (below):
    // signing out, a password change or reset, disabling an account and a province move all write, so what they
    // end is refused on the next request, whoever made the write (a route, or the command line the server runs).
    const cache = new Map<string, { user: SessionUser; at: number }>();
    app.decorate('secureCookies', opts.secureCookies ?? true);
    const lookup = async (sid: string | undefined): Promise<SessionLookup> => {
      if (!sid) return { user: null, sessionId: null, ended: null };
      const key = sessionHash(sid);
      const hit = cache.get(key);
      let user = hit && Date.now() - hit.at <= SESSION_CACHE_MS ? hit.user : null;
      if (!user) {
        user = await sessionUser(app.db, sid);
        // Only live sessions are kept, so the cache holds no more entries than there are sessions: a cookie that
        // names none (made up by the thousand, or ended) is looked up each time instead of filling memory.
        if (user) cache.set(key, { user, at: Date.now() });
        else cache.delete(key);
      }
      if (user) return { user, sessionId: sid, ended: null };
      // asked only once a session is refused, so a live session costs no second query
      const why = await sessionEnd(app.db, sid);
      return { user: null, sessionId: null, ended: why ? SESSION_ENDED[why] : null };
    };
    app.decorate('sessionOf', (req: FastifyRequest) => lookup(req.cookies[SESSION_COOKIE]));
    app.q.onChange(() => cache.clear());
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);

    app.addHook('onRoute', (route) => {
      const handlers = ([] as unknown[]).concat(route.preHandler ?? []) as RoleCheck[];
      const roles = handlers.find((h) => typeof h === 'function' && h[ROLES_OF])?.[ROLES_OF];
      if (roles) route.config = { ...(route.config ?? {}), roles };
    });

    app.addHook('onRequest', async (req) => {
      if (isPublic(req)) return;
      const sid = req.cookies[SESSION_COOKIE];
      if (!sid) throw new CodedError('unauthorized');
      const found = await lookup(sid);
      // an id that names no session (made up, signed out) reads as expired: it says nothing about any account
      if (!found.user) throw new CodedError(found.ended ?? 'session_expired');
      req.user = found.user;
      req.sessionId = sid;
      const roles = req.routeOptions.config?.roles;
      if (roles) checkRole(req, roles);
      if (!SAFE.has(req.method)) {
        const token = req.headers['x-csrf-token'];
        if (typeof token !== 'string' || !sameToken(token, found.user.csrf_token)) {
          throw new CodedError('csrf');
        }
      }
    });
  },
  { name: 'shifan-auth', dependencies: ['shifan-db'] },
);
