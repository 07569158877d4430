// Schemas of /api/naming/*: the naming round (pipeline/naming). Rows are described by their main columns; the
// scorecard's nested items and evidence pass through as they are.
import { NAMING_FIELDS } from '../../contracts/index.ts';
import { ROUND_STEPS } from '../../naming/timetable.ts';
import {
  anyValue,
  bool,
  errors,
  int,
  nbool,
  nint,
  nnum,
  nstr,
  num,
  obj,
  regionCode,
  rows,
  str,
  year,
} from './common.ts';

const tags = ['naming'];
const roundParam = {
  type: 'object',
  properties: { round: { type: 'string', pattern: '^[0-9]{4}(-[0-9a-z]+)?$', maxLength: 20 } },
  required: ['round'],
};
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const round = obj({
  round_id: str,
  batch: int,
  year: int,
  title: str,
  kinds: { type: 'array', items: str },
  fields: { type: 'array', items: str },
  data_from: int,
  data_to: int,
  bar: num,
  method: anyValue,
  field_check_rule: anyValue,
  timetable: rows({ step: str, due: str, workdays: nint, provisional: bool }),
  notice_workdays: int,
  created_at: str,
  created_by: str,
});

export const list = {
  tags,
  summary: 'Naming rounds (认定批次), newest first',
  response: { 200: { type: 'array', items: round }, ...errors },
};

export const create = {
  tags,
  summary: 'Create a round with its timetable and stated method (central)',
  body: {
    type: 'object',
    required: ['round_id', 'batch', 'applications_due'],
    additionalProperties: false,
    properties: {
      round_id: roundParam.properties.round,
      batch: { type: 'integer', minimum: 1, maximum: 100 },
      year,
      title: { type: 'string', minLength: 4, maxLength: 200 },
      data_from: year,
      data_to: year,
      applications_due: date,
      field_check: { type: 'string', pattern: '^(top:\\d{1,4}|min:\\d{1,3}(\\.\\d+)?)$' },
      kinds: { type: 'array', items: { type: 'string', enum: ['comprehensive', 'single'] }, minItems: 1, maxItems: 2 },
      fields: { type: 'array', items: { type: 'string', enum: NAMING_FIELDS.map((f) => f.value) }, maxItems: 10 },
      workdays: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          ROUND_STEPS.slice(1).map((s) => [s, { type: 'integer', minimum: 1, maximum: 250 }]),
        ),
      },
    },
  },
  response: { 200: round, ...errors },
};

export const status = {
  tags,
  summary: "A round's timetable, what each step holds and what is due (counts of the caller's province)",
  params: roundParam,
  querystring: { type: 'object', properties: { today: date }, additionalProperties: false },
  response: {
    200: obj({
      round,
      today: str,
      counts: anyValue,
      steps: rows({ step: str, due: str, workdays: nint, provisional: bool, state: str }),
    }),
    ...errors,
  },
};

export const applicants = {
  tags,
  summary:
    "Applicants' scorecards: their own data for the round's years beside the self-assessment, contradictions with evidence",
  params: roundParam,
  querystring: { type: 'object', properties: { region: regionCode }, additionalProperties: false },
  response: {
    200: rows({
      region_code: str,
      region_name: str,
      province_code: str,
      kind: str,
      field: nstr,
      conformance: nnum,
      meets_bar: nbool,
      years: anyValue,
      items: anyValue,
      contradictions: anyValue,
      field_position: anyValue,
    }),
    ...errors,
  },
};

export const contradictions = {
  tags,
  summary: 'Contradictions between self-assessments and the applicants’ own data, with evidence rows (file and line)',
  params: roundParam,
  querystring: { type: 'object', properties: { region: regionCode }, additionalProperties: false },
  response: {
    200: rows({
      region_code: str,
      region_name: str,
      year: int,
      indicator_no: int,
      kind: str,
      claimed_value: nnum,
      metrics: anyValue,
      evidence: anyValue,
      evidence_count: int,
    }),
    ...errors,
  },
};

const rankedRow = {
  rank: nint,
  region_code: str,
  region_name: str,
  province_code: str,
  kind: str,
  recommended: nbool,
  conformance: nnum,
  contradictions: int,
  third_party: nnum,
  satisfaction: nnum,
  satisfaction_ci: anyValue,
  respondents: nint,
  score: nnum,
  rank_interval: anyValue,
  unranked_reason: nstr,
  field_check: bool,
};

export const ranking = {
  tags,
  summary:
    'The combined ranking with 90% rank intervals (national ranks; a provincial account sees its own applicants)',
  params: roundParam,
  response: { 200: rows(rankedRow), ...errors },
};

export const fieldCheck = {
  tags,
  summary: 'The latest field-check list, its verification from the stored inputs, and the field-check findings',
  params: roundParam,
  response: {
    200: obj({
      list: anyValue,
      verification: anyValue,
      results: rows({ region_code: str, region_name: str, kind: str, checked: int, confirmed: int, share: nnum }),
    }),
    ...errors,
  },
};

export const makeFieldCheck = {
  tags,
  summary: 'Make the field-check list from the ranking by the round’s rule (central)',
  params: roundParam,
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: { 200: anyValue, ...errors },
};

export const candidates = {
  tags,
  summary: 'The candidate list with its notice, objections and decisions',
  params: roundParam,
  response: {
    200: obj({
      notice: anyValue,
      candidates: rows({ region_code: str, region_name: str, kind: str, basis: str, decision: nstr }),
      objections: rows({ objection_id: str, region_code: str, received_on: str, summary: str, handling: str }),
    }),
    ...errors,
  },
};

export const addCandidates = {
  tags,
  summary: 'Put applicants on the candidate list (central)',
  params: roundParam,
  body: {
    type: 'object',
    required: ['regions'],
    additionalProperties: false,
    properties: { regions: { type: 'array', minItems: 1, maxItems: 500, items: regionCode } },
  },
  response: { 200: obj({ added: { type: 'array', items: str } }), ...errors },
};

export const notice = {
  tags,
  summary: 'Publish the candidate list: the notice period in working days on the official calendar (central)',
  params: roundParam,
  body: {
    type: 'object',
    required: ['starts_on'],
    additionalProperties: false,
    properties: { starts_on: date, medium: { type: 'string', maxLength: 200 } },
  },
  response: { 200: obj({ starts_on: str, ends_on: str, workdays: int, provisional: bool }), ...errors },
};

export const decision = {
  tags,
  summary: 'Decide on a candidate after the notice; a named region enters the regions directory (central)',
  params: roundParam,
  body: {
    type: 'object',
    required: ['region_code', 'decision', 'reason', 'decided_on'],
    additionalProperties: false,
    properties: {
      region_code: regionCode,
      decision: { type: 'string', enum: ['named', 'not_named'] },
      reason: { type: 'string', minLength: 2, maxLength: 2000 },
      decided_on: date,
    },
  },
  response: { 200: obj({ region_code: str, decision: str, regions_load_id: nint }), ...errors },
};

export const reports = {
  tags,
  summary: 'Self-assessment reports (file, SHA-256), optionally those whose text contains a phrase',
  params: roundParam,
  querystring: {
    type: 'object',
    properties: {
      // a phrase of a report's text: Chinese characters, letters, digits, spaces and Chinese punctuation; anything
      // else (control characters, slashes, %, undecodable bytes) is refused as out of range
      search: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: '^[\\u4e00-\\u9fffA-Za-z0-9 ，、。：；（）《》“”·]+$',
      },
    },
    additionalProperties: false,
  },
  response: {
    200: rows({ region_code: str, region_name: nstr, file_name: str, format: str, bytes: int, sha256: str }),
    ...errors,
  },
};

export const makeExport = {
  tags,
  summary:
    'Write the sealed exports of a round: recommendation list, ranking and candidate list as XLSX and PDF (central)',
  params: roundParam,
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: {
    200: obj({ pdf: str, manifest_sha256: str, files: rows({ name: str, bytes: int, sha256: str }) }),
    ...errors,
  },
};

export const exportStatus = {
  tags,
  summary:
    "What of a round's exports is written: the files of its manifest.json with their SHA-256, none before the first export (central office and admin)",
  params: roundParam,
  response: {
    200: obj({ manifest_sha256: nstr, files: rows({ name: str, bytes: int, sha256: str }) }),
    ...errors,
  },
};

export const downloadExport = {
  tags,
  summary: "A file of a round's exports (central office and admin)",
  params: {
    type: 'object',
    properties: {
      round: roundParam.properties.round,
      file: { type: 'string', pattern: '^(recommendation|ranking|candidates)\\.(xlsx|pdf|html)$|^manifest\\.json$' },
    },
    required: ['round', 'file'],
  },
  response: { ...errors },
};
