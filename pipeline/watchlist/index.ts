// The revocation watchlist (摘牌退出, section 四(三)): list entries, move their status with a note, add an analyst's
// ground-4 entry. Refresh adds the data-driven entries (pipeline/indicators/refresh.ts, sql/watchlist/). Every
// status change is a watchlist_history row and an audit_log entry written in the same transaction.
import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { CodedError, type Params, renderWatchSummary } from '../vocabulary/index.ts';

export { TRANSITIONS, MANUAL_GROUNDS, type WatchStatus, type ManualGround } from './statuses.ts';
import type { WatchStatus } from './statuses.ts';
import { MANUAL_GROUNDS, TRANSITIONS } from './statuses.ts';
import type { FlagNumbers } from '../shapes/flag-figures.ts';
import type { WatchEvidence, WatchHandEvidence } from '../shapes/watch-evidence.ts';

export interface WatchEntry {
  entry_id: string;
  region_code: string;
  region_name: string | null;
  year: number | null;
  ground: number | null;
  kind: string;
  is_ground: boolean;
  /** The figures behind the entry's summary; pipeline/vocabulary renders it from kind and params. */
  params: unknown;
  evidence: WatchEvidence;
  origin: string;
  source_key: string;
  source_active: boolean;
  status: WatchStatus;
  status_at: string;
  status_by: string;
  history: Array<{
    from_status: string | null;
    to_status: string;
    note: string | null;
    changed_by: string;
    changed_at: string;
  }>;
}

export async function listWatchlist(
  db: Database,
  filter: { region?: string; status?: string } = {},
): Promise<WatchEntry[]> {
  const rows = await db.allFile<
    Omit<WatchEntry, 'history' | 'evidence' | 'params'> & { evidence: string; params: string | null }
  >('watchlist/list', {
    region: filter.region ?? null,
    status: filter.status ?? null,
  });
  const history = await db.allFile<WatchEntry['history'][number] & { entry_id: string }>('watchlist/history', {
    entry_id: null,
  });
  return rows.map((r) => ({
    ...r,
    evidence: JSON.parse(r.evidence) as WatchEvidence,
    params: r.params === null ? null : parseJson(r.params),
    history: history.filter((h) => h.entry_id === r.entry_id).map(({ entry_id: _e, ...h }) => h),
  }));
}

/** Moves an entry to a new status with a note; a move to revoked also records the revocation (table revocations). */
export async function setStatus(
  db: Database,
  entryId: string,
  to: WatchStatus,
  who: { by: string; note: string; on?: string },
): Promise<WatchEntry> {
  if (!who.note?.trim()) throw new CodedError('watchlist.note_required');
  return db.transaction(async () => {
    const entry = (await listWatchlist(db)).find((e) => e.entry_id === entryId || e.entry_id.startsWith(entryId));
    if (!entry) throw new CodedError('watch_entry_not_found', { id: entryId });
    if (!(to in TRANSITIONS))
      throw new CodedError('watchlist.unknown_status', { status: to, allowed: Object.keys(TRANSITIONS) });
    if (!TRANSITIONS[entry.status].includes(to)) {
      throw new CodedError('watchlist.bad_move', {
        entry: entry.entry_id.slice(0, 12),
        from: entry.status,
        to,
        allowed: TRANSITIONS[entry.status],
      });
    }
    if (to === 'revoked' && !entry.is_ground) {
      throw new CodedError('watchlist.not_a_ground', { kind: entry.kind });
    }
    await db.runFile('watchlist/set_status', { entry_id: entry.entry_id, to, by: who.by });
    await db.runFile('watchlist/add_history', {
      entry_id: entry.entry_id,
      from: entry.status,
      to,
      note: who.note,
      by: who.by,
    });
    if (to === 'revoked') {
      await db.runFile('watchlist/revoke', {
        region_code: entry.region_code,
        revoked_on: who.on ?? new Date().toISOString().slice(0, 10),
        // The revocation record is the office's document, kept in Chinese as it was decided.
        reason: `${renderWatchSummary(entry.kind, entry.params as Params, 'zh')}｜${who.note}`,
        ground: entry.ground,
        by: who.by,
      });
    }
    await appendAudit(db, {
      action: 'watchlist.status',
      actor: who.by,
      subject: `watchlist:${entry.entry_id}`,
      details: {
        region_code: entry.region_code,
        ground: entry.ground,
        kind: entry.kind,
        from: entry.status,
        to,
        note: who.note,
      },
    });
    return (await listWatchlist(db)).find((e) => e.entry_id === entry.entry_id)!;
  });
}

/** Ground 4 (其他情形): an analyst's entry with a reason; starts as flagged. */
export async function addOtherEntry(
  db: Database,
  input: { region: string; reason: string; by: string; year?: number; reference?: string },
): Promise<WatchEntry> {
  if (!/^\d{6}$/.test(input.region)) throw new CodedError('watchlist.bad_region', { region: input.region });
  if (!input.reason?.trim()) throw new CodedError('watchlist.reason_required');
  const sourceKey = `analyst:${input.reference ?? new Date().toISOString()}`;
  const entryId = createHash('md5').update(['other', input.region, sourceKey].join('|')).digest('hex');
  return db.transaction(async () => {
    await db.runFile('watchlist/add_other', {
      entry_id: entryId,
      region_code: input.region,
      year: input.year ?? null,
      params: JSON.stringify({ reason: input.reason }),
      evidence: JSON.stringify([{ reason: input.reason, entered_by: input.by }]),
      source_key: sourceKey,
      by: input.by,
    });
    await db.runFile('watchlist/add_history', {
      entry_id: entryId,
      from: null,
      to: 'flagged',
      note: input.reason,
      by: input.by,
    });
    await appendAudit(db, {
      action: 'watchlist.add',
      actor: input.by,
      subject: `watchlist:${entryId}`,
      details: { region_code: input.region, ground: 4, reason: input.reason },
    });
    return (await listWatchlist(db)).find((e) => e.entry_id === entryId)!;
  });
}

/**
 * An analyst's entry on a ground they choose (1 serious violation or inaction, 2 false materials, 4 other), with a
 * reason and, as evidence, flags of the same region (each with its source records). Starts as flagged.
 */
export async function addManualEntry(
  db: Database,
  input: {
    region: string;
    ground: number;
    reason: string;
    by: string;
    year?: number;
    flagIds?: string[];
    reference?: string;
  },
): Promise<WatchEntry> {
  if (!/^\d{6}$/.test(input.region)) throw new CodedError('watchlist.bad_region', { region: input.region });
  if (!(MANUAL_GROUNDS as readonly number[]).includes(input.ground)) {
    throw new CodedError('watchlist.manual_ground', { ground: input.ground, allowed: [...MANUAL_GROUNDS] });
  }
  if (!input.reason?.trim()) throw new CodedError('watchlist.reason_required');
  const flagIds = [...new Set(input.flagIds ?? [])];
  const sourceKey = `analyst:${input.reference ?? new Date().toISOString()}`;
  const kind = input.ground === 4 ? 'other' : 'analyst';
  const entryId = createHash('md5').update([kind, input.region, sourceKey].join('|')).digest('hex');
  return db.transaction(async () => {
    const flags =
      flagIds.length === 0
        ? []
        : await db.allFile<
            Omit<WatchHandEvidence['flags'][number], 'numbers'> & {
              numbers: string | null;
              records: Array<Omit<WatchHandEvidence['records'][number], 'flag_id'>>;
            }
          >('watchlist/flags_as_evidence', { region_code: input.region, flag_ids: JSON.stringify(flagIds) });
    const missing = flagIds.filter((id) => !flags.some((f) => f.flag_id === id));
    if (missing.length > 0)
      throw new CodedError('watchlist.flags_not_of_region', { flags: missing, region: input.region });
    const evidence: WatchHandEvidence = {
      reason: input.reason,
      entered_by: input.by,
      flags: flags.map(({ records: _r, ...f }) => ({
        ...f,
        numbers: f.numbers === null ? null : (JSON.parse(f.numbers) as FlagNumbers),
      })),
      records: flags.flatMap((f) => f.records.map((r) => ({ ...r, flag_id: f.flag_id }))),
    };
    await db.runFile('watchlist/add_manual', {
      entry_id: entryId,
      region_code: input.region,
      year: input.year ?? null,
      ground: input.ground,
      kind,
      params: JSON.stringify({ reason: input.reason, ground: input.ground }),
      evidence: JSON.stringify(evidence),
      source_key: sourceKey,
      by: input.by,
    });
    await db.runFile('watchlist/add_history', {
      entry_id: entryId,
      from: null,
      to: 'flagged',
      note: input.reason,
      by: input.by,
    });
    await appendAudit(db, {
      action: 'watchlist.add',
      actor: input.by,
      subject: `watchlist:${entryId}`,
      details: { region_code: input.region, ground: input.ground, reason: input.reason, flags: flagIds },
    });
    return (await listWatchlist(db)).find((e) => e.entry_id === entryId)!;
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
