// Schemas of /api/data/*, /api/upload and /api/refresh, in TypeBox (see common.ts). Load statuses come from the
// vocabulary.
import { Type, type Static } from 'typebox';
import { loadStatus } from '../../vocabulary/terms.ts';
import { errors, Id, NInt, NStr, Obj, termOf, table } from './common.ts';

export const LoadRow = Obj({
  load_id: Type.Integer(),
  file_name: Type.String(),
  dataset: NStr,
  format: NStr,
  encoding: NStr,
  source: NStr,
  loaded_by: Type.Union([Type.String(), Type.Null()], {
    description: 'the account that uploaded the file (null for the inbox, the command line and the demo)',
  }),
  status: termOf(loadStatus),
  records: NInt,
  loaded: NInt,
  rejected: NInt,
  superseded: NInt,
  started_at: Type.String(),
  total_ms: NInt,
  message: NStr,
  message_code: Type.Union([Type.String(), Type.Null()], {
    description: "why, as a code of the vocabulary's loadMessage group (rows written before codes: null)",
  }),
  message_params: NStr,
});
export type LoadRow = Static<typeof LoadRow>;

export const loads = table(['data'], 'The load log, newest first (file metadata)', LoadRow, {
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
});

/** A rejected record: its reason is the code (with dataset and column), worded by the vocabulary in either language. */
export const RejectRow = Obj({
  load_id: Type.Integer(),
  file: Type.String(),
  dataset: NStr,
  line: NInt,
  column: NStr,
  code: Type.String(),
  value: NStr,
  raw: NStr,
});
export type RejectRow = Static<typeof RejectRow>;

export const rejects = table(
  ['data'],
  'Rejected records with file, dataset, line, column and reason code (central; provincial users get none)',
  RejectRow,
  { load: Type.Optional(Id), limit: Type.Integer({ minimum: 1, maximum: 10000, default: 1000 }) },
);

export const FreshnessRow = Obj({
  kind: Type.Unsafe<'dataset' | 'missing_report'>({ type: 'string', enum: ['dataset', 'missing_report'] }),
  dataset: Type.String(),
  load_id: NInt,
  file_name: NStr,
  loaded_at: NStr,
  status: NStr,
  rows: NInt,
  loads: NInt,
  region_code: NStr,
  region_name: NStr,
  report_year: NInt,
});
export type FreshnessRow = Static<typeof FreshnessRow>;

export const freshness = table(
  ['data'],
  'Per dataset the latest load and rows (kind=dataset); your regions without a report for the latest year (kind=missing_report)',
  FreshnessRow,
);

export const UploadResult = Obj({
  result: Obj({
    file: Type.String(),
    dataset: NStr,
    status: termOf(loadStatus),
    loaded: Type.Integer(),
    rejected: Type.Integer(),
    message: Type.String(),
    code: Type.String({ description: "a code of the vocabulary's loadMessage group, worded with params" }),
    params: Type.Record(Type.String(), Type.Unknown()),
    load_id: Type.Optional(Type.Integer({ description: 'absent when the file was refused before a load began' })),
  }),
  rejects: Type.Array(RejectRow),
});
export type UploadResult = Static<typeof UploadResult>;

export const upload = {
  tags: ['data'],
  summary: 'Upload one file (multipart: file, optional dataset field) and load it like `shifan ingest` (central)',
  consumes: ['multipart/form-data'],
  response: { 200: UploadResult, ...errors, 413: errors[400], 415: errors[400] },
};

export const RefreshSummary = Obj({
  run_id: Type.Integer(),
  as_of: Type.String(),
  seconds: Type.Number(),
  metric_rows: Type.Integer(),
  flags_active: Type.Integer(),
  flags_new: Type.Integer(),
  flags_resolved: Type.Integer(),
  watchlist_added: Type.Integer(),
  steps: Type.Array(Obj({ step: Type.String(), ms: Type.Number() })),
});
export type RefreshSummary = Static<typeof RefreshSummary>;

export const refresh = {
  tags: ['data'],
  summary: 'Recompute indicators, scorecard, funnels, flags and watchlist (central)',
  response: { 200: RefreshSummary, ...errors },
};
