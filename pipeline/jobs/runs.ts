// The job_runs table: one row per run (sql/schema/050_jobs.sql). The scheduler writes its rows through a
// connection of its own (RunLog), so that a run's record never lands inside a job's transaction on the shared
// connection (and is never rolled back with it). Reading and acknowledging go through the ordinary handle.
import { CodedError } from '../vocabulary/index.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlText, type Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import type { JobDetails } from '../shapes/job-details.ts';

export type JobTrigger = 'scheduled' | 'manual';
export type JobRunStatus = 'running' | 'ok' | 'warning' | 'failed' | 'skipped_overlap';

export interface JobRun {
  run_id: number;
  job_id: string;
  trigger: JobTrigger;
  started_at: string;
  finished_at: string | null;
  status: JobRunStatus;
  attempts: number;
  summary: string | null;
  details: JobDetails;
  error: string | null;
  triggered_by: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

export class RunLog {
  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(db: Database): Promise<RunLog> {
    const connection = await db.instance.connect();
    await connection.run(`SET TimeZone = 'Asia/Shanghai'`);
    return new RunLog(connection);
  }

  async start(
    jobId: string,
    trigger: JobTrigger,
    triggeredBy: string,
    status: 'running' | 'skipped_overlap' = 'running',
    summary: string | null = null,
  ): Promise<number> {
    const reader = await this.connection.runAndReadAll(sqlText('jobs/start_run'), {
      job_id: jobId,
      trigger,
      status,
      summary,
      triggered_by: triggeredBy,
    });
    return Number(reader.getRowObjectsJS()[0].run_id);
  }

  async finish(
    runId: number,
    result: {
      status: 'ok' | 'warning' | 'failed';
      attempts: number;
      summary: string | null;
      details?: JobDetails;
      error?: string | null;
    },
  ): Promise<void> {
    await this.connection.run(sqlText('jobs/finish_run'), {
      run_id: runId,
      status: result.status,
      attempts: result.attempts,
      summary: result.summary,
      details: result.details === undefined ? null : JSON.stringify(result.details),
      error: result.error ?? null,
    });
  }

  /** Closes runs left 'running' by a process that died; returns nothing. */
  async markInterrupted(): Promise<void> {
    await this.connection.run(sqlText('jobs/mark_interrupted'));
  }

  close(): void {
    this.connection.closeSync();
  }
}

export interface ListRunsOptions {
  limit?: number;
  jobId?: string;
  /** Only failed or warning runs nobody has acknowledged: what the Data page and the Overview show. */
  unacknowledgedFailuresOnly?: boolean;
}

/** Where the runs are read from: the database handle, or any reader of SQL files (the API's read connections). */
export interface RunsSource {
  allFile<T>(name: string, params: Record<string, string | number | boolean | null>): Promise<T[]>;
}

export async function listJobRuns(db: RunsSource, options: ListRunsOptions = {}): Promise<JobRun[]> {
  const rows = await db.allFile<JobRun & { details: string | null }>('jobs/list_runs', {
    limit: options.limit ?? 50,
    job_id: options.jobId ?? null,
    unacknowledged: options.unacknowledgedFailuresOnly ?? false,
  });
  return rows.map((r) => ({ ...r, details: r.details ? JSON.parse(r.details) : null }));
}

/** No such run: a vocabulary error (404 in the API). */
export class JobRunNotFoundError extends CodedError {
  constructor(runId: number) {
    super('job_run_not_found', { run: runId });
  }
}

/** Marks a failed or warning run as seen; audit-logged. Acknowledging twice keeps the first acknowledgement. */
export async function acknowledgeRun(db: Database, runId: number, actor: string): Promise<JobRun> {
  return db.transaction(async () => {
    const rows = await db.allFile<{ job_id: string; status: string }>('jobs/acknowledge_run', { run_id: runId, actor });
    if (rows.length === 0) throw new JobRunNotFoundError(runId);
    await appendAudit(db, {
      action: 'jobs.acknowledge',
      actor,
      subject: `job_run:${runId}`,
      details: { job_id: rows[0].job_id, status: rows[0].status },
    });
    const run = (
      await db.allFile<JobRun & { details: string | null }>('jobs/list_runs', {
        limit: 1_000_000,
        job_id: rows[0].job_id,
        unacknowledged: false,
      })
    ).find((r) => r.run_id === runId)!;
    return { ...run, details: run.details ? JSON.parse(run.details) : null };
  });
}
