// Accounts: scrypt hashes with per-user salts, role and province rules, the first-start admin, disabling, sessions
// stored hashed with an expiry, audit entries for every change; and the `shifan users` command.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipeline/db/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { TEST_PASSWORD_COST } from '../support/password-cost.ts';
import { dummyHash, PASSWORD_COST, setPasswordCost } from '../../pipeline/users/password.ts';
import {
  addUser,
  authenticate,
  checkPassword,
  createSession,
  disableUser,
  endSession,
  ensureAdmin,
  hashPassword,
  listUsers,
  randomPassword,
  sessionHash,
  sessionUser,
  setPassword,
  verifyPassword,
} from '../../pipeline/users/index.ts';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

const audit = (action: string) =>
  db.all<{ actor: string; subject: string }>('SELECT actor, subject FROM audit_log WHERE action = $1 ORDER BY seq', [
    action,
  ]);

describe('password hashing', () => {
  it("hashes at the product's cost, 2^14, and checks a hash at the cost it records", async () => {
    expect(PASSWORD_COST).toBe(16384);
    setPasswordCost(PASSWORD_COST);
    let h: string;
    try {
      h = await hashPassword('a long passphrase');
    } finally {
      setPasswordCost(TEST_PASSWORD_COST); // the suite's own (tests/support/password-cost.ts)
    }
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(await verifyPassword('a long passphrase', h)).toBe(true);
    expect(await verifyPassword('a long passphrasE', h)).toBe(false);
    const low = await hashPassword('a long passphrase');
    expect(low).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('a long passphrase', low)).toBe(true);
  });
  it('checks an unknown user against a hash of the same cost as a real one, so the time taken tells nothing', async () => {
    const costOf = (hash: string) => hash.split('$').slice(1, 4).join('$');
    for (const cost of [PASSWORD_COST, TEST_PASSWORD_COST]) {
      setPasswordCost(cost);
      try {
        expect(costOf(dummyHash())).toBe(costOf(await hashPassword('any password at all')));
      } finally {
        setPasswordCost(TEST_PASSWORD_COST);
      }
    }
  });
  it('takes only a power of two as the cost', () => {
    for (const n of [0, 1, 1000, 16383.5, -16384]) expect(() => setPasswordCost(n)).toThrow(RangeError);
  });
  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});

describe('addUser', () => {
  it('creates an account with a generated password when none is given, audited', async () => {
    const added = await addUser(db, { username: 'ana', role: 'central' }, 'cli:test');
    expect(added.generated).toBe(true);
    expect(added.password.length).toBeGreaterThanOrEqual(20);
    expect(await authenticate(db, 'ana', added.password)).toEqual({
      username: 'ana',
      role: 'central',
      province_code: null,
      // the generated password was shown to whoever made the account: its owner is asked to choose their own
      must_change_password: true,
    });
    expect(await audit('user.add')).toEqual([{ actor: 'cli:test', subject: 'user:ana' }]);
  });
  it('needs a province for a provincial account and refuses one for the others', async () => {
    await expect(addUser(db, { username: 'pr', role: 'provincial' }, 't')).rejects.toThrow(/--province/);
    await expect(addUser(db, { username: 'pr', role: 'provincial', province_code: '441900' }, 't')).rejects.toThrow(
      /ending 0000/,
    );
    await expect(addUser(db, { username: 'ce', role: 'central', province_code: '440000' }, 't')).rejects.toThrow(
      /only provincial/,
    );
    expect(
      (
        await addUser(
          db,
          { username: 'gd', role: 'provincial', province_code: '440000', password: 'guangdong-pass' },
          't',
        )
      ).user.province_code,
    ).toBe('440000');
  });
  it('refuses an unknown role, a duplicate name and a short password', async () => {
    await expect(addUser(db, { username: 'xx', role: 'root' }, 't')).rejects.toThrow(/role must be/);
    await addUser(db, { username: 'dup', role: 'central' }, 't');
    await expect(addUser(db, { username: 'dup', role: 'central' }, 't')).rejects.toThrow(/already exists/);
    await expect(addUser(db, { username: 'short', role: 'central', password: 'abc' }, 't')).rejects.toThrow(
      /10 characters/,
    );
  });
});

describe('password policy', () => {
  it('refuses common, repetitive and sequential passwords with a Chinese message saying why', async () => {
    const cases: Array<[string, RegExp]> = [
      ['aaaaaaaaaa', /只用了 1 种不同的字符/],
      ['1234567890', /最常用的密码/],
      ['password12', /常用密码/],
      ['qwertyuiop', /最常用的密码|键盘/],
      ['abcdefghijk', /连续序列|很容易被猜中/],
      ['abcabcabcabc', /只用了 3 种不同的字符/],
      ['short', /至少需要 10 个字符/],
    ];
    for (const [password, why] of cases) {
      await expect(addUser(db, { username: 'weak', role: 'central', password }, 't'), password).rejects.toThrow(why);
    }
    expect(await listUsers(db)).toEqual([]);
  });
  it('refuses a password built on the username', () => {
    expect(() => checkPassword('zhangwei2024', 'zhangwei2024')).toThrow(/用户名/);
  });
  it('accepts a passphrase of unrelated words and every generated password', async () => {
    expect(() => checkPassword('correct-horse-battery', 'ana')).not.toThrow();
    for (let i = 0; i < 20; i++) expect(() => checkPassword(randomPassword())).not.toThrow();
    const admin = await ensureAdmin(db);
    expect(() => checkPassword(admin!.password, admin!.username)).not.toThrow();
  });
  it('applies to a password reset, which ends the sessions and is audited', async () => {
    const { user, password } = await addUser(db, { username: 'reset', role: 'central' }, 't');
    const s = await createSession(db, user);
    await expect(setPassword(db, 'reset', 'password12', 't')).rejects.toThrow(/常用密码/);
    expect(await authenticate(db, 'reset', password)).not.toBeNull();
    await setPassword(db, 'reset', 'violet-harbour-lantern', 'cli:test');
    expect(await authenticate(db, 'reset', password)).toBeNull();
    expect(await authenticate(db, 'reset', 'violet-harbour-lantern')).not.toBeNull();
    expect(await sessionUser(db, s.sessionId)).toBeNull();
    expect(await audit('user.password')).toEqual([{ actor: 'cli:test', subject: 'user:reset' }]);
    await expect(setPassword(db, 'nobody', 'violet-harbour-lantern', 't')).rejects.toThrow(/no user/);
  });
});

describe('ensureAdmin', () => {
  it('creates admin with a random password on first start, and nothing the second time', async () => {
    const first = await ensureAdmin(db);
    expect(first?.username).toBe('admin');
    expect(await authenticate(db, 'admin', first!.password)).toMatchObject({ role: 'admin' });
    expect(await ensureAdmin(db)).toBeNull();
  });
  it('creates an admin when only analysts exist', async () => {
    await addUser(db, { username: 'admin', role: 'central' }, 't');
    expect((await ensureAdmin(db))?.username).toBe('admin-2');
  });
});

describe('disableUser', () => {
  it('refuses the account afterwards and ends its sessions, audited', async () => {
    const { user, password } = await addUser(db, { username: 'leaver', role: 'central' }, 't');
    const s = await createSession(db, user);
    await disableUser(db, 'leaver', 'cli:test');
    expect(await authenticate(db, 'leaver', password)).toBeNull();
    expect(await sessionUser(db, s.sessionId)).toBeNull();
    expect((await listUsers(db)).find((u) => u.username === 'leaver')?.disabled).toBe(true);
    expect((await audit('user.disable'))[0]).toEqual({ actor: 'cli:test', subject: 'user:leaver' });
    await expect(disableUser(db, 'nobody', 't')).rejects.toThrow(/no user/);
  });
});

describe('sessions', () => {
  it('store the sha256 of the id, carry a CSRF token, expire, and end on logout', async () => {
    const { user } = await addUser(db, { username: 'sess', role: 'central' }, 't');
    const s = await createSession(db, user);
    expect(await db.one('SELECT 1 FROM sessions WHERE session_hash = $1', [sessionHash(s.sessionId)])).toBeDefined();
    expect(await db.one('SELECT 1 FROM sessions WHERE session_hash = $1', [s.sessionId])).toBeUndefined();
    expect((await sessionUser(db, s.sessionId))?.csrf_token).toBe(s.csrf_token);
    await db.run('UPDATE sessions SET expires_at = current_localtimestamp() - INTERVAL 1 MINUTE');
    expect(await sessionUser(db, s.sessionId)).toBeNull();
    const t = await createSession(db, user);
    await endSession(db, t.sessionId, 'sess');
    expect(await sessionUser(db, t.sessionId)).toBeNull();
    expect((await audit('user.logout')).length).toBe(1);
  });
});

describe('shifan users', () => {
  /** `shifan --db PATH ARGS` in this process (tests/cli/run-cli.ts): its stdout, or an error when it fails. */
  const cli = async (dbPath: string, args: string[], input?: string) => {
    const run = await runCli(['--db', dbPath, ...args], {}, input);
    if (run.code !== 0) throw new Error(`shifan ${args.join(' ')} exited with ${run.code}: ${run.stderr}`);
    return run.stdout;
  };

  it('adds (generated or stdin password), lists, resets a password and disables accounts', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shifan-users-')), 'u.duckdb');
    expect(await cli(path, ['users', 'add', 'ana', '--role', 'central'])).toMatch(/password \(shown once\): \S{24}/);
    expect(
      await cli(
        path,
        ['users', 'add', 'gd', '--role', 'provincial', '--province', '440000', '--password-stdin'],
        'guangdong-password\n',
      ),
    ).not.toMatch(/password/);
    const list = JSON.parse(await cli(path, ['--json', 'users', 'list']));
    expect(
      list.map((u: { username: string; role: string; province_code: string | null }) => [
        u.username,
        u.role,
        u.province_code,
      ]),
    ).toEqual([
      ['ana', 'central', null],
      ['gd', 'provincial', '440000'],
    ]);
    expect(await cli(path, ['users', 'password', 'gd', '--password-stdin'], 'marble-kettle-orchard\n')).toMatch(
      /new password set for gd/,
    );
    expect(await cli(path, ['users', 'disable', 'gd'])).toMatch(/disabled gd/);
    const check = await Database.open(path);
    expect(await authenticate(check, 'gd', 'marble-kettle-orchard')).toBeNull();
    check.close();
  }, 180_000);

  it('exits with status 2 and a message for a provincial account without a province', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shifan-users-')), 'u.duckdb');
    const run = await runCli(['--db', path, 'users', 'add', 'pr', '--role', 'provincial']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--province/);
  });
});
