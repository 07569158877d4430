// Rounds (认定批次): created by the central office with their stated method and timetable; their status says what
// each step holds and what is due. Creating a round is one transaction with its audit-log entry.
import { appendAudit } from '../audit/index.ts';
import { NAMING_FIELDS, ROUND_ID_PATTERN } from '../contracts/index.ts';
import type { Database } from '../db/index.ts';
import {
  DEFAULT_BAR,
  DEFAULT_FIELD_CHECK_RULE,
  DEFAULT_METHOD,
  type FieldCheckRule,
  type RoundMethod,
} from './method.ts';
import { CodedError, type ErrorCode, renderError } from '../vocabulary/errors.ts';
import type { Params } from '../vocabulary/types.ts';
import { buildTimetable, DEFAULT_STEP_WORKDAYS, type RoundStep, type TimetableStep } from './timetable.ts';

export type ApplicationKind = 'comprehensive' | 'single';

export interface RoundInput {
  round_id: string;
  batch: number;
  year: number;
  title?: string;
  kinds?: ApplicationKind[];
  fields?: string[];
  /** The applicants' data years; default the two years before the round. */
  data_from?: number;
  data_to?: number;
  applications_due: string;
  step_workdays?: Partial<Record<Exclude<RoundStep, 'applications'>, number>>;
  field_check_rule?: FieldCheckRule;
  method?: Partial<RoundMethod>;
}

export interface Round {
  round_id: string;
  batch: number;
  year: number;
  title: string;
  kinds: ApplicationKind[];
  fields: string[];
  data_from: number;
  data_to: number;
  bar: number;
  method: RoundMethod;
  field_check_rule: FieldCheckRule;
  timetable: TimetableStep[];
  notice_workdays: number;
  created_at: string;
  created_by: string;
}

/** A naming round's refusal: a vocabulary code (naming.*) with its parameters, worded in the reader's language. */
export class RoundError extends CodedError {
  override name = 'RoundError';
  constructor(code: ErrorCode, params: Params = {}) {
    super(code, params);
    // For logs and callers that print the error itself: Chinese (the office's language), then English.
    this.message = `${renderError(code, params, 'zh')}（${renderError(code, params, 'en')}）`;
  }
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function defaultTitle(batch: number, year: number): string {
  const n = batch <= 10 ? CN_DIGITS[batch] : String(batch);
  return `第${n}批全国法治政府建设示范地区评估认定（${year}年）`;
}

export async function createRound(db: Database, input: RoundInput, actor: string): Promise<Round> {
  if (!new RegExp(ROUND_ID_PATTERN).test(input.round_id))
    throw new RoundError('naming.bad_round_id', { value: input.round_id });
  if (!Number.isInteger(input.batch) || input.batch < 1)
    throw new RoundError('naming.bad_batch', { value: input.batch });
  if (!Number.isInteger(input.year) || input.year < 2019 || input.year > 2100)
    throw new RoundError('naming.bad_year', { value: input.year });
  const kinds = input.kinds ?? ['comprehensive', 'single'];
  const known = new Set(NAMING_FIELDS.map((f) => f.value));
  const fields = input.fields ?? [...known];
  const bad = fields.filter((f) => !known.has(f));
  if (bad.length) throw new RoundError('naming.unknown_fields', { fields: bad, known: [...known] });
  const dataTo = input.data_to ?? input.year - 1;
  const dataFrom = input.data_from ?? dataTo - 1;
  if (dataFrom > dataTo || dataTo >= input.year)
    throw new RoundError('naming.bad_data_years', { from: dataFrom, to: dataTo, year: input.year });
  const method: RoundMethod = { ...DEFAULT_METHOD, ...input.method };
  const timetable = buildTimetable(input.applications_due, input.step_workdays);
  const notice = timetable.find((s) => s.step === 'notice')!.workdays ?? DEFAULT_STEP_WORKDAYS.notice;
  const round: Omit<Round, 'created_at' | 'created_by'> = {
    round_id: input.round_id,
    batch: input.batch,
    year: input.year,
    title: input.title ?? defaultTitle(input.batch, input.year),
    kinds,
    fields,
    data_from: dataFrom,
    data_to: dataTo,
    bar: DEFAULT_BAR,
    method,
    field_check_rule: input.field_check_rule ?? DEFAULT_FIELD_CHECK_RULE,
    timetable,
    notice_workdays: notice,
  };
  await db.transaction(async () => {
    if ((await db.allFile('naming/rounds', { round: input.round_id })).length)
      throw new RoundError('naming.round_exists', { round: input.round_id });
    await db.runFile('naming/round_insert', {
      ...round,
      kinds: JSON.stringify(kinds),
      fields: JSON.stringify(fields),
      method: JSON.stringify(method),
      field_check_rule: JSON.stringify(round.field_check_rule),
      timetable: JSON.stringify(timetable),
      created_by: actor,
    });
    await appendAudit(db, {
      action: 'naming.round.create',
      actor,
      subject: `round:${input.round_id}`,
      details: {
        batch: round.batch,
        year: round.year,
        data_years: `${dataFrom}-${dataTo}`,
        applications_due: input.applications_due,
        field_check_rule: JSON.stringify(round.field_check_rule),
        method: JSON.stringify(method),
      },
    });
  });
  return getRound(db, input.round_id);
}

type Query = (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

export function queryOf(db: Database): Query {
  return (name, params) => db.allFile(name, params as never);
}

function parseRound(r: Record<string, unknown>): Round {
  return {
    ...(r as unknown as Round),
    kinds: JSON.parse(String(r.kinds)),
    fields: JSON.parse(String(r.fields)),
    method: JSON.parse(String(r.method)),
    field_check_rule: JSON.parse(String(r.field_check_rule)),
    timetable: JSON.parse(String(r.timetable)),
  };
}

export async function listRounds(q: Query | Database): Promise<Round[]> {
  const query = typeof q === 'function' ? q : queryOf(q);
  return (await query('naming/rounds', { round: null })).map(parseRound);
}

export async function getRound(q: Query | Database, roundId: string): Promise<Round> {
  const query = typeof q === 'function' ? q : queryOf(q);
  const row = (await query('naming/rounds', { round: roundId }))[0];
  if (!row) throw new RoundError('naming.round_not_found', { round: roundId });
  return parseRound(row);
}

export interface RoundCounts {
  applications: number;
  comprehensive: number;
  single: number;
  self_assessed: number;
  reports: number;
  prereviewed: number;
  recommended: number;
  third_party: number;
  satisfaction: number;
  field_check_lists: number;
  field_checked: number;
  candidates: number;
  notices: number;
  objections: number;
  objections_pending: number;
  named: number;
  decided: number;
}

export interface StepStatus extends TimetableStep {
  /** done: the step's output is in; due: open and its date has come; open: not yet due. */
  state: 'done' | 'overdue' | 'open';
  // what the step holds is worded from the round's counts (pipeline/vocabulary renderRoundProgress)
}

export interface RoundStatus {
  round: Round;
  today: string;
  counts: RoundCounts;
  steps: StepStatus[];
}

export async function roundStatus(
  q: Query | Database,
  roundId: string,
  options: { today: string; province?: string | null },
): Promise<RoundStatus> {
  const query = typeof q === 'function' ? q : queryOf(q);
  const round = await getRound(query, roundId);
  const c = (
    await query('naming/round_counts', { round: roundId, province: options.province ?? null })
  )[0] as unknown as RoundCounts;
  const counts = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as unknown as RoundCounts;
  const done: Record<RoundStep, boolean> = {
    applications: counts.applications > 0,
    prereview: counts.applications > 0 && counts.prereviewed >= counts.applications,
    evaluation:
      counts.recommended > 0 && counts.third_party >= counts.recommended && counts.satisfaction >= counts.recommended,
    field_check: counts.field_check_lists > 0 && counts.field_checked > 0,
    notice: counts.notices > 0,
    naming: counts.decided > 0 && counts.decided >= counts.candidates,
  };
  const steps = round.timetable.map((s) => ({
    ...s,
    state: done[s.step] ? ('done' as const) : s.due < options.today ? ('overdue' as const) : ('open' as const),
  }));
  return { round, today: options.today, counts, steps };
}
