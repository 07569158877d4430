// Scheduled jobs: configuration (data/schedules.json), next run times, the runner and scheduler, the run
// records, and the functions the API and the command line call.
import type { Database } from '../db/index.ts';
import { loadSchedules, type SchedulesFile } from './config.ts';
import { calendarStatus } from '../calendar/index.ts';
import { civilDateIn, nextRuns } from './next-run.ts';
import { RunLog } from './runs.ts';
import { currentRunner, JobRunner, type RunResult, type RunnerOptions } from './scheduler.ts';
import { jobDefinitions } from './definitions.ts';

export {
  loadSchedules,
  checkSchedules,
  defaultSchedulesPath,
  ScheduleConfigError,
  WORKDAY_FILTERS,
  type ScheduleConfig,
  type SchedulesFile,
  type WorkdayFilter,
} from './config.ts';
export { nextRuns, firstWorkdayOfQuarter, passesFilter, civilDateIn, TIMEZONE } from './next-run.ts';
export {
  listJobRuns,
  acknowledgeRun,
  JobRunNotFoundError,
  RunLog,
  type JobRun,
  type JobRunStatus,
  type JobTrigger,
  type ListRunsOptions,
} from './runs.ts';
export {
  startScheduler,
  currentRunner,
  JobRunner,
  TransientError,
  UnknownJobError,
  isTransient,
  type JobEvent,
  type RunResult,
  type RunnerOptions,
  type SchedulerHandle,
  type StartOptions,
} from './scheduler.ts';
export type { JobFn, JobContext, JobOutcome } from './job.ts';
export {
  jobDefinitions,
  inboxJob,
  refreshJob,
  annualReportCheckJob,
  calendarCheckJob,
  drawReminderJob,
  quarterlyExportJob,
  backupJob,
} from './definitions.ts';
export { listExports, type ExportListing } from '../export/packages.ts';

export interface ScheduleListing {
  job_id: string;
  cron: string;
  timezone: string;
  workday_filter: string | null;
  enabled: boolean;
  description_zh: string;
  description_en: string;
  /** ISO instants (UTC, with Z); empty when disabled. */
  next_runs: string[];
  running: boolean;
  /** Years among next_runs whose holiday calendar is not published: a filtered run time there is provisional. */
  provisional_years: number[];
}

/** Every schedule with its next run times (default 3), for `shifan schedule --list` and the UI. */
export async function listSchedules(
  _db: Database | null,
  options: { from?: Date; count?: number; schedules?: SchedulesFile } = {},
): Promise<ScheduleListing[]> {
  const file = options.schedules ?? loadSchedules();
  const from = options.from ?? new Date();
  const published = new Set(
    calendarStatus()
      .filter((c) => c.published)
      .map((c) => c.year),
  );
  return file.jobs.map((s) => {
    const runs = s.enabled ? nextRuns(s, from, options.count ?? 3, file.timezone) : [];
    const years = s.workday_filter
      ? [...new Set(runs.map((d) => Number(civilDateIn(d, file.timezone).slice(0, 4))))].filter(
          (y) => !published.has(y),
        )
      : [];
    return {
      job_id: s.job_id,
      cron: s.cron,
      timezone: file.timezone,
      workday_filter: s.workday_filter ?? null,
      enabled: s.enabled,
      description_zh: s.description_zh,
      description_en: s.description_en,
      next_runs: runs.map((d) => d.toISOString()),
      running: currentRunner()?.isRunning(s.job_id) ?? false,
      provisional_years: years,
    };
  });
}

/**
 * Runs a job now on behalf of an analyst. Inside `serve` it goes through the running scheduler (same overlap
 * lock and lane); elsewhere through a runner of its own. `wait: false` returns as soon as the run is recorded.
 */
export async function runJobNow(
  db: Database,
  jobId: string,
  actor: string,
  options: { wait?: boolean; runner?: Omit<RunnerOptions, 'jobs'> & { jobs?: RunnerOptions['jobs'] } } = {},
): Promise<RunResult | { run_id: number; job_id: string; status: 'running' }> {
  let runner = currentRunner();
  let runLog: RunLog | undefined;
  if (!runner) {
    runLog = await RunLog.open(db);
    const jobs = options.runner?.jobs ?? jobDefinitions;
    runner = new JobRunner(db, runLog, { ...options.runner, jobs });
  }
  const { run_id, done } = await runner.trigger(jobId, 'manual', actor);
  if (options.wait === false && !runLog) return { run_id, job_id: jobId, status: 'running' };
  try {
    return await done;
  } finally {
    runLog?.close();
  }
}
