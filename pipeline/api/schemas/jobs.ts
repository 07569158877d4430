// Schemas of /api/jobs* (scheduled jobs and their runs) and /api/exports* (the quarterly packages).
import { anyValue, bool, errorBody, errors, id, int, nint, nstr, obj, rows, str } from './common.ts';

const run = {
  run_id: int,
  job_id: str,
  trigger: str,
  started_at: str,
  finished_at: nstr,
  status: str,
  attempts: int,
  summary: nstr,
  details: anyValue,
  error: nstr,
  triggered_by: nstr,
  acknowledged_by: nstr,
  acknowledged_at: nstr,
};

const schedule = {
  job_id: str,
  cron: str,
  timezone: str,
  workday_filter: nstr,
  enabled: bool,
  description_zh: str,
  description_en: str,
  next_runs: { type: 'array', items: str },
  running: bool,
  provisional_years: { type: 'array', items: int },
};

export const quarter = { type: 'string', pattern: '^\\d{4}Q[1-4]$', description: 'a quarter, e.g. 2025Q3' } as const;

export const list = {
  tags: ['jobs'],
  summary:
    'Scheduled jobs with their next run times (ISO, UTC), the 50 latest runs, and the failed or warning runs nobody has acknowledged',
  response: {
    200: obj({ schedules: rows(schedule), runs: rows(run), unacknowledged: int, unacknowledged_runs: rows(run) }),
    ...errors,
  },
};

export const runNow = {
  tags: ['jobs'],
  summary:
    'Run a job now (central); recorded as a manual run and audit-logged (jobs.run). Answers once the run is recorded, or when it ends if no scheduler runs in the server',
  params: { type: 'object', properties: { id: { type: 'string', pattern: '^[a-z_]+$' } }, required: ['id'] },
  response: { 200: obj({ run_id: int, job_id: str, status: str, summary: nstr, error: nstr }), ...errors },
};

export const acknowledge = {
  tags: ['jobs'],
  summary: 'Acknowledge a failed or warning run (central); audit-logged (jobs.acknowledge)',
  params: { type: 'object', properties: { run_id: id }, required: ['run_id'] },
  response: { 200: obj(run), ...errors },
};

const file = { name: str, bytes: int, sha256: str };
const listing = {
  quarter: str,
  generated_at: str,
  as_of: str,
  indicator_system_version: str,
  pdf: str,
  zip: nstr,
  zip_bytes: nint,
  files: rows(file),
};

export const exports = {
  tags: ['exports'],
  summary:
    'Past quarterly packages, newest quarter first, with their files (central/admin: packages hold every province)',
  response: { 200: rows(listing), ...errors },
};

export const createExport = {
  tags: ['exports'],
  summary:
    'Generate the quarterly package of a quarter now (central): HTML, PDF, XLSX, CSVs, manifest and zip; audit-logged (export.quarter)',
  body: { type: 'object', properties: { quarter }, required: ['quarter'], additionalProperties: false },
  response: { 200: obj({ ...listing, message: str, seconds: { type: 'number' } }), ...errors },
};

export const download = {
  tags: ['exports'],
  summary: 'One file of a package (a name its manifest lists, or <quarter>.zip) as an attachment (central/admin)',
  params: {
    type: 'object',
    properties: { quarter, file: { type: 'string', maxLength: 200 } },
    required: ['quarter', 'file'],
  },
  produces: ['application/octet-stream'],
  response: { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
};
