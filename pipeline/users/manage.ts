// An administrator's changes to existing accounts, from the dashboard's 账号 page: reset a password (a generated
// one, shown once; setPassword of index.ts), move a provincial account to another province, enable a disabled account again. Each ends the
// account's sessions (a reset or a new province must take effect at once) and writes its audit entry in the same
// transaction. Creating and disabling accounts are in index.ts (shared with the CLI).
import type { Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import { setPassword, UserError, type Role } from './index.ts';

interface Account {
  username: string;
  role: Role;
  province_code: string | null;
  disabled: boolean;
}

async function account(db: Database, username: string): Promise<Account> {
  const [row] = await db.allFile<Account>('users/one', { username });
  if (!row) throw new UserError('user.not_found', { username });
  return row;
}

/** Gives the account a new generated password and ends its sessions (index.ts setPassword, shared with
 *  `shifan users password`); returns the password to show once. */
export async function resetPassword(
  db: Database,
  username: string,
  actor: string,
): Promise<{ username: string; password: string }> {
  const { password } = await setPassword(db, username, undefined, actor);
  return { username, password };
}

/** Moves a provincial account to another province (6 digits ending 0000); its sessions end. */
export async function setProvince(db: Database, username: string, provinceCode: string, actor: string): Promise<void> {
  if (!/^\d{2}0000$/.test(provinceCode)) throw new UserError('user.bad_province', { province: provinceCode });
  await db.transaction(async () => {
    const row = await account(db, username);
    if (row.role !== 'provincial') throw new UserError('user.province_not_allowed', { role: row.role });
    if (row.province_code === provinceCode)
      throw new UserError('user.same_province', { username, province: provinceCode });
    await db.runFile('users/set_province', { username, province_code: provinceCode });
    await db.runFile('users/end_sessions', { username, reason: 'province_changed' });
    await appendAudit(db, {
      action: 'user.set_province',
      actor,
      subject: `user:${username}`,
      details: { from: row.province_code, to: provinceCode },
    });
  });
}

/** Enables a disabled account again (its password is unchanged). */
export async function enableUser(db: Database, username: string, actor: string): Promise<void> {
  await db.transaction(async () => {
    const row = await account(db, username);
    if (!row.disabled) throw new UserError('user.not_disabled', { username });
    await db.runFile('users/set_disabled', { username, disabled: false });
    await appendAudit(db, { action: 'user.enable', actor, subject: `user:${username}`, details: {} });
  });
}
