// Schemas of /api/jobs* (scheduled jobs and their runs) and /api/exports* (the quarterly packages), in TypeBox (see
// common.ts). Run statuses and triggers come from the vocabulary.
import { Type, type Static } from 'typebox';
import { jobStatus, jobTrigger } from '../../vocabulary/terms.ts';
import { JobDetails, JobMessage } from '../../shapes/job-details.ts';
import { ErrorBody, errors, FileBody, Id, NInt, NStr, Obj, PackageFile, Strict, termOf } from './common.ts';

export { JobDetails, JobMessage };

export const JobRun = Obj({
  run_id: Type.Integer(),
  job_id: Type.String(),
  trigger: termOf(jobTrigger),
  started_at: Type.String(),
  finished_at: NStr,
  status: termOf(jobStatus),
  attempts: Type.Integer(),
  summary: NStr,
  details: JobDetails,
  error: NStr,
  triggered_by: NStr,
  acknowledged_by: NStr,
  acknowledged_at: NStr,
});
export type JobRun = Static<typeof JobRun>;

export const JobSchedule = Obj({
  job_id: Type.String(),
  cron: Type.String(),
  timezone: Type.String(),
  workday_filter: NStr,
  enabled: Type.Boolean(),
  description_zh: Type.String(),
  description_en: Type.String(),
  next_runs: Type.Array(Type.String(), { description: 'ISO instants (UTC); empty when disabled' }),
  running: Type.Boolean(),
  provisional_years: Type.Array(Type.Integer(), {
    description: 'years among next_runs whose holiday calendar is not published: a filtered run time is provisional',
  }),
});
export type JobSchedule = Static<typeof JobSchedule>;

export const JobsOverview = Obj({
  schedules: Type.Array(JobSchedule),
  runs: Type.Array(JobRun),
  unacknowledged: Type.Integer(),
  unacknowledged_runs: Type.Array(JobRun),
});
export type JobsOverview = Static<typeof JobsOverview>;

export const Quarter = Type.String({ pattern: '^\\d{4}Q[1-4]$', description: 'a quarter, e.g. 2025Q3' });

export const list = {
  tags: ['jobs'],
  summary:
    'Scheduled jobs with their next run times (ISO, UTC), the 50 latest runs, and the failed or warning runs nobody has acknowledged',
  response: { 200: JobsOverview, ...errors },
};

export const RunStarted = Obj({
  run_id: Type.Integer(),
  job_id: Type.String(),
  status: termOf(jobStatus),
  summary: NStr,
  error: NStr,
});
export type RunStarted = Static<typeof RunStarted>;

export const runNow = {
  tags: ['jobs'],
  summary:
    'Run a job now (central); recorded as a manual run and audit-logged (jobs.run). Answers once the run is recorded, or when it ends if no scheduler runs in the server',
  params: Type.Object({ id: Type.String({ pattern: '^[a-z_]+$' }) }),
  response: { 200: RunStarted, ...errors },
};

export const acknowledge = {
  tags: ['jobs'],
  summary: 'Acknowledge a failed or warning run (central); audit-logged (jobs.acknowledge)',
  params: Type.Object({ run_id: Id }),
  response: { 200: JobRun, ...errors },
};

export { PackageFile };
export const ExportPackage = Obj({
  quarter: Type.String(),
  generated_at: Type.String(),
  as_of: Type.String(),
  indicator_system_version: Type.String(),
  pdf: Type.String(),
  zip: NStr,
  zip_bytes: NInt,
  files: Type.Array(PackageFile),
});
export type ExportPackage = Static<typeof ExportPackage>;
export const NewExportPackage = Obj({
  ...ExportPackage.properties,
  /** what was made, or why the PDF was not (export.pdf_ok, export.pdf_missing, export.pdf_failed) */
  message: JobMessage,
  seconds: Type.Number(),
  /** a rebuild: when the package it replaced was generated (that one is kept, not deleted); otherwise null */
  replaced_generated_at: NStr,
});
export type NewExportPackage = Static<typeof NewExportPackage>;

export const exports = {
  tags: ['exports'],
  summary:
    'Past quarterly packages, newest quarter first, with their files (central/admin: packages hold every province)',
  response: { 200: Type.Array(ExportPackage), ...errors },
};

export const createExport = {
  tags: ['exports'],
  summary:
    'Generate the quarterly package of a quarter now (central): HTML, PDF, XLSX, CSVs, manifest and zip; audit-logged (export.quarter). A quarter already exported is refused (export.exists, 409) unless rebuild is true: the earlier package is then kept under superseded/ and the rebuild audit-logged (export.rebuild)',
  body: Strict({
    quarter: Quarter,
    rebuild: Type.Optional(
      Type.Boolean({ description: 'replace the package already written for the quarter, keeping the earlier one' }),
    ),
  }),
  response: { 200: NewExportPackage, ...errors },
};

export const download = {
  tags: ['exports'],
  summary: 'One file of a package (a name its manifest lists, or <quarter>.zip) as an attachment (central/admin)',
  params: Type.Object({ quarter: Quarter, file: Type.String({ maxLength: 200 }) }),
  produces: ['application/octet-stream'],
  response: { 200: FileBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
};
