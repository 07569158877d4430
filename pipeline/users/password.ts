// Password hashing: scrypt (node:crypto) with a random 16-byte salt per user, compared in constant time.
// Stored as scrypt$N$r$p$salt_hex$hash_hex so the cost can be raised later without breaking old hashes.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost for new hashes in production: 2^14, about 70 ms of one core per hash on the machines we run on. */
export const PASSWORD_COST = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;
let cost = PASSWORD_COST;

/**
 * Lowers (or restores) the cost of hashes made from now on in this process. Only the test suite calls it
 * (tests/support/password-cost.ts), which hashes and checks some 400 passwords a run; nothing in the product does,
 * and no option or variable reaches it. A stored hash carries its own cost, so checking one reads that, whatever
 * the current setting.
 */
export function setPasswordCost(n: number): void {
  if (!Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0)
    throw new RangeError(`scrypt cost must be a power of 2, got ${n}`);
  cost = n;
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEYLEN, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N: cost, r: R, p: P });
  return ['scrypt', cost, R, P, salt.toString('hex'), key.toString('hex')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltHex, hashHex] = parts;
  const expected = Buffer.from(hashHex, 'hex');
  const key = await scrypt(password, Buffer.from(saltHex, 'hex'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A generated password: 18 random bytes in base64url (24 characters). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** A hash to compare against when the user does not exist, so timing does not tell which usernames exist. */
export function dummyHash(): string {
  return `scrypt$${cost}$${R}$${P}$${'00'.repeat(16)}$${'00'.repeat(KEYLEN)}`;
}
