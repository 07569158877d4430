// Runs jobs: one run at a time per job (a trigger while the job is running or waiting is recorded as
// skipped_overlap), retries with exponential backoff when an error is transient, and every run recorded in
// job_runs. All jobs share the one DuckDB connection of the process, whose transactions cannot nest, so runs
// pass through the database handle's writers' lane (Database.exclusive): a run waits for the previous run of any
// job, and for any other writer, to finish. A failing job only fails its own run; the lane and the other jobs go on.
import cron, { type ScheduledTask } from 'node-cron';
import { DatabaseBusyError, type Database } from '../db/index.ts';
import { loadSchedules, type SchedulesFile } from './config.ts';
import { passesFilter } from './next-run.ts';
import type { JobContext, JobFn } from './job.ts';
import { RunLog, type JobRunStatus, type JobTrigger } from './runs.ts';
import { storageFull } from '../db/storage-full.ts';
import { renderJobMessage, type JobMessage } from '../vocabulary/index.ts';
import type { JobDetails } from '../shapes/job-details.ts';

/** Throw this (or any error with `transient: true`) for a failure worth retrying. */
export class TransientError extends Error {
  readonly transient = true;
  override name = 'TransientError';
}

/** Errors that may pass by themselves: the database held by another process, a nested transaction, I/O hiccups. */
export function isTransient(err: unknown): boolean {
  if (err instanceof DatabaseBusyError) return true;
  if (err && typeof err === 'object' && (err as { transient?: unknown }).transient === true) return true;
  const message = err instanceof Error ? err.message : String(err);
  return /transaction within a transaction|Conflicting lock|Could not set lock|write-write conflict|Transaction conflict|\bEBUSY\b|\bEAGAIN\b|\bETIMEDOUT\b|\bECONNRESET\b/i.test(
    message,
  );
}

export interface JobEvent {
  type: 'started' | 'finished' | 'skipped_overlap' | 'retry';
  job_id: string;
  run_id: number;
  trigger: JobTrigger;
  status?: JobRunStatus;
  summary?: string | null;
  error?: string | null;
  attempt?: number;
  delay_ms?: number;
}

export interface RunResult {
  run_id: number;
  job_id: string;
  status: Exclude<JobRunStatus, 'running'>;
  attempts: number;
  summary: string | null;
  error: string | null;
  details?: JobDetails;
}

export interface RunnerOptions {
  jobs: Record<string, JobFn>;
  onEvent?: (event: JobEvent) => void;
  /** Attempts in all, first included (default 4). */
  maxAttempts?: number;
  /** Delay before the first retry; doubled each time (default 5 s: 5, 10, 20 s). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class JobRunner {
  private readonly active = new Map<string, Promise<RunResult>>();

  constructor(
    readonly db: Database,
    private readonly runLog: RunLog,
    private readonly options: RunnerOptions,
  ) {}

  get jobIds(): string[] {
    return Object.keys(this.options.jobs);
  }

  isRunning(jobId: string): boolean {
    return this.active.has(jobId);
  }

  /**
   * Starts a run and returns its id at once (`started`) and the promise of its end (`done`). The run's row is
   * written before anything else, so a second trigger sees it.
   */
  async trigger(
    jobId: string,
    trigger: JobTrigger,
    actor: string,
    due: Date = new Date(),
  ): Promise<{ run_id: number; done: Promise<RunResult> }> {
    const fn = this.options.jobs[jobId];
    if (!fn) throw new UnknownJobError(`no job "${jobId}"; jobs: ${this.jobIds.join(', ')}`);
    if (this.active.has(jobId)) {
      const summary = renderJobMessage({ code: 'skipped_overlap' }, 'zh');
      const runId = await this.runLog.start(jobId, trigger, actor, 'skipped_overlap', summary);
      this.emit({ type: 'skipped_overlap', job_id: jobId, run_id: runId, trigger, status: 'skipped_overlap' });
      const result: RunResult = {
        run_id: runId,
        job_id: jobId,
        status: 'skipped_overlap',
        attempts: 0,
        summary,
        error: null,
      };
      return { run_id: runId, done: Promise.resolve(result) };
    }
    // Claimed and queued before the first await: two triggers in one tick cannot both run, and runs take the lane
    // in the order they were triggered.
    const started = this.runLog.start(jobId, trigger, actor);
    const done = this.db
      .exclusive(async () => this.execute(jobId, fn, await started, { db: this.db, now: due, trigger, actor }))
      .finally(() => this.active.delete(jobId));
    this.active.set(jobId, done);
    let runId: number;
    try {
      runId = await started;
    } catch (err) {
      done.catch(() => undefined); // the run never started; its failure is this error, thrown here
      throw err;
    }
    return { run_id: runId, done };
  }

  /** Resolves when every started run has finished. */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  private async execute(jobId: string, fn: JobFn, runId: number, ctx: JobContext): Promise<RunResult> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    const baseDelay = this.options.baseDelayMs ?? 5000;
    const sleep = this.options.sleep ?? defaultSleep;
    this.emit({ type: 'started', job_id: jobId, run_id: runId, trigger: ctx.trigger, status: 'running' });
    let attempt = 0;
    let result: RunResult;
    for (;;) {
      attempt++;
      try {
        const outcome = await fn(ctx);
        result = {
          run_id: runId,
          job_id: jobId,
          status: outcome.warning ? 'warning' : 'ok',
          attempts: attempt,
          summary: outcome.summary,
          error: null,
          // the message's code and figures travel with the run, so a page can word it in its own language
          details: outcome.message ? { ...outcome.details, message: outcome.message } : outcome.details,
        };
        break;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (attempt < maxAttempts && isTransient(err)) {
          const delay = baseDelay * 2 ** (attempt - 1);
          this.emit({
            type: 'retry',
            job_id: jobId,
            run_id: runId,
            trigger: ctx.trigger,
            attempt,
            delay_ms: delay,
            error: message,
          });
          await sleep(delay);
          continue;
        }
        // worded by the page in its reader's language; the error's own text stays beside it for the administrator
        const failure: JobMessage = storageFull(err)
          ? { code: 'run.storage_full', params: {} }
          : isTransient(err)
            ? { code: 'run.failed_retried', params: { attempts: attempt } }
            : { code: 'run.failed', params: {} };
        result = {
          run_id: runId,
          job_id: jobId,
          status: 'failed',
          attempts: attempt,
          error: message,
          summary: renderJobMessage(failure, 'zh'),
          details: { message: failure },
        };
        break;
      }
    }
    try {
      await this.runLog.finish(runId, result as RunResult & { status: 'ok' | 'warning' | 'failed' });
    } catch (err) {
      // The run itself is over; a record that cannot be written is reported, never thrown into the lane.
      result = { ...result, error: `${result.error ?? ''} (run record not written: ${(err as Error).message})`.trim() };
    }
    this.emit({
      type: 'finished',
      job_id: jobId,
      run_id: runId,
      trigger: ctx.trigger,
      status: result.status,
      summary: result.summary,
      error: result.error,
    });
    return result;
  }

  private emit(event: JobEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // a listener's error is not the job's
    }
  }
}

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
}

export interface SchedulerHandle {
  runner: JobRunner;
  schedules: SchedulesFile;
  /** Stops the cron tasks, waits for running jobs to finish, closes the run log's connection. */
  stop(): Promise<void>;
}

let current: JobRunner | undefined;

/** The runner of the scheduler started in this process, if any (runJobNow uses it to share the overlap lock). */
export function currentRunner(): JobRunner | undefined {
  return current;
}

export interface StartOptions {
  onEvent?: (event: JobEvent) => void;
  schedules?: SchedulesFile;
  /** Job implementations by job id: pipeline/jobs/definitions.ts's jobDefinitions in the product. */
  jobs: Record<string, JobFn>;
  runnerOptions?: Omit<RunnerOptions, 'jobs' | 'onEvent'>;
}

/** Starts every enabled schedule with node-cron in its time zone. */
export async function startScheduler(db: Database, options: StartOptions): Promise<SchedulerHandle> {
  const schedules = options.schedules ?? loadSchedules();
  const { jobs } = options;
  const runLog = await RunLog.open(db);
  await runLog.markInterrupted();
  const runner = new JobRunner(db, runLog, { ...options.runnerOptions, jobs, onEvent: options.onEvent });
  const tasks: ScheduledTask[] = [];
  for (const schedule of schedules.jobs) {
    if (!schedule.enabled) continue;
    if (!jobs[schedule.job_id])
      throw new UnknownJobError(`data/schedules.json names job "${schedule.job_id}", which has no definition`);
    const task = cron.schedule(
      schedule.cron,
      async (ctx) => {
        if (!passesFilter(schedule.workday_filter, ctx.date, schedules.timezone)) return;
        await runner.trigger(schedule.job_id, 'scheduled', 'scheduler', ctx.date).catch((err: Error) => {
          options.onEvent?.({
            type: 'finished',
            job_id: schedule.job_id,
            run_id: 0,
            trigger: 'scheduled',
            status: 'failed',
            error: err.message,
          });
        });
      },
      { timezone: schedules.timezone, name: schedule.job_id },
    );
    tasks.push(task);
  }
  current = runner;
  return {
    runner,
    schedules,
    async stop() {
      for (const task of tasks) await task.destroy();
      await runner.idle();
      if (current === runner) current = undefined;
      runLog.close();
    },
  };
}
