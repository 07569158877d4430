// Schemas of /api/data/*, /api/upload and /api/refresh.
import { anyValue, errors, id, int, nint, nstr, num, obj, rows, str, table } from './common.ts';

export const loads = table(
  ['data'],
  'The load log, newest first (file metadata)',
  {
    load_id: int,
    file_name: str,
    dataset: nstr,
    format: nstr,
    encoding: nstr,
    source: nstr,
    status: str,
    records: nint,
    loaded: nint,
    rejected: nint,
    superseded: nint,
    started_at: str,
    total_ms: nint,
    message: nstr,
    message_code: nstr,
    message_params: nstr,
  },
  {
    querystring: {
      type: 'object',
      properties: { limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 } },
    },
  },
);

/** A rejected record: its reason is the code (with dataset and column), worded by the vocabulary in either language. */
const rejectRow = {
  load_id: int,
  file: str,
  dataset: nstr,
  line: nint,
  column: nstr,
  code: str,
  value: nstr,
  raw: nstr,
};

export const rejects = table(
  ['data'],
  'Rejected records with file, dataset, line, column and reason code (central; provincial users get none)',
  rejectRow,
  {
    querystring: {
      type: 'object',
      properties: { load: id, limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
    },
  },
);

export const freshness = table(
  ['data'],
  'Per dataset the latest load and rows (kind=dataset); your regions without a report for the latest year (kind=missing_report)',
  {
    kind: str,
    dataset: str,
    load_id: nint,
    file_name: nstr,
    loaded_at: nstr,
    status: nstr,
    rows: nint,
    loads: nint,
    region_code: nstr,
    region_name: nstr,
    report_year: nint,
  },
);

export const upload = {
  tags: ['data'],
  summary: 'Upload one file (multipart: file, optional dataset field) and load it like `shifan ingest` (central)',
  consumes: ['multipart/form-data'],
  response: {
    200: obj({
      result: obj({
        file: str,
        dataset: nstr,
        status: str,
        loaded: int,
        rejected: int,
        message: nstr,
        code: str,
        params: anyValue,
        load_id: nint,
      }),
      rejects: rows(rejectRow),
    }),
    ...errors,
    413: errors[400],
    415: errors[400],
  },
};

export const refresh = {
  tags: ['data'],
  summary: 'Recompute indicators, scorecard, funnels, flags and watchlist (central)',
  response: {
    200: obj({
      run_id: int,
      as_of: str,
      seconds: num,
      metric_rows: int,
      flags_active: int,
      flags_new: int,
      flags_resolved: int,
      watchlist_added: int,
      steps: anyValue,
    }),
    ...errors,
  },
};
