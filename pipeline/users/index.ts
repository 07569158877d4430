// Accounts and sessions of the server. Roles: admin (manages users), central (all regions; may draw, change
// watchlist status, upload), provincial (read-only, its own province). Every change writes an audit entry in the
// same transaction. Sessions: a random 32-byte id goes in the cookie; only its sha256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import { CodedError, type ErrorCode, type Params, renderError, type SESSION_ENDED } from '../vocabulary/index.ts';
import { dummyHash, hashPassword, randomPassword, verifyPassword } from './password.ts';
import { checkPassword, WeakPasswordError } from './password-policy.ts';

export { hashPassword, verifyPassword, randomPassword } from './password.ts';
export { checkPassword, WeakPasswordError } from './password-policy.ts';

export const ROLES = ['admin', 'central', 'provincial'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  username: string;
  role: Role;
  province_code: string | null;
}

export interface UserRow extends User {
  disabled: boolean;
  created_at: string;
  last_login_at: string | null;
  sessions: number;
}

export interface SessionUser extends User {
  csrf_token: string;
  /** the password was set by someone else (generated at creation, a reset or the first start): choose one's own */
  must_change_password: boolean;
}

/** A refused account change: a vocabulary code (user.*) and its parameters, worded in the reader's language. */
export class UserError extends CodedError {
  override name = 'UserError';
  constructor(code: ErrorCode, params: Params = {}) {
    super(code, params);
    // For logs and callers that print the error itself: Chinese (the office's language), then English.
    this.message = `${renderError(code, params, 'zh')}（${renderError(code, params, 'en')}）`;
  }
}

/** Session lifetime: 12 hours (a working day), then log in again. */
export const SESSION_HOURS = 12;

export function checkUserInput(input: { username: string; role: string; province_code?: string | null }): void {
  if (!/^[A-Za-z0-9_.-]{2,40}$/.test(input.username))
    throw new UserError('user.bad_username', { username: input.username });
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new UserError('user.bad_role', { role: input.role, allowed: [...ROLES] });
  if (input.role === 'provincial') {
    if (!input.province_code || !/^\d{2}0000$/.test(input.province_code)) throw new UserError('user.province_required');
  } else if (input.province_code) {
    throw new UserError('user.province_not_allowed', { role: input.role });
  }
}

/** Creates an account; returns the password (generated when none is given, so it can be shown once). */
export async function addUser(
  db: Database,
  input: { username: string; role: string; province_code?: string | null; password?: string },
  actor: string,
): Promise<{ user: User; password: string; generated: boolean }> {
  checkUserInput(input);
  const generated = !input.password;
  const password = input.password || randomPassword();
  acceptablePassword(password, input.username);
  const hash = await hashPassword(password);
  const user: User = { username: input.username, role: input.role as Role, province_code: input.province_code ?? null };
  await db.transaction(async () => {
    if ((await db.allFile('users/find', { username: user.username })).length)
      throw new UserError('user.exists', { username: user.username });
    await db.runFile('users/insert', {
      username: user.username,
      role: user.role,
      province_code: user.province_code,
      password_hash: hash,
    });
    // a generated password was shown to whoever created the account: its owner is asked to choose their own
    if (generated) await db.runFile('users/set_must_change', { username: user.username, must_change: true });
    await appendAudit(db, {
      action: 'user.add',
      actor,
      subject: `user:${user.username}`,
      details: { role: user.role, province_code: user.province_code },
    });
  });
  return { user, password, generated };
}

/** The password policy (password-policy.ts) as a UserError, which the CLI and the API show as they are. */
function acceptablePassword(password: string, username: string): void {
  try {
    checkPassword(password, username);
  } catch (err) {
    if (err instanceof WeakPasswordError)
      throw new UserError('user.weak_password', { reason: { zh: err.zh, en: err.en } });
    throw err;
  }
}

/** Sets a new password (generated when none is given, to be shown once) and ends the account's sessions. */
export async function setPassword(
  db: Database,
  username: string,
  newPassword: string | undefined,
  actor: string,
): Promise<{ password: string; generated: boolean }> {
  const generated = !newPassword;
  const password = newPassword || randomPassword();
  acceptablePassword(password, username);
  const hash = await hashPassword(password);
  await db.transaction(async () => {
    if (!(await db.allFile('users/find', { username })).length) throw new UserError('user.not_found', { username });
    await db.runFile('users/set_password', { username, password_hash: hash });
    await db.runFile('users/set_must_change', { username, must_change: generated });
    await db.runFile('users/end_sessions', { username, reason: 'password_reset' });
    await appendAudit(db, { action: 'user.password', actor, subject: `user:${username}`, details: { generated } });
  });
  return { password, generated };
}

/**
 * The owner changes their own password: the current one proves it is them (the session alone could be a browser left
 * open), the new one meets the policy and differs from it. Their other sessions end; this one stays.
 */
export async function changeOwnPassword(
  db: Database,
  username: string,
  current: string,
  next: string,
  sessionId: string,
): Promise<void> {
  if (!(await authenticate(db, username, current))) throw new UserError('user.wrong_password');
  if (current === next) throw new UserError('user.same_password');
  acceptablePassword(next, username);
  const hash = await hashPassword(next);
  await db.transaction(async () => {
    await db.runFile('users/set_password', { username, password_hash: hash });
    await db.runFile('users/set_must_change', { username, must_change: false });
    await db.runFile('users/end_other_sessions', { username, session_hash: sessionHash(sessionId) });
    await appendAudit(db, {
      action: 'user.password_own',
      actor: `user:${username}`,
      subject: `user:${username}`,
      details: {},
    });
  });
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  return db.allFile<UserRow>('users/list');
}

/** Disables an account and ends its sessions. */
export async function disableUser(db: Database, username: string, actor: string): Promise<void> {
  await db.transaction(async () => {
    const [row] = await db.allFile<{ disabled: boolean }>('users/find', { username });
    if (!row) throw new UserError('user.not_found', { username });
    if (row.disabled) throw new UserError('user.already_disabled', { username });
    await db.runFile('users/disable', { username });
    await db.runFile('users/end_sessions', { username, reason: 'account_disabled' });
    await appendAudit(db, { action: 'user.disable', actor, subject: `user:${username}`, details: {} });
  });
}

/**
 * First start: with no enabled admin account (a fresh database, or one where only analysts were added with
 * `shifan users add` before the first `serve`), creates `admin` (`admin-2`, … when taken) with a random password
 * and returns it, to be shown once. Returns null when an admin exists.
 */
export async function ensureAdmin(
  db: Database,
  actor = 'system:first-start',
): Promise<{ username: string; password: string } | null> {
  const [{ n: admins }] = await db.allFile<{ n: number }>('users/count_admins');
  if (admins > 0) return null;
  const taken = new Set((await db.allFile<{ username: string }>('users/usernames')).map((r) => r.username));
  let username = 'admin';
  for (let i = 2; taken.has(username); i++) username = `admin-${i}`;
  const { password } = await addUser(db, { username, role: 'admin' }, actor);
  return { username, password };
}

/** Checks a password; returns the user (and whether someone else set the password) or null. Unknown users cost
 *  the same scrypt as known ones. */
export async function authenticate(
  db: Database,
  username: string,
  password: string,
): Promise<(User & { must_change_password: boolean }) | null> {
  const [row] = await db.allFile<User & { password_hash: string; disabled: boolean; must_change_password: boolean }>(
    'users/find',
    { username },
  );
  const ok = await verifyPassword(password, row?.password_hash ?? dummyHash());
  if (!row || !ok || row.disabled) return null;
  return {
    username: row.username,
    role: row.role,
    province_code: row.province_code,
    must_change_password: row.must_change_password === true,
  };
}

export function sessionHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Starts a session (audited as user.login); returns the cookie value and the CSRF token. */
export async function createSession(
  db: Database,
  user: User,
): Promise<{ sessionId: string; csrf_token: string; expires: Date }> {
  const sessionId = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.transaction(async () => {
    await db.runFile('users/purge_expired_sessions');
    await db.runFile('users/insert_session', {
      session_hash: sessionHash(sessionId),
      username: user.username,
      csrf_token: csrf,
      hours: SESSION_HOURS,
    });
    await db.runFile('users/touch_login', { username: user.username });
    await appendAudit(db, {
      action: 'user.login',
      actor: `user:${user.username}`,
      subject: `user:${user.username}`,
      details: {},
    });
  });
  return { sessionId, csrf_token: csrf, expires };
}

export async function sessionUser(db: Database, sessionId: string): Promise<SessionUser | null> {
  return (await db.allFile<SessionUser>('users/session_user', { session_hash: sessionHash(sessionId) }))[0] ?? null;
}

/** Why a session ended without its holder signing out (a change to the account, or expiry), so the browser holding
 *  it can say so; null when the id names no session at all (made up, signed out, or long gone). */
export type SessionEnd = keyof typeof SESSION_ENDED;
export async function sessionEnd(db: Database, sessionId: string): Promise<SessionEnd | null> {
  const [row] = await db.allFile<{ reason: SessionEnd }>('users/session_end', { session_hash: sessionHash(sessionId) });
  return row?.reason ?? null;
}

export async function endSession(db: Database, sessionId: string, username: string): Promise<void> {
  await db.transaction(async () => {
    await db.runFile('users/end_session', { session_hash: sessionHash(sessionId) });
    await appendAudit(db, {
      action: 'user.logout',
      actor: `user:${username}`,
      subject: `user:${username}`,
      details: {},
    });
  });
}
