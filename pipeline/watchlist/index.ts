// The revocation watchlist (摘牌退出, section 四(三)): list entries, move their status with a note, add an analyst's
// ground-4 entry. Refresh adds the data-driven entries (pipeline/indicators/refresh.ts, sql/watchlist/). Every
// status change is a watchlist_history row and an audit_log entry written in the same transaction.
import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';

export { TRANSITIONS, MANUAL_GROUNDS, type WatchStatus, type ManualGround } from './statuses.ts';
import type { WatchStatus } from './statuses.ts';
import { MANUAL_GROUNDS, TRANSITIONS } from './statuses.ts';

export const STATUS_ZH: Record<WatchStatus, string> = {
  flagged: '已列入',
  needs_review: '待核查',
  under_review: '核查中',
  cleared: '已排除',
  revoked: '已摘牌',
};

export const GROUND_ZH: Record<number, string> = {
  1: '(一) 严重违法行政行为或不作为乱作为',
  2: '(二) 虚假材料等不正当手段',
  3: '(三) 回访抽查证实不再符合指标体系',
  4: '(四) 其他情形',
};

/** How an entry is shown: its ground, or why it is listed without being one. */
export function basisZh(e: { is_ground: boolean; ground: number | null; kind: string }): string {
  if (e.is_ground && e.ground !== null) return `依据${GROUND_ZH[e.ground]}`;
  if (e.kind === 'spotcheck_unlinked') return '抽查结果未关联已提交的抽查：待核查，暂不构成摘牌依据';
  if (e.kind === 'concealment_signal') return '命名前发生的事件：可能隐瞒事实真相（第二项），待核查，不构成摘牌依据';
  return '诚信信号：待核查，不构成摘牌依据';
}

export interface WatchEntry {
  entry_id: string;
  region_code: string;
  region_name: string | null;
  year: number | null;
  ground: number | null;
  kind: string;
  is_ground: boolean;
  summary_zh: string;
  evidence: unknown;
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

export class WatchlistError extends Error {
  override name = 'WatchlistError';
}

export async function listWatchlist(
  db: Database,
  filter: { region?: string; status?: string } = {},
): Promise<WatchEntry[]> {
  const rows = await db.allFile<Omit<WatchEntry, 'history' | 'evidence'> & { evidence: string }>('watchlist/list', {
    region: filter.region ?? null,
    status: filter.status ?? null,
  });
  const history = await db.allFile<WatchEntry['history'][number] & { entry_id: string }>('watchlist/history', {
    entry_id: null,
  });
  return rows.map((r) => ({
    ...r,
    evidence: parseJson(r.evidence),
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
  if (!who.note?.trim()) throw new WatchlistError('a status change needs a note saying why');
  return db.transaction(async () => {
    const entry = (await listWatchlist(db)).find((e) => e.entry_id === entryId || e.entry_id.startsWith(entryId));
    if (!entry) throw new WatchlistError(`no watchlist entry ${entryId}`);
    if (!(to in TRANSITIONS))
      throw new WatchlistError(`unknown status ${to}; one of ${Object.keys(TRANSITIONS).join(', ')}`);
    if (!TRANSITIONS[entry.status].includes(to)) {
      throw new WatchlistError(
        `entry ${entry.entry_id.slice(0, 12)} is ${entry.status}; it can move to ${TRANSITIONS[entry.status].join(' or ') || 'nothing'}, not ${to}`,
      );
    }
    if (to === 'revoked' && !entry.is_ground) {
      throw new WatchlistError(
        `a ${entry.kind} entry is never a ground for revocation by itself: record the ground (a false-materials incident, a committed spot-check draw, or "watchlist add" with a reason) and revoke that`,
      );
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
        reason: `${entry.summary_zh}｜${who.note}`,
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
  if (!/^\d{6}$/.test(input.region)) throw new WatchlistError(`region must be a 6-digit code, got ${input.region}`);
  if (!input.reason?.trim()) throw new WatchlistError('an "other" ground needs a reason');
  const sourceKey = `analyst:${input.reference ?? new Date().toISOString()}`;
  const entryId = createHash('md5').update(['other', input.region, sourceKey].join('|')).digest('hex');
  return db.transaction(async () => {
    await db.runFile('watchlist/add_other', {
      entry_id: entryId,
      region_code: input.region,
      year: input.year ?? null,
      summary_zh: `其他情形：${input.reason}`,
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

/** Evidence of a hand entry: the reason, and each attached flag with the source records behind it. */
export interface ManualEvidence {
  reason: string;
  entered_by: string;
  flags: Array<{ flag_id: string; rule_id: string; year: number; severity: string; message_zh: string }>;
  records: Array<{
    dataset: string;
    record_id: string | null;
    file_name: string | null;
    line: number | null;
    load_id: number | null;
    flag_id: string;
  }>;
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
  if (!/^\d{6}$/.test(input.region)) throw new WatchlistError(`region must be a 6-digit code, got ${input.region}`);
  if (!(MANUAL_GROUNDS as readonly number[]).includes(input.ground)) {
    throw new WatchlistError(
      `ground ${input.ground} cannot be entered by hand: use 1, 2 or 4 (ground 3 comes from a committed spot-check draw)`,
    );
  }
  if (!input.reason?.trim()) throw new WatchlistError('a watchlist entry needs a reason');
  const flagIds = [...new Set(input.flagIds ?? [])];
  const sourceKey = `analyst:${input.reference ?? new Date().toISOString()}`;
  const kind = input.ground === 4 ? 'other' : 'analyst';
  const entryId = createHash('md5').update([kind, input.region, sourceKey].join('|')).digest('hex');
  const label = GROUND_ZH[input.ground]!.replace(/^\([一二三四]\)\s*/, '');
  return db.transaction(async () => {
    const flags =
      flagIds.length === 0
        ? []
        : await db.allFile<ManualEvidence['flags'][number] & { records: ManualEvidence['records'] }>(
            'watchlist/flags_as_evidence',
            { region_code: input.region, flag_ids: JSON.stringify(flagIds) },
          );
    const missing = flagIds.filter((id) => !flags.some((f) => f.flag_id === id));
    if (missing.length > 0)
      throw new WatchlistError(`flag(s) ${missing.join(', ')} are not flags of region ${input.region}`);
    const evidence: ManualEvidence = {
      reason: input.reason,
      entered_by: input.by,
      flags: flags.map(({ records: _r, ...f }) => f),
      records: flags.flatMap((f) => f.records.map((r) => ({ ...r, flag_id: f.flag_id }))),
    };
    await db.runFile('watchlist/add_manual', {
      entry_id: entryId,
      region_code: input.region,
      year: input.year ?? null,
      ground: input.ground,
      kind,
      summary_zh: `${label}：${input.reason}`,
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
