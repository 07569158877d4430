// Login throttling with exponential backoff, kept in the server's memory. Two kinds of key, each counted on its
// own: the username (failures from any address: one account guessed from many machines) and the client address
// (failures against any username: one password tried across many accounts). A key may fail a few times freely;
// each failure after that locks it for twice as long as the one before, up to a cap, so guessing slows to a few
// tries an hour, but no failure ever locks an account for good: the lock runs out, and a key's count is forgotten
// after a quiet period. A correct password clears its username's count; the address count only decays (otherwise
// an attacker holding one valid account could reset it between guesses). While a key is locked, attempts are
// refused before the password is checked and do not count, so a flood cannot push the lock further out.
// A browser that logged in as a user before carries a signed device cookie (plugins of the API): for that
// username it is exempt from the username lock (never from its address lock), so someone guessing from elsewhere
// cannot keep the owner out (OWASP, "Slow Down Online Guessing Attacks with Device Cookies").

export interface ThrottleOptions {
  /** failures of one username allowed before the backoff starts (default 5) */
  userFreeFailures: number;
  /** failures from one address, across usernames, allowed before the backoff starts (default 20) */
  addressFreeFailures: number;
  /** the first lock, in ms (default 1 s); each further failure doubles it */
  baseLockMs: number;
  /** the longest lock, in ms (default 15 minutes) */
  maxLockMs: number;
  /** a key with no failure for this long starts again from zero (default 1 hour) */
  forgetAfterMs: number;
  /** the clock (tests move it) */
  now: () => number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  userFreeFailures: 5,
  addressFreeFailures: 20,
  baseLockMs: 1000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  now: () => Date.now(),
};

export type ThrottleKind = 'username' | 'address';

export interface Lockout {
  kind: ThrottleKind;
  key: string;
  failures: number;
  /** how long this lock lasts, in ms */
  lockMs: number;
}

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
}

export class LoginThrottle {
  readonly options: ThrottleOptions;
  private readonly entries = new Map<string, Entry>();

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  private entry(kind: ThrottleKind, key: string): Entry | undefined {
    const id = `${kind}\u0000${key}`;
    const e = this.entries.get(id);
    if (e && this.options.now() - e.lastFailure > this.options.forgetAfterMs && e.lockedUntil <= this.options.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return e;
  }

  /** The longest remaining lock among the keys, in ms (0 = the attempt may go ahead). */
  retryAfterMs(keys: Array<{ kind: ThrottleKind; key: string }>): number {
    const now = this.options.now();
    return Math.max(0, ...keys.map(({ kind, key }) => (this.entry(kind, key)?.lockedUntil ?? 0) - now));
  }

  /** Counts a failed attempt against each key; returns the locks it started (for the audit log). */
  fail(keys: Array<{ kind: ThrottleKind; key: string }>): Lockout[] {
    const now = this.options.now();
    const locks: Lockout[] = [];
    for (const { kind, key } of keys) {
      const e = this.entry(kind, key) ?? { failures: 0, lastFailure: now, lockedUntil: 0 };
      e.failures++;
      e.lastFailure = now;
      const free = kind === 'username' ? this.options.userFreeFailures : this.options.addressFreeFailures;
      if (e.failures > free) {
        const lockMs = Math.min(
          this.options.maxLockMs,
          this.options.baseLockMs * 2 ** Math.min(30, e.failures - free - 1),
        );
        e.lockedUntil = now + lockMs;
        locks.push({ kind, key, failures: e.failures, lockMs });
      }
      this.entries.set(`${kind}\u0000${key}`, e);
    }
    this.prune(now);
    return locks;
  }

  /** A correct password: the username starts again from zero. */
  succeed(username: string): void {
    this.entries.delete(`username\u0000${username}`);
  }

  /** Keeps memory bounded under a flood of made-up usernames: forgotten entries go first. */
  private prune(now: number): void {
    if (this.entries.size < 50_000) return;
    for (const [id, e] of this.entries) {
      if (now - e.lastFailure > this.options.forgetAfterMs && e.lockedUntil <= now) this.entries.delete(id);
    }
  }
}

/** The username key: case and surrounding spaces do not make a new account to guess. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
