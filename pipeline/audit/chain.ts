// The hash chain, pure: how an entry's hash is formed and how a list of stored entries is checked. The database
// side (pipeline/audit/log.ts) only reads and writes rows; everything a verifier must agree on is here.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** One stored entry, as in the audit_log table (details already parsed). */
export interface AuditEntry {
  seq: number;
  logged_at: string;
  action: string;
  actor: string;
  subject: string | null;
  details: { [key: string]: JsonValue };
  prev_hash: string;
  hash: string;
}

export type BreakKind = 'edited' | 'inserted' | 'deleted';

export interface ChainBreak {
  seq: number;
  kind: BreakKind;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** Last entry's seq and hash: publish them to pin the log so far (a later rewrite then shows). */
  head: { seq: number; hash: string } | null;
  broken: ChainBreak | null;
}

/** The hashed part of an entry: everything except the two hashes. */
export function hashedContent(
  e: Pick<AuditEntry, 'seq' | 'logged_at' | 'action' | 'actor' | 'subject' | 'details'>,
): string {
  return canonicalJson({
    seq: e.seq,
    logged_at: e.logged_at,
    action: e.action,
    actor: e.actor,
    subject: e.subject,
    details: e.details,
  });
}

export function entryHash(
  prevHash: string,
  e: Pick<AuditEntry, 'seq' | 'logged_at' | 'action' | 'actor' | 'subject' | 'details'>,
): string {
  return createHash('sha256')
    .update(prevHash + hashedContent(e), 'utf8')
    .digest('hex');
}

/**
 * Walks the entries in seq order and reports the first break. The kinds, in the order they are tested:
 * - deleted: a gap in seq; or an entry that hashes correctly only with seq + 1 (one removed, later ones
 *   renumbered); or an entry whose prev_hash matches no earlier entry (what it was chained to is gone — this
 *   is also what a predecessor rewritten together with its own hash looks like; the two cannot be told apart).
 * - inserted: a repeated or backwards seq; or an entry that hashes correctly only with seq - 1 (one slipped in
 *   before it, later ones renumbered); or an entry chained to an older entry than its predecessor (the entries
 *   between were inserted; reported at the first of them).
 * - edited: the entry's own hash does not match its content and prev_hash.
 * Entries appended at the end with correct hashes cannot be told from real ones by the chain alone; compare the
 * head with a published one (certificates carry it) or pass anchors.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  anchors: ReadonlyMap<number, string> = new Map(),
): ChainReport {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const bySeqHash = new Map<string, number>();
  const broken = firstBreak(sorted, bySeqHash, anchors);
  const last = sorted[sorted.length - 1];
  return {
    ok: broken === null,
    entries: sorted.length,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    broken,
  };
}

function firstBreak(
  sorted: readonly AuditEntry[],
  seen: Map<string, number>,
  anchors: ReadonlyMap<number, string>,
): ChainBreak | null {
  let expected = 1;
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.seq > expected) {
      return {
        seq: expected,
        kind: 'deleted',
        message: `entries ${expected}..${e.seq - 1} are missing (seq jumps from ${expected - 1} to ${e.seq})`,
      };
    }
    if (e.seq < expected)
      return { seq: e.seq, kind: 'inserted', message: `seq ${e.seq} appears again after seq ${expected - 1}` };
    if (entryHash(e.prev_hash, e) !== e.hash) {
      if (entryHash(e.prev_hash, { ...e, seq: e.seq - 1 }) === e.hash) {
        return {
          seq: e.seq - 1,
          kind: 'inserted',
          message: `entry ${e.seq} was hashed as seq ${e.seq - 1}: an entry was inserted at seq ${e.seq - 1} and the later ones renumbered`,
        };
      }
      if (entryHash(e.prev_hash, { ...e, seq: e.seq + 1 }) === e.hash) {
        return {
          seq: e.seq,
          kind: 'deleted',
          message: `entry ${e.seq} was hashed as seq ${e.seq + 1}: the original entry ${e.seq} was removed and the later ones renumbered`,
        };
      }
      return {
        seq: e.seq,
        kind: 'edited',
        message: `entry ${e.seq} (${e.action}) does not match its hash: its content or hash was changed`,
      };
    }
    if (e.prev_hash !== prevHash) {
      const olderSeq = seen.get(e.prev_hash);
      if (olderSeq !== undefined) {
        return {
          seq: olderSeq + 1,
          kind: 'inserted',
          message: `entry ${e.seq} is chained to entry ${olderSeq}: entries ${olderSeq + 1}..${e.seq - 1} were inserted`,
        };
      }
      return {
        seq: e.seq,
        kind: 'deleted',
        message: `entry ${e.seq} is chained to a hash no stored entry has: the entry before it was removed (or entry ${e.seq - 1} was rewritten with a new hash)`,
      };
    }
    const anchored = anchors.get(e.seq);
    if (anchored !== undefined && anchored !== e.hash) {
      return {
        seq: e.seq,
        kind: 'edited',
        message: `entry ${e.seq} has hash ${e.hash}, but the published anchor says ${anchored}: the log was rewritten from here or earlier`,
      };
    }
    seen.set(e.hash, e.seq);
    prevHash = e.hash;
    expected = e.seq + 1;
  }
  for (const seq of anchors.keys()) {
    if (seq >= expected)
      return {
        seq,
        kind: 'deleted',
        message: `the published anchor names entry ${seq}, but the log ends at seq ${expected - 1}`,
      };
  }
  return null;
}
