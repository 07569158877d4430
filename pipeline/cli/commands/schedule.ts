// `shifan schedule` runs the scheduler in the foreground until Ctrl-C; `shifan schedule --list` prints every
// schedule with its next run times. `shifan jobs run ID`, `shifan jobs runs`, `shifan jobs ack RUN_ID` run a job
// now, list recorded runs, and acknowledge a failed or warning run.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import {
  acknowledgeRun,
  type JobRun,
  jobDefinitions,
  listJobRuns,
  listSchedules,
  runJobNow,
  startScheduler,
} from '../../jobs/index.ts';
import { cliOut, langOf, optionsOf, printJson, setExitCode, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';
import { beijingMinute, cliWord, label, type Lang } from '../../vocabulary/index.ts';

/** The CLI's job tables are Chinese; job status and trigger come from the vocabulary. */
const status = (s: string) => label('jobStatus', s, 'zh');

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'run the scheduled jobs in the foreground until Ctrl-C (data/schedules.json), or --list them with next run times',
    )
    .option('--list', 'print the schedules and their next run times, then exit')
    .option('--count <n>', 'next run times to show per job with --list', '3')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ list?: boolean; count: string }>(cmd);
      if (opts.list) {
        const schedules = await listSchedules(null, { count: Number(opts.count) });
        if (opts.json) return printJson(schedules);
        const lang = langOf(cmd);
        const rows = schedules.map((s) => [
          s.job_id,
          s.cron + (s.workday_filter ? cliWord('schedule.workdays', lang) : ''),
          label('yesNo', s.enabled, lang),
          s.next_runs.map((r) => beijingMinute(r)).join(', ') +
            (s.provisional_years.length ? cliWord('schedule.provisional', lang, { years: s.provisional_years }) : ''),
          lang === 'zh' ? s.description_zh : s.description_en,
        ]);
        const head = [
          cliWord('head.job', lang),
          'cron (Asia/Shanghai)',
          cliWord('head.enabled', lang),
          cliWord('head.nextRuns', lang),
          cliWord('head.description', lang),
        ];
        cliOut.write(`${formatTable(head, rows)}\n`);
        return;
      }
      await withDatabase(cmd, async (db) => {
        const handle = await startScheduler(db, {
          jobs: jobDefinitions,
          onEvent: (e) => {
            const line = opts.json
              ? JSON.stringify({ at: new Date().toISOString(), ...e })
              : `${beijingMinute(new Date())} ${e.job_id} #${e.run_id} ${e.type}${e.status ? ` ${status(e.status)}` : ''}${e.summary ? `：${e.summary}` : ''}${e.error ? ` 错误：${e.error}` : ''}${e.delay_ms ? `，${e.delay_ms / 1000} s 后重试` : ''}`;
            cliOut.write(`${line}\n`);
          },
        });
        const enabled = handle.schedules.jobs.filter((j) => j.enabled).map((j) => j.job_id);
        cliOut.write(`调度已启动（Asia/Shanghai）：${enabled.join(', ')}；按 Ctrl-C 停止\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        cliOut.write('正在停止：等待运行中的任务结束…\n');
        await handle.stop();
      });
    });
}

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('scheduled jobs: run one now, list runs, acknowledge failures');
  jobs
    .command('run <job_id>')
    .description('run a job now and wait for it (recorded as a manual run)')
    .action(async (jobId: string, _opts, cmd: Command) => {
      const opts = optionsOf<object>(cmd);
      const ids = (await listSchedules(null, { count: 0 })).map((s) => s.job_id);
      if (!ids.includes(jobId)) throw new UsageError(`no job "${jobId}"; jobs: ${ids.join(', ')}`);
      const result = await withDatabase(cmd, (db) => runJobNow(db, jobId, cliActor()), { exclusive: false });
      if (opts.json) return printJson(result);
      cliOut.write(
        `${jobId} #${result.run_id} ${status(result.status)}${'summary' in result && result.summary ? `：${result.summary}` : ''}${'error' in result && result.error ? `\n错误：${result.error}` : ''}\n`,
      );
      if (result.status === 'failed') setExitCode(1);
    });
  jobs
    .command('runs')
    .description('recorded job runs, newest first')
    .option('--limit <n>', 'how many', '20')
    .option('--job <id>', 'one job')
    .option('--unacknowledged', 'only failed or warning runs nobody has acknowledged')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ limit: string; job?: string; unacknowledged?: boolean }>(cmd);
      const runs = await withDatabase(cmd, (db) =>
        listJobRuns(db, {
          limit: Number(opts.limit),
          jobId: opts.job,
          unacknowledgedFailuresOnly: opts.unacknowledged,
        }),
      );
      if (opts.json) return printJson(runs);
      cliOut.write(
        `${formatTable(
          (
            [
              'head.run',
              'head.job',
              'head.trigger',
              'head.started',
              'head.finished',
              'status',
              'head.attempts',
              'head.summary',
            ] as const
          ).map((h) => cliWord(h, langOf(cmd))),
          runs.map((r) => runRow(r, langOf(cmd))),
        )}\n`,
      );
    });
  jobs
    .command('ack <run_id>')
    .description('acknowledge a failed or warning run (audit-logged), so it no longer shows as needing attention')
    .action(async (runId: string, _opts, cmd: Command) => {
      const opts = optionsOf<object>(cmd);
      if (!/^\d+$/.test(runId)) throw new UsageError(`run_id must be a number, got "${runId}"`);
      const run = await withDatabase(cmd, (db) => acknowledgeRun(db, Number(runId), cliActor()));
      if (opts.json) return printJson(run);
      cliOut.write(`已确认 ${run.job_id} #${run.run_id}（${run.acknowledged_by}，${run.acknowledged_at}）\n`);
    });
}

function runRow(r: JobRun, lang: Lang): Array<string | number | null> {
  const summary = r.status === 'failed' ? `${r.summary ?? ''} ${r.error ?? ''}`.trim() : r.summary;
  const ack = r.acknowledged_at ? ' ✓' : '';
  return [
    r.run_id,
    r.job_id,
    label('jobTrigger', r.trigger, lang),
    r.started_at.replace('T', ' '),
    r.finished_at?.replace('T', ' ') ?? '',
    `${label('jobStatus', r.status, lang)}${ack}`,
    r.attempts,
    summary,
  ];
}
