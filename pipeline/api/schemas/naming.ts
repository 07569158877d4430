// Schemas of /api/naming/*: the naming round (pipeline/naming), in TypeBox (see common.ts). Steps, step states,
// contradictions, reasons for not ranking and decisions come from the vocabulary; kinds and fields from the data
// contract (naming_applications).
import { Type, type Static } from 'typebox';
import { NAMING_FIELDS, ROUND_ID_PATTERN } from '../../contracts/index.ts';
import { MetricStatus } from './indicators.ts';
import { namingContradiction, namingDecision, roundStep, stepState, unranked } from '../../vocabulary/terms.ts';
import {
  contractEnum,
  errors,
  FileBody,
  IsoDate,
  NBool,
  NInt,
  NNum,
  NStr,
  Nullable,
  Obj,
  PackageFile,
  oneOf,
  RegionCode,
  Strict,
  termOf,
  Year,
} from './common.ts';

const tags = ['naming'];
const RoundId = Type.String({ pattern: ROUND_ID_PATTERN, maxLength: 20 });
const RoundParam = Type.Object({ round: RoundId });
/** comprehensive or single-item (the naming_applications contract's kind). */
export const ApplicationKind = contractEnum<'comprehensive' | 'single'>('naming_applications', 'kind');
export type ApplicationKind = Static<typeof ApplicationKind>;
export const RoundStep = termOf(roundStep);
export type RoundStep = Static<typeof RoundStep>;
const Pair = Nullable(Type.Tuple([Type.Number(), Type.Number()]));

export const TimetableStep = Obj({
  step: RoundStep,
  due: Type.String(),
  workdays: Nullable(Type.Integer({ description: 'working days after the previous step (null for the first)' })),
  provisional: Type.Boolean(),
});
export type TimetableStep = Static<typeof TimetableStep>;

export const FieldCheckRule = Type.Union([
  Obj({ rule: Type.Literal('top_k'), k: Type.Integer() }),
  Obj({ rule: Type.Literal('threshold'), min: Type.Number() }),
]);
export type FieldCheckRule = Static<typeof FieldCheckRule>;

export const RoundMethod = Obj({
  weights: Obj({ third_party: Type.Number(), satisfaction: Type.Number(), conformance: Type.Number() }),
  draws: Type.Integer(),
  seed: Type.Integer(),
  coverage: Type.Number(),
  tolerances: Obj({ rate_points: Type.Number(), relative: Type.Number(), min_abs: Type.Number() }),
});

export const Round = Obj({
  round_id: Type.String(),
  batch: Type.Integer(),
  year: Type.Integer(),
  title: Type.String(),
  kinds: Type.Array(ApplicationKind),
  fields: Type.Array(Type.String()),
  data_from: Type.Integer(),
  data_to: Type.Integer(),
  bar: Type.Number(),
  method: RoundMethod,
  field_check_rule: FieldCheckRule,
  timetable: Type.Array(TimetableStep),
  notice_workdays: Type.Integer(),
  created_at: Type.String(),
  created_by: Type.String(),
});
export type Round = Static<typeof Round>;

export const list = {
  tags,
  summary: 'Naming rounds (认定批次), newest first',
  response: { 200: Type.Array(Round), ...errors },
};

const Workdays = Type.Integer({ minimum: 1, maximum: 250 });
export const CreateRoundBody = Strict({
  round_id: RoundId,
  batch: Type.Integer({ minimum: 1, maximum: 100 }),
  year: Type.Optional(Year),
  title: Type.Optional(Type.String({ minLength: 4, maxLength: 200 })),
  data_from: Type.Optional(Year),
  data_to: Type.Optional(Year),
  applications_due: IsoDate,
  field_check: Type.Optional(Type.String({ pattern: '^(top:\\d{1,4}|min:\\d{1,3}(\\.\\d+)?)$' })),
  kinds: Type.Optional(Type.Array(ApplicationKind, { minItems: 1, maxItems: 2 })),
  fields: Type.Optional(Type.Array(oneOf(NAMING_FIELDS.map((f) => f.value)), { maxItems: 10 })),
  workdays: Type.Optional(
    Strict({
      prereview: Type.Optional(Workdays),
      evaluation: Type.Optional(Workdays),
      field_check: Type.Optional(Workdays),
      notice: Type.Optional(Workdays),
      naming: Type.Optional(Workdays),
    } satisfies Record<Exclude<RoundStep, 'applications'>, unknown>),
  ),
});
export type CreateRoundBody = Static<typeof CreateRoundBody>;

export const create = {
  tags,
  summary: 'Create a round with its timetable and stated method (central)',
  body: CreateRoundBody,
  response: { 200: Round, ...errors },
};

export const StepStatus = Obj({
  ...TimetableStep.properties,
  state: termOf(stepState),
});
export type StepStatus = Static<typeof StepStatus>;

/** What each step holds, counted in the caller's province. */
export const RoundCounts = Obj({
  applications: Type.Integer(),
  comprehensive: Type.Integer(),
  single: Type.Integer(),
  self_assessed: Type.Integer(),
  reports: Type.Integer(),
  prereviewed: Type.Integer(),
  recommended: Type.Integer(),
  third_party: Type.Integer(),
  satisfaction: Type.Integer(),
  field_check_lists: Type.Integer(),
  field_checked: Type.Integer(),
  candidates: Type.Integer(),
  notices: Type.Integer(),
  objections: Type.Integer(),
  objections_pending: Type.Integer(),
  named: Type.Integer(),
  decided: Type.Integer(),
});
export type RoundCounts = Static<typeof RoundCounts>;

export const RoundStatus = Obj({
  round: Round,
  today: Type.String(),
  counts: RoundCounts,
  steps: Type.Array(StepStatus),
});
export type RoundStatus = Static<typeof RoundStatus>;

export const status = {
  tags,
  summary: "A round's timetable, what each step holds and what is due (counts of the caller's province)",
  params: RoundParam,
  querystring: Strict({ today: Type.Optional(IsoDate) }),
  response: { 200: RoundStatus, ...errors },
};

export const NamingEvidence = Obj({
  dataset: Type.String(),
  record_id: Type.String(),
  file_name: NStr,
  line: NInt,
  load_id: NInt,
});
export type NamingEvidence = Static<typeof NamingEvidence>;

export const Contradiction = Obj({
  region_code: Type.String(),
  region_name: Type.String(),
  year: Type.Integer(),
  indicator_no: Type.Integer(),
  kind: termOf(namingContradiction),
  claimed_status: Type.String(),
  claimed_value: NNum,
  computed_value: NNum,
  difference: NNum,
  metric_ids: Type.Array(Type.String()),
  /** the figures the vocabulary words the contradiction with (namingContradiction message templates) */
  metrics: Type.Array(
    Obj({
      metric_id: Type.String(),
      unit: NStr,
      value: NNum,
      threshold: NNum,
      numerator: Type.Optional(NNum),
      denominator: Type.Optional(NNum),
    }),
  ),
  provisional: Type.Boolean(),
  evidence: Type.Array(NamingEvidence),
  evidence_count: Type.Integer(),
});
export type Contradiction = Static<typeof Contradiction>;

export const ApplicantItem = Obj({
  item: Type.String(),
  indicator_no: NInt,
  area: NInt,
  data_status: MetricStatus,
  claimed_status: Nullable(oneOf(['met', 'not_met', 'not_applicable'])),
  claimed_metric: NStr,
  claimed_value: NNum,
  metrics: Type.Array(
    Obj({
      metric_id: Type.String(),
      name_zh: Type.String(),
      unit: Type.String(),
      value: NNum,
      numerator: NNum,
      denominator: NNum,
      threshold: NNum,
      status: Type.String(),
      provisional: Type.Boolean(),
    }),
  ),
});
export type ApplicantItem = Static<typeof ApplicantItem>;

export const Scorecard = Obj({
  region_code: Type.String(),
  region_name: Type.String(),
  province_code: Type.String(),
  kind: ApplicationKind,
  field: NStr,
  project_name: NStr,
  years: Type.Array(
    Obj({
      year: Type.Integer(),
      items_met: NInt,
      items_assessed: NInt,
      conformance: NNum,
      meets_bar: NBool,
      metrics_met: NInt,
      metrics_assessed: NInt,
      provisional: NBool,
      decisive: Type.Boolean(),
    }),
  ),
  conformance: Nullable(Type.Number({ description: "the decisive year's conformance (data_to); null without data" })),
  meets_bar: NBool,
  items: Type.Array(ApplicantItem),
  contradictions: Type.Array(Contradiction),
  field_position: Type.Array(
    Obj({
      metric_id: Type.String(),
      name_zh: NStr,
      unit: NStr,
      value: NNum,
      status: NStr,
      percentile: NNum,
      regions_with_value: NInt,
      funnel_position: NStr,
    }),
  ),
});
export type Scorecard = Static<typeof Scorecard>;

const RegionQuery = Strict({ region: Type.Optional(RegionCode) });

export const applicants = {
  tags,
  summary:
    "Applicants' scorecards: their own data for the round's years beside the self-assessment, contradictions with evidence",
  params: RoundParam,
  querystring: RegionQuery,
  response: { 200: Type.Array(Scorecard), ...errors },
};

export const contradictions = {
  tags,
  summary: 'Contradictions between self-assessments and the applicants’ own data, with evidence rows (file and line)',
  params: RoundParam,
  querystring: RegionQuery,
  response: { 200: Type.Array(Contradiction), ...errors },
};

export const Ranked = Obj({
  rank: NInt,
  region_code: Type.String(),
  region_name: Type.String(),
  province_code: Type.String(),
  kind: Type.String(),
  recommended: NBool,
  conformance: NNum,
  contradictions: Type.Integer(),
  third_party: NNum,
  satisfaction: NNum,
  satisfaction_ci: Pair,
  respondents: NInt,
  satisfied: NInt,
  score: NNum,
  rank_interval: Pair,
  unranked_reason: Nullable(termOf(unranked)),
  field_check: Type.Boolean(),
});
export type Ranked = Static<typeof Ranked>;

export const ranking = {
  tags,
  summary:
    'The combined ranking with 90% rank intervals (national ranks; a provincial account sees its own applicants)',
  params: RoundParam,
  response: { 200: Type.Array(Ranked), ...errors },
};

export const FieldCheck = Obj({
  list: Nullable(
    Obj({
      list_id: Type.Integer(),
      made_at: Type.String(),
      made_by: Type.String(),
      rule: FieldCheckRule,
      inputs_sha256: Type.String(),
      regions: Type.Array(Type.String(), { description: "the caller's province's regions on the list" }),
      size: Type.Integer({ description: 'regions on the whole list' }),
    }),
  ),
  verification: Nullable(
    Obj({
      list_id: Type.Integer(),
      inputs_intact: Type.Boolean(),
      reproduces: Type.Boolean(),
      inputs_current: Type.Boolean(),
      recomputed: Type.Array(Type.String()),
    }),
  ),
  results: Type.Array(
    Obj({
      region_code: Type.String(),
      region_name: Type.String(),
      kind: Type.String(),
      checked: Type.Integer(),
      confirmed: Type.Integer(),
      share: NNum,
    }),
  ),
});
export type FieldCheck = Static<typeof FieldCheck>;

export const fieldCheck = {
  tags,
  summary: 'The latest field-check list, its verification from the stored inputs, and the field-check findings',
  params: RoundParam,
  response: { 200: FieldCheck, ...errors },
};

export const NewFieldCheckList = Obj({
  list_id: Type.Integer(),
  regions: Type.Array(Type.String()),
  inputs_sha256: Type.String(),
});
export type NewFieldCheckList = Static<typeof NewFieldCheckList>;

export const makeFieldCheck = {
  tags,
  summary: 'Make the field-check list from the ranking by the round’s rule (central)',
  params: RoundParam,
  body: Strict({}),
  response: { 200: NewFieldCheckList, ...errors },
};

export const Notice = Obj({
  starts_on: Type.String(),
  ends_on: Type.String(),
  workdays: Type.Integer(),
  provisional: Type.Boolean(),
});
export type Notice = Static<typeof Notice>;

export const Candidates = Obj({
  notice: Nullable(Obj({ ...Notice.properties, medium: NStr, published_at: NStr, published_by: NStr })),
  candidates: Type.Array(
    Obj({
      region_code: Type.String(),
      region_name: Type.String(),
      province_code: Type.String(),
      kind: ApplicationKind,
      field: NStr,
      project_name: NStr,
      basis: Type.String(),
      objections: Type.Integer(),
      objections_pending: Type.Integer(),
      objections_upheld: Type.Integer(),
      decision: Nullable(termOf(namingDecision)),
      decision_reason: NStr,
      decided_on: NStr,
    }),
  ),
  objections: Type.Array(
    Obj({
      objection_id: Type.String(),
      region_code: Type.String(),
      region_name: NStr,
      received_on: Type.String(),
      summary: Type.String(),
      handling: Type.String(),
      handled_on: NStr,
      handling_note: NStr,
      file_name: NStr,
      line: NInt,
    }),
  ),
});
export type Candidates = Static<typeof Candidates>;

export const candidates = {
  tags,
  summary: 'The candidate list with its notice, objections and decisions',
  params: RoundParam,
  response: { 200: Candidates, ...errors },
};

export const AddedCandidates = Obj({ added: Type.Array(Type.String()) });
export type AddedCandidates = Static<typeof AddedCandidates>;

export const addCandidates = {
  tags,
  summary: 'Put applicants on the candidate list (central)',
  params: RoundParam,
  body: Strict({ regions: Type.Array(RegionCode, { minItems: 1, maxItems: 500 }) }),
  response: { 200: AddedCandidates, ...errors },
};

export const notice = {
  tags,
  summary: 'Publish the candidate list: the notice period in working days on the official calendar (central)',
  params: RoundParam,
  body: Strict({ starts_on: IsoDate, medium: Type.Optional(Type.String({ maxLength: 200 })) }),
  response: { 200: Notice, ...errors },
};

export const DecisionBody = Strict({
  region_code: RegionCode,
  decision: termOf(namingDecision),
  reason: Type.String({ minLength: 2, maxLength: 2000 }),
  decided_on: IsoDate,
});
export type DecisionBody = Static<typeof DecisionBody>;

export const Decision = Obj({
  region_code: Type.String(),
  decision: termOf(namingDecision),
  regions_load_id: Nullable(Type.Integer({ description: 'the directory load a named region entered by' })),
});
export type Decision = Static<typeof Decision>;

export const decision = {
  tags,
  summary: 'Decide on a candidate after the notice; a named region enters the regions directory (central)',
  params: RoundParam,
  body: DecisionBody,
  response: { 200: Decision, ...errors },
};

export const ReportRow = Obj({
  region_code: Type.String(),
  region_name: NStr,
  file_name: Type.String(),
  format: Type.String(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  loaded_at: Type.String(),
});
export type ReportRow = Static<typeof ReportRow>;

export const reports = {
  tags,
  summary: 'Self-assessment reports (file, SHA-256), optionally those whose text contains a phrase',
  params: RoundParam,
  querystring: Strict({
    // a phrase of a report's text: Chinese characters, letters, digits, spaces and Chinese punctuation; anything
    // else (control characters, slashes, %, undecodable bytes) is refused as out of range
    search: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\u4e00-\\u9fffA-Za-z0-9 ，、。：；（）《》“”·]+$' }),
    ),
  }),
  response: { 200: Type.Array(ReportRow), ...errors },
};

export const RoundExport = Obj({
  pdf: oneOf(['ok', 'skipped']),
  manifest_sha256: Type.String(),
  files: Type.Array(PackageFile),
});
export type RoundExport = Static<typeof RoundExport>;

export const makeExport = {
  tags,
  summary:
    'Write the sealed exports of a round: recommendation list, ranking and candidate list as XLSX and PDF (central)',
  params: RoundParam,
  body: Strict({}),
  response: { 200: RoundExport, ...errors },
};

export const RoundExportStatus = Obj({
  manifest_sha256: NStr,
  files: Type.Array(PackageFile),
});
export type RoundExportStatus = Static<typeof RoundExportStatus>;

export const exportStatus = {
  tags,
  summary:
    "What of a round's exports is written: the files of its manifest.json with their SHA-256, none before the first export (central office and admin)",
  params: RoundParam,
  response: { 200: RoundExportStatus, ...errors },
};

export const downloadExport = {
  tags,
  summary: "A file of a round's exports (central office and admin)",
  params: Type.Object({
    round: RoundId,
    file: Type.String({ pattern: '^(recommendation|ranking|candidates)\\.(xlsx|pdf|html)$|^manifest\\.json$' }),
  }),
  response: { 200: FileBody, ...errors },
};
