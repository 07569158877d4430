// Flag triage: an analyst acknowledges a flag, dismisses it with a reason, or escalates it to the revocation
// watchlist (a ground-4 entry, 其他情形, citing the flag). Decisions are keyed by the flag's stable id, so they
// survive refreshes; each is a history row and an audit_log entry written in one transaction. A dismissal stores
// the flag's evidence fingerprint (macro flag_evidence_hash): when the flag's own figures or evidence count change,
// the dismissal no longer holds and the flag is back (state 'reopened') in the risk queue.
import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { CodedError } from '../vocabulary/index.ts';

export type TriageDecision = 'acknowledged' | 'dismissed' | 'escalated';
export const TRIAGE_DECISIONS: TriageDecision[] = ['acknowledged', 'dismissed', 'escalated'];
export type TriageState = TriageDecision | 'reopened';

export interface TriageRecord {
  flag_id: string;
  decision: TriageDecision;
  state: TriageState;
  reason: string | null;
  entry_id: string | null;
  decided_by: string;
  decided_at: string;
  history: Array<{
    decision: TriageDecision;
    reason: string | null;
    entry_id: string | null;
    decided_by: string;
    decided_at: string;
  }>;
}

interface FlagRow {
  flag_id: string;
  rule_id: string;
  region_code: string;
  year: number;
  detail_key: string;
  status: string;
  severity: string;
  numbers: string | null;
  evidence_hash: string;
  previous_decision: string | null;
}

/** The watchlist entry an escalation of this flag creates (stable: escalating twice does not add a second). */
export function escalationEntryId(regionCode: string, flagId: string): string {
  return createHash('md5')
    .update(['other', regionCode, `flag:${flagId}`].join('|'))
    .digest('hex');
}

export async function triageFlag(
  db: Database,
  input: { flagId: string; decision: TriageDecision; reason?: string | null; by: string },
): Promise<TriageRecord> {
  if (!TRIAGE_DECISIONS.includes(input.decision))
    throw new CodedError('triage.bad_decision', { decision: input.decision, allowed: TRIAGE_DECISIONS });
  const reason = input.reason?.trim() || null;
  if (input.decision !== 'acknowledged' && !reason)
    throw new CodedError('triage.reason_required', { decision: input.decision });
  if (!/^[0-9a-f]{6,32}$/.test(input.flagId)) throw new CodedError('triage.bad_flag_id', { id: input.flagId });
  return db.transaction(async () => {
    const found = await db.allFile<FlagRow>('flags/triage/flag', { flag_id: input.flagId });
    if (found.length === 0) throw new CodedError('flag_not_found', { id: input.flagId });
    if (found.length > 1) throw new CodedError('triage.ambiguous_id', { id: input.flagId });
    const flag = found[0];
    let entryId: string | null = null;
    if (input.decision === 'escalated') {
      entryId = escalationEntryId(flag.region_code, flag.flag_id);
      const [{ present }] = await db.allFile<{ present: boolean }>('flags/triage/entry_exists', { entry_id: entryId });
      if (!present) {
        await db.runFile('watchlist/add_other', {
          entry_id: entryId,
          region_code: flag.region_code,
          year: flag.year,
          // The escalated flag's rule and figures: pipeline/vocabulary words the entry in the reader's language.
          params: JSON.stringify({
            reason,
            flag_id: flag.flag_id,
            rule_id: flag.rule_id,
            detail_key: flag.detail_key,
            year: flag.year,
            numbers: flag.numbers === null ? null : JSON.parse(flag.numbers),
          }),
          evidence: JSON.stringify([{ flag_id: flag.flag_id, reason, entered_by: input.by }]),
          source_key: `flag:${flag.flag_id}`,
          by: input.by,
        });
        await db.runFile('watchlist/add_history', {
          entry_id: entryId,
          from: null,
          to: 'flagged',
          note: reason,
          by: input.by,
        });
        await appendAudit(db, {
          action: 'watchlist.add',
          actor: input.by,
          subject: `watchlist:${entryId}`,
          details: { region_code: flag.region_code, ground: 4, reason: reason ?? '', flag_id: flag.flag_id },
        });
      }
    }
    const row = {
      flag_id: flag.flag_id,
      decision: input.decision,
      reason,
      evidence_hash: flag.evidence_hash,
      entry_id: entryId,
      by: input.by,
    };
    await db.runFile('flags/triage/upsert', row);
    await db.runFile('flags/triage/history_add', row);
    await appendAudit(db, {
      action: 'flag.triage',
      actor: input.by,
      subject: `flag:${flag.flag_id}`,
      details: {
        decision: input.decision,
        previous: flag.previous_decision,
        reason,
        region_code: flag.region_code,
        year: flag.year,
        rule_id: flag.rule_id,
        detail_key: flag.detail_key,
        evidence_hash: flag.evidence_hash,
        entry_id: entryId,
      },
    });
    return (await readTriage(db, flag.flag_id))!;
  });
}

export async function readTriage(db: Database, flagId: string): Promise<TriageRecord | undefined> {
  const [row] = await db.allFile<Omit<TriageRecord, 'history'>>('flags/triage/state', { flag_id: flagId });
  if (!row) return undefined;
  return {
    ...row,
    history: await db.allFile<TriageRecord['history'][number]>('flags/triage/history', { flag_id: flagId }),
  };
}
