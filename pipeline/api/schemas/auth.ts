// Schemas of /api/auth/*, in TypeBox (see common.ts). Roles come from the vocabulary.
import { Type, type Static } from 'typebox';
import { role } from '../../vocabulary/terms.ts';
import { SESSION_ENDED } from '../../vocabulary/errors.ts';
import { ErrorBody, NStr, Nullable, Obj, oneOf, Strict } from './common.ts';

/** The roles an account can have (the vocabulary's roles but `anonymous`, which names a caller without one). */
export const ACCOUNT_ROLES = (Object.keys(role) as Array<keyof typeof role>).filter(
  (r): r is Exclude<keyof typeof role, 'anonymous'> => r !== 'anonymous',
);
export const Role = oneOf(ACCOUNT_ROLES);
export type Role = Static<typeof Role>;

export const User = Obj({ username: Type.String(), role: Role, province_code: NStr });
export type User = Static<typeof User>;
export const Session = Obj({
  user: User,
  csrf_token: Type.String(),
  must_change_password: Type.Boolean({
    description: 'the password was set by someone else (generated at creation, a reset or the first start)',
  }),
});
export type Session = Static<typeof Session>;

export const login = {
  tags: ['auth'],
  summary: 'Log in; sets the HttpOnly session cookie and returns the CSRF token',
  security: [],
  body: Strict({
    username: Type.String({ minLength: 1, maxLength: 80 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  }),
  response: { 200: Session, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
};
export const logout = {
  tags: ['auth'],
  summary: 'End the session (needs x-csrf-token)',
  response: { 200: Obj({ ok: Type.Boolean() }), 401: ErrorBody, 403: ErrorBody },
};
export const me = {
  tags: ['auth'],
  summary: 'The logged-in user and the CSRF token, or 401',
  response: { 200: Session, 401: ErrorBody },
};
/** The session probe's answer: the session as /api/auth/me gives it, or that there is none, with why it ended when the
 *  cookie names a session that a change to its account or its expiry ended (never for no cookie or an unknown id). */
export const SessionProbe = Type.Union([
  Obj({ authenticated: Type.Literal(true), ...Session.properties }),
  Obj({
    authenticated: Type.Literal(false),
    ended: Nullable(
      oneOf(Object.values(SESSION_ENDED), {
        description: "the error code a request with this session is refused with (pipeline/vocabulary's errors)",
      }),
    ),
  }),
]);
export type SessionProbe = Static<typeof SessionProbe>;
export const session = {
  tags: ['auth'],
  summary:
    "Whether the caller is logged in (public, always 200): the session as /api/auth/me gives it, or authenticated false with why the cookie's session ended, so the login page can probe without an error",
  security: [],
  response: { 200: SessionProbe },
};
export const changePassword = {
  tags: ['auth'],
  summary: "Change one's own password (the current one, then the new one); ends one's other sessions",
  body: Strict({
    current: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  }),
  response: { 200: Obj({ ok: Type.Boolean() }), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
};
