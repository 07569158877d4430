// The runner and the scheduler: every run recorded, one job's failure leaves the others running, no overlap,
// retries with exponential backoff on transient errors only, acknowledgement, and node-cron actually firing.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJobMessage } from '../../pipeline/vocabulary/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { readAuditLog } from '../../pipeline/audit/index.ts';
import {
  acknowledgeRun,
  JobRunner,
  listJobRuns,
  RunLog,
  runJobNow,
  startScheduler,
  TransientError,
  isTransient,
  type JobFn,
  type RunnerOptions,
} from '../../pipeline/jobs/index.ts';
import { DatabaseBusyError } from '../../pipeline/db/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

let db: Database;
let runLog: RunLog;

beforeAll(async () => {
  db = await openPreparedDatabase(':memory:');
  runLog = await RunLog.open(db);
});

afterAll(() => {
  runLog.close();
  db.close();
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function runner(jobs: Record<string, JobFn>, options: Partial<RunnerOptions> = {}): JobRunner {
  return new JobRunner(db, runLog, { jobs, sleep: async () => undefined, ...options });
}

async function runOf(runId: number) {
  return (await listJobRuns(db, { limit: 1000 })).find((r) => r.run_id === runId)!;
}

describe('recording runs', () => {
  it('records a failing job with its error, and the other jobs still run and succeed', async () => {
    const r = runner({
      broken: async () => {
        throw new Error('the inbox folder is unreadable');
      },
      fine: async () => ({ summary: '一切正常', details: { n: 3 } }),
    });
    const a = await r.trigger('broken', 'scheduled', 'scheduler');
    const b = await r.trigger('fine', 'scheduled', 'scheduler');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra).toMatchObject({ status: 'failed', attempts: 1, error: 'the inbox folder is unreadable' });
    expect(rb).toMatchObject({ status: 'ok', summary: '一切正常' });
    const stored = await runOf(a.run_id);
    expect(stored).toMatchObject({
      job_id: 'broken',
      trigger: 'scheduled',
      status: 'failed',
      error: 'the inbox folder is unreadable',
    });
    expect(stored.finished_at).not.toBeNull();
    expect(await runOf(b.run_id)).toMatchObject({ status: 'ok', details: { n: 3 }, error: null });
    // the lane goes on after a failure
    const c = await r.trigger('fine', 'manual', 'cli:test');
    expect((await c.done).status).toBe('ok');
  });

  it('records a run as running while it runs', async () => {
    const gate = deferred();
    const r = runner({
      slow: async () => {
        await gate.promise;
        return { summary: 'done' };
      },
    });
    const { run_id, done } = await r.trigger('slow', 'manual', 'cli:test');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await runOf(run_id)).toMatchObject({ status: 'running', finished_at: null });
    gate.resolve();
    await done;
    expect(await runOf(run_id)).toMatchObject({ status: 'ok', attempts: 1 });
  });

  it('records a warning outcome as status warning', async () => {
    const r = runner({ remind: async () => ({ summary: '尚未抽取', warning: true }) });
    expect((await (await r.trigger('remind', 'scheduled', 'scheduler')).done).status).toBe('warning');
  });
});

describe('no overlapping runs', () => {
  it('records a second trigger while the job runs as skipped_overlap and does not run it', async () => {
    const gate = deferred();
    let calls = 0;
    const r = runner({
      long: async () => {
        calls++;
        await gate.promise;
        return { summary: 'ok' };
      },
    });
    const first = await r.trigger('long', 'scheduled', 'scheduler');
    const second = await r.trigger('long', 'manual', 'cli:test');
    expect((await second.done).status).toBe('skipped_overlap');
    expect(await runOf(second.run_id)).toMatchObject({ status: 'skipped_overlap', attempts: 0, trigger: 'manual' });
    gate.resolve();
    expect((await first.done).status).toBe('ok');
    expect(calls).toBe(1);
    // once finished, the job runs again
    const third = await r.trigger('long', 'scheduled', 'scheduler');
    expect((await third.done).status).toBe('ok');
    expect(calls).toBe(2);
  });

  it('lets only one of two triggers in the same tick run', async () => {
    const r = runner({ quick: async () => ({ summary: 'ok' }) });
    const [a, b] = await Promise.all([
      r.trigger('quick', 'scheduled', 'scheduler'),
      r.trigger('quick', 'manual', 'cli:test'),
    ]);
    const statuses = (await Promise.all([a.done, b.done])).map((x) => x.status).sort();
    expect(statuses).toEqual(['ok', 'skipped_overlap']);
  });

  it('runs different jobs one after the other on the shared connection, never interleaved', async () => {
    const log: string[] = [];
    const job =
      (name: string): JobFn =>
      async () => {
        log.push(`${name}:start`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push(`${name}:end`);
        return { summary: name };
      };
    const r = runner({ a: job('a'), b: job('b') });
    const runs = await Promise.all([r.trigger('a', 'scheduled', 's'), r.trigger('b', 'scheduled', 's')]);
    await Promise.all(runs.map((x) => x.done));
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });
});

describe('retries', () => {
  it('retries a transient error with exponential backoff, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const r = runner(
      {
        flaky: async () => {
          calls++;
          if (calls < 3) throw new DatabaseBusyError('/tmp/x.duckdb', 'node (PID 42)');
          return { summary: 'loaded' };
        },
      },
      {
        sleep: async (ms) => {
          delays.push(ms);
        },
        baseDelayMs: 1000,
      },
    );
    const { run_id, done } = await r.trigger('flaky', 'scheduled', 'scheduler');
    expect(await done).toMatchObject({ status: 'ok', attempts: 3 });
    expect(delays).toEqual([1000, 2000]);
    expect((await runOf(run_id)).attempts).toBe(3);
  });

  it('gives up after the last attempt and records the error', async () => {
    const delays: number[] = [];
    const r = runner(
      {
        down: async () => {
          throw new TransientError('database busy');
        },
      },
      {
        sleep: async (ms) => {
          delays.push(ms);
        },
        baseDelayMs: 500,
        maxAttempts: 4,
      },
    );
    const { run_id, done } = await r.trigger('down', 'scheduled', 'scheduler');
    expect(await done).toMatchObject({ status: 'failed', attempts: 4, error: 'database busy' });
    expect(delays).toEqual([500, 1000, 2000]);
    expect(await runOf(run_id)).toMatchObject({ status: 'failed', attempts: 4, summary: '重试4次后仍失败' });
  });

  it("keeps a failed run's message as a code the page words in either language: failed, failed after retries, disk full", async () => {
    let full: Error | undefined;
    try {
      writeFileSync('/dev/full', 'x'); // Linux: every write to it fails with ENOSPC
    } catch (err) {
      full = err as Error;
    }
    const r = runner(
      {
        wrong: async () => {
          throw new Error('Binder Error: column "x" not found');
        },
        busy: async () => {
          throw new TransientError('database busy');
        },
        full: async () => {
          throw full;
        },
      },
      { maxAttempts: 2 },
    );
    const said = async (job: string) => {
      const { run_id, done } = await r.trigger(job, 'manual', 'cli:test');
      await done;
      const run = await runOf(run_id);
      return { summary: run.summary, message: run.details?.message, en: renderJobMessage(run.details?.message, 'en') };
    };
    expect(await said('wrong')).toEqual({
      summary: '运行失败',
      message: { code: 'run.failed', params: {} },
      en: 'the run failed',
    });
    expect(await said('busy')).toEqual({
      summary: '重试2次后仍失败',
      message: { code: 'run.failed_retried', params: { attempts: 2 } },
      en: 'failed again after 2 attempts',
    });
    expect(full).toMatchObject({ code: 'ENOSPC' });
    expect(await said('full')).toMatchObject({
      summary: '磁盘空间不足，运行失败：这次运行没有保存，已有的数据不受影响；请腾出空间后重新运行',
      message: { code: 'run.storage_full', params: {} },
    });
  });

  it('does not retry an error that is not transient', async () => {
    let calls = 0;
    const r = runner({
      wrong: async () => {
        calls++;
        throw new Error('sql/export/flags.sql:3: Binder Error');
      },
    });
    expect((await (await r.trigger('wrong', 'scheduled', 'scheduler')).done).attempts).toBe(1);
    expect(calls).toBe(1);
  });

  it.each([
    [new DatabaseBusyError('/x', 'pid 1'), true],
    [new TransientError('later'), true],
    [new Error('TransactionContext Error: cannot start a transaction within a transaction'), true],
    [Object.assign(new Error('x'), { transient: true }), true],
    [new Error('Binder Error: column "x" not found'), false],
  ])('classifies %s as transient: %s', (err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});

describe('acknowledging', () => {
  it('shows a failed run until acknowledged, then records who acknowledged it in the audit log', async () => {
    const r = runner({
      failing: async () => {
        throw new Error('no space left');
      },
    });
    const { run_id, done } = await r.trigger('failing', 'scheduled', 'scheduler');
    await done;
    expect((await listJobRuns(db, { unacknowledgedFailuresOnly: true })).map((x) => x.run_id)).toContain(run_id);
    const acked = await acknowledgeRun(db, run_id, 'analyst:wang');
    expect(acked).toMatchObject({ run_id, acknowledged_by: 'analyst:wang' });
    expect((await listJobRuns(db, { unacknowledgedFailuresOnly: true })).map((x) => x.run_id)).not.toContain(run_id);
    const audit = await readAuditLog(db, { subject: `job_run:${run_id}` });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'jobs.acknowledge', actor: 'analyst:wang' });
  });

  it('refuses to acknowledge a run that does not exist', async () => {
    await expect(acknowledgeRun(db, 999_999, 'analyst:wang')).rejects.toThrow('job run 999999 does not exist');
  });
});

describe('the scheduler', () => {
  it('fires node-cron schedules in their time zone and records scheduled runs; stop() ends them', async () => {
    let ticks = 0;
    const handle = await startScheduler(db, {
      schedules: {
        timezone: 'Asia/Shanghai',
        jobs: [
          {
            job_id: 'tick',
            cron: '* * * * * *',
            enabled: true,
            description_zh: '每秒',
            description_en: 'every second',
          },
          { job_id: 'off', cron: '* * * * * *', enabled: false, description_zh: '停用', description_en: 'disabled' },
        ],
      },
      jobs: {
        tick: async () => {
          ticks++;
          return { summary: 'tick' };
        },
        off: async () => {
          throw new Error('must not run');
        },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 2300));
    await handle.stop();
    const after = ticks;
    expect(after).toBeGreaterThanOrEqual(1);
    const runs = await listJobRuns(db, { jobId: 'tick' });
    expect(runs.length).toBe(after);
    expect(runs.every((x) => x.trigger === 'scheduled' && x.status === 'ok')).toBe(true);
    expect(await listJobRuns(db, { jobId: 'off' })).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(ticks).toBe(after);
  });

  it('runs a job now through the running scheduler, sharing its overlap lock', async () => {
    const gate = deferred();
    const handle = await startScheduler(db, {
      schedules: {
        timezone: 'Asia/Shanghai',
        jobs: [{ job_id: 'busy', cron: '0 0 1 1 *', enabled: true, description_zh: '', description_en: '' }],
      },
      jobs: {
        busy: async () => {
          await gate.promise;
          return { summary: 'done' };
        },
      },
    });
    const first = await runJobNow(db, 'busy', 'analyst:li', { wait: false });
    expect(first.status).toBe('running');
    const second = await runJobNow(db, 'busy', 'analyst:zhao');
    expect(second.status).toBe('skipped_overlap');
    gate.resolve();
    await handle.stop();
    expect(await runOf(first.run_id)).toMatchObject({ status: 'ok', trigger: 'manual', triggered_by: 'analyst:li' });
  });

  it('closes runs left running by a process that died when it starts', async () => {
    const orphan = await runLog.start('orphan', 'scheduled', 'scheduler');
    const handle = await startScheduler(db, { schedules: { timezone: 'Asia/Shanghai', jobs: [] }, jobs: {} });
    await handle.stop();
    expect(await runOf(orphan)).toMatchObject({ status: 'failed' });
    expect((await runOf(orphan)).error).toMatch(/interrupted/);
  });
});

describe('sharing the lane', () => {
  it('runs other writers after the running job, never in the middle of it', async () => {
    const gate = deferred();
    const log: string[] = [];
    const handle = await startScheduler(db, {
      schedules: { timezone: 'Asia/Shanghai', jobs: [] },
      jobs: {
        write: async () => {
          log.push('job:start');
          await gate.promise;
          log.push('job:end');
          return { summary: 'ok' };
        },
      },
    });
    const run = await runJobNow(db, 'write', 'test', { wait: false });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const other = db.exclusive(async () => {
      log.push('upload');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.resolve();
    await other;
    await handle.stop();
    expect(log).toEqual(['job:start', 'job:end', 'upload']);
    expect(run.status).toBe('running');
  });
});
