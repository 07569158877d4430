// The office's steps after the evaluation: the field-check list (三(五)), the candidate list and its public notice
// (三(六)), and the decision per applicant (三(七)). Each is one transaction with its audit-log entry; a named region
// then enters the regions directory through the ordinary ingest (a file of the regions contract, source 'naming'),
// so it is owed annual reports and enters the spot-check pool like any region of its batch.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../audit/index.ts';
import { regions as regionsContract } from '../contracts/regions.ts';
import { csvText } from '../csv/safe-csv.ts';
import type { Database } from '../db/index.ts';
import { ingestFile } from '../load/index.ts';
import { describeFieldCheckRule } from './method.ts';
import { rankingInputs } from './rank-round.ts';
import { hashInputs, rankApplicants, type RankedApplicant, type RankingInputs } from './ranking.ts';
import { getRound, queryOf, RoundError, type Round } from './rounds.ts';
import { noticePeriod, type NoticePeriod } from './timetable.ts';
import type { ErrorCode } from '../vocabulary/errors.ts';
import type { Params } from '../vocabulary/types.ts';
import { NAMING_FIELDS } from '../contracts/index.ts';

export interface FieldCheckList {
  list_id: number;
  round_id: string;
  made_at: string;
  made_by: string;
  rule: RankingInputs['rule'];
  inputs_sha256: string;
  inputs: RankingInputs;
  ranking: RankedApplicant[];
  regions: string[];
}

export async function makeFieldCheckList(db: Database, roundId: string, actor: string): Promise<FieldCheckList> {
  const round = await getRound(db, roundId);
  const inputs = await rankingInputs(queryOf(db), round);
  const ranking = rankApplicants(inputs);
  if (!ranking.some((r) => r.rank !== null)) throw new RoundError('naming.not_rankable');
  const regions = ranking.filter((r) => r.field_check).map((r) => r.region_code);
  const { text, sha256 } = hashInputs(inputs);
  const listId = await db.transaction(async () => {
    const [row] = await db.allFile<{ list_id: number }>('naming/field_check_list_insert', {
      round_id: roundId,
      made_by: actor,
      rule: JSON.stringify(round.field_check_rule),
      inputs_sha256: sha256,
      inputs: text,
      ranking: JSON.stringify(ranking),
      regions: JSON.stringify(regions),
    });
    await appendAudit(db, {
      action: 'naming.field_check_list',
      actor,
      subject: `round:${roundId}`,
      details: {
        list_id: Number(row.list_id),
        rule: describeFieldCheckRule(round.field_check_rule),
        inputs_sha256: sha256,
        regions,
      },
    });
    return Number(row.list_id);
  });
  return (await fieldCheckLists(queryOf(db), roundId)).find((l) => l.list_id === listId)!;
}

type Query = (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

export async function fieldCheckLists(q: Query, roundId: string): Promise<FieldCheckList[]> {
  return (await q('naming/field_check_lists', { round: roundId })).map((r) => ({
    list_id: Number(r.list_id),
    round_id: String(r.round_id),
    made_at: String(r.made_at),
    made_by: String(r.made_by),
    rule: JSON.parse(String(r.rule)),
    inputs_sha256: String(r.inputs_sha256),
    inputs: JSON.parse(String(r.inputs)),
    ranking: JSON.parse(String(r.ranking)),
    regions: JSON.parse(String(r.regions)),
  }));
}

export interface ListVerification {
  list_id: number;
  /** The stored inputs still hash to the stored SHA-256. */
  inputs_intact: boolean;
  /** Ranking the stored inputs again gives exactly the stored list. */
  reproduces: boolean;
  /** The inputs in the database today are the ones the list was made from. */
  inputs_current: boolean;
  recomputed: string[];
}

/** Recomputes a field-check list from the inputs stored with it, and compares with today's inputs. */
export async function verifyFieldCheckList(q: Query, round: Round, listId?: number): Promise<ListVerification> {
  const lists = await fieldCheckLists(q, round.round_id);
  const list = listId === undefined ? lists[0] : lists.find((l) => l.list_id === listId);
  if (!list) throw new RoundError('naming.no_field_check_list', { round: round.round_id });
  const recomputed = rankApplicants(list.inputs)
    .filter((r) => r.field_check)
    .map((r) => r.region_code);
  const current = hashInputs(await rankingInputs(q, round));
  return {
    list_id: list.list_id,
    inputs_intact: hashInputs(list.inputs).sha256 === list.inputs_sha256,
    reproduces: JSON.stringify(recomputed) === JSON.stringify(list.regions),
    inputs_current: current.sha256 === list.inputs_sha256,
    recomputed,
  };
}

export interface FieldCheckResult {
  region_code: string;
  region_name: string;
  kind: string;
  checked: number;
  confirmed: number;
  share: number | null;
}

export async function fieldCheckResults(q: Query, roundId: string): Promise<FieldCheckResult[]> {
  return (await q('naming/field_check_results', { round: roundId })).map((r) => ({
    region_code: String(r.region_code),
    region_name: String(r.region_name),
    kind: String(r.kind),
    checked: Number(r.checked),
    confirmed: Number(r.confirmed),
    share: r.share === null ? null : Number(r.share),
  }));
}

/**
 * Puts applicants on the candidate list (三(六): "根据实地核查结果，提出示范地区候选名单"): each must be on the
 * round's latest field-check list and have field-check findings; a comprehensive applicant's confirmed share must
 * reach the bar (二(一), 90%以上, inclusive).
 */
export async function addCandidates(db: Database, roundId: string, codes: string[], actor: string): Promise<void> {
  const round = await getRound(db, roundId);
  const q = queryOf(db);
  const [list] = await fieldCheckLists(q, roundId);
  if (!list) throw new RoundError('naming.no_field_check_list', { round: roundId });
  const results = new Map((await fieldCheckResults(q, roundId)).map((r) => [r.region_code, r]));
  const problems: { code: ErrorCode; params: Params }[] = [];
  const bases = new Map<string, string>();
  const listed = new Set(
    (await q('naming/candidates', { round: roundId, province: null })).map((c) => String(c.region_code)),
  );
  for (const code of codes) {
    const r = results.get(code);
    if (listed.has(code)) problems.push({ code: 'naming.problem.listed', params: { region: code } });
    else if (!list.regions.includes(code))
      problems.push({ code: 'naming.problem.not_on_list', params: { region: code } });
    else if (!r) problems.push({ code: 'naming.problem.no_results', params: { region: code } });
    else if (r.kind === 'comprehensive' && (r.share ?? 0) < round.bar - 1e-9)
      problems.push({
        code: 'naming.problem.below_bar',
        params: { region: code, confirmed: r.confirmed, checked: r.checked, share: r.share, bar: round.bar },
      });
    else bases.set(code, `实地核查 ${r.confirmed}/${r.checked} 项达标（${pct(r.share)}），核查名单 #${list.list_id}`);
  }
  if (problems.length) throw new RoundError('naming.not_listable', { problems });
  await db.transaction(async () => {
    for (const [code, basis] of bases) {
      await db.runFile('naming/candidate_insert', { round_id: roundId, region_code: code, basis, added_by: actor });
      await appendAudit(db, {
        action: 'naming.candidate',
        actor,
        subject: `round:${roundId}`,
        details: { region_code: code, basis },
      });
    }
  });
}

/** Publishes the candidate list's notice: N working days of the round from `startsOn` (timetable.ts noticePeriod). */
export async function publishNotice(
  db: Database,
  roundId: string,
  startsOn: string,
  medium: string | null,
  actor: string,
): Promise<NoticePeriod> {
  const round = await getRound(db, roundId);
  const q = queryOf(db);
  if ((await q('naming/notice', { round: roundId })).length)
    throw new RoundError('naming.notice_published', { round: roundId });
  const candidates = await q('naming/candidates', { round: roundId, province: null });
  if (!candidates.length) throw new RoundError('naming.no_candidates');
  const period = noticePeriod(startsOn, round.notice_workdays);
  await db.transaction(async () => {
    await db.runFile('naming/notice_insert', { round_id: roundId, ...period, medium, published_by: actor });
    await appendAudit(db, {
      action: 'naming.notice',
      actor,
      subject: `round:${roundId}`,
      details: { ...period, medium, candidates: candidates.map((c) => String(c.region_code)) },
    });
  });
  return period;
}

export interface DecisionInput {
  region_code: string;
  decision: 'named' | 'not_named';
  reason: string;
  decided_on: string;
}

/**
 * The decision on one candidate (三(七): "综合公示情况，对符合要求的示范地区予以命名"): only after the notice is over
 * (decided_on after its last working day) and every objection on the candidate is handled; an upheld objection
 * allows only not_named. A named region then enters the regions directory (batch = the round's year).
 */
export async function decide(db: Database, roundId: string, input: DecisionInput, actor: string) {
  const round = await getRound(db, roundId);
  const q = queryOf(db);
  const [notice] = await q('naming/notice', { round: roundId });
  if (!notice) throw new RoundError('naming.no_notice');
  if (input.decided_on <= String(notice.ends_on))
    throw new RoundError('naming.notice_running', { ends_on: String(notice.ends_on) });
  const candidate = (await q('naming/candidates', { round: roundId, province: null })).find(
    (c) => c.region_code === input.region_code,
  );
  if (!candidate) throw new RoundError('naming.not_candidate', { region: input.region_code });
  if (candidate.decision)
    throw new RoundError('naming.decided', { region: input.region_code, decision: candidate.decision });
  if (Number(candidate.objections_pending) > 0)
    throw new RoundError('naming.objections_pending', {
      region: input.region_code,
      count: Number(candidate.objections_pending),
    });
  if (input.decision === 'named' && Number(candidate.objections_upheld) > 0)
    throw new RoundError('naming.objection_upheld', { region: input.region_code });
  if (!input.reason.trim()) throw new RoundError('naming.reason_required');
  await db.transaction(async () => {
    await db.runFile('naming/decision_insert', { round_id: roundId, ...input, decided_by: actor });
    await appendAudit(db, {
      action: 'naming.decision',
      actor,
      subject: `region:${input.region_code}`,
      details: { round_id: roundId, decision: input.decision, reason: input.reason, decided_on: input.decided_on },
    });
  });
  if (input.decision === 'named') return { ...input, regions_load_id: await enterDirectory(db, round, input, actor) };
  return { ...input, regions_load_id: null };
}

/** Writes the named region as a one-row file of the regions contract and loads it with the ordinary ingest. */
async function enterDirectory(db: Database, round: Round, input: DecisionInput, actor: string): Promise<number> {
  const [row] = await db.allFile<Record<string, string | number | null>>('naming/directory_row', {
    round: round.round_id,
    region: input.region_code,
  });
  const fieldZh = NAMING_FIELDS.find((f) => f.value === row.field)?.zh ?? null;
  const record: Record<string, string | number | null> = {
    region_code: row.region_code,
    region_name: row.region_name,
    province_code: row.province_code,
    level: row.level,
    batch: row.batch,
    designation: row.designation,
    project_name: row.designation === 'single' ? (row.project_name ?? fieldZh) : null,
    designated_on: input.decided_on,
  };
  const header = regionsContract.columns.map((c) => c.name);
  const dir = db.scratch('naming');
  const file = join(dir, `regions_naming_${round.round_id}_${input.region_code}.csv`);
  try {
    writeFileSync(file, csvText(header, [header.map((h) => record[h] ?? null)]));
    const result = await ingestFile(db, file, { dataset: 'regions', source: 'naming' });
    const loadId = result.load_id;
    if (result.status !== 'loaded' || loadId === undefined)
      throw new RoundError('naming.directory_failed', { status: result.status, detail: result.message });
    await db.transaction(async () => {
      await db.runFile('naming/decision_load', {
        round_id: round.round_id,
        region_code: input.region_code,
        load_id: loadId,
      });
      await appendAudit(db, {
        action: 'naming.directory',
        actor,
        subject: `region:${input.region_code}`,
        details: { round_id: round.round_id, load_id: loadId, batch: round.year, designation: String(row.designation) },
      });
    });
    return loadId;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pct(x: number | null): string {
  return x === null ? '—' : `${(100 * x).toFixed(1)}%`;
}
