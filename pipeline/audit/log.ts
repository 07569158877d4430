// The audit log in the database: append an entry, read the chain, verify it. Other features call appendAudit()
// inside the same transaction as the state change it records, so the change and its entry land together.
import { userInfo } from 'node:os';
import type { Database } from '../db/index.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';
import { entryHash, GENESIS_HASH, verifyChain, type AuditEntry, type ChainReport } from './chain.ts';

export interface AuditInput {
  /** dotted verb, feature first: spotcheck.freeze, spotcheck.draw, watchlist.status, user.login, ... */
  action: string;
  actor: string;
  /** what the entry is about: draw:12, region:110105, inspector:I-007 */
  subject?: string | null;
  details?: { [key: string]: JsonValue };
}

/** The actor for command-line use: the operating-system user, since the CLI has no login. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

export async function appendAudit(db: Database, input: AuditInput): Promise<AuditEntry> {
  if (!input.action || !input.actor) throw new Error('an audit entry needs an action and an actor');
  const head = await db.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  // Round-trip the details through canonical JSON so what is stored is exactly what was hashed.
  const detailsText = canonicalJson(input.details ?? {});
  const body = {
    seq: (head?.seq ?? 0) + 1,
    logged_at: new Date().toISOString(),
    action: input.action,
    actor: input.actor,
    subject: input.subject ?? null,
    details: JSON.parse(detailsText) as { [key: string]: JsonValue },
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const entry: AuditEntry = { ...body, prev_hash: prevHash, hash: entryHash(prevHash, body) };
  const inserted = await db.allFile('audit/append', { ...entry, details: detailsText });
  if (inserted.length !== 1)
    throw new Error(`the audit log moved on while entry ${entry.seq} was being written; retry`);
  return entry;
}

interface StoredRow extends Omit<AuditEntry, 'details'> {
  details: string;
}

export async function readAuditLog(
  db: Database,
  filter: { subject?: string; action?: string } = {},
): Promise<AuditEntry[]> {
  const rows = await db.allFile<StoredRow>('audit/entries', {
    subject: filter.subject ?? null,
    action: filter.action ?? null,
  });
  return rows.map((r) => ({ ...r, details: parseDetails(r) }));
}

export async function verifyAuditLog(db: Database, anchors?: ReadonlyMap<number, string>): Promise<ChainReport> {
  return verifyChain(await readAuditLog(db), anchors);
}

function parseDetails(r: StoredRow): { [key: string]: JsonValue } {
  try {
    return JSON.parse(r.details) as { [key: string]: JsonValue };
  } catch {
    // Unparseable details can only come from an edit; keep the raw text so the hash check reports it as edited.
    return { unparseable: r.details };
  }
}
