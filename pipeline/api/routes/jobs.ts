// /api/jobs* and /api/exports*: the scheduled jobs (schedules with next run times, recent runs, run now,
// acknowledge a failure) and the quarterly packages (list, generate, download a file). Runs are read on the
// read connections; every state change goes through app.q.write, i.e. after the running job in the jobs' lane.
// Packages hold every province, so the export routes are for the central office and admin only.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { appendAudit } from '../../audit/index.ts';
import {
  acknowledgeRun,
  currentRunner,
  listJobRuns,
  listSchedules,
  runJobNow,
  UnknownJobError,
  type JobRun,
} from '../../jobs/index.ts';
import { exportRoutes } from '../../export/routes.ts';
import { requireRole } from '../plugins/auth.ts';
import { asBadRequest, CodedError } from '../plugins/errors.ts';
import * as S from '../schemas/jobs.ts';

export default async function jobRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const central = requireRole('central');
  const centralOrAdmin = requireRole('central', 'admin');
  // On the read connections, so the list answers while a job holds the writer.
  const readers = {
    allFile: <T>(name: string, params: Record<string, string | number | boolean | null>) => app.q.rows<T>(name, params),
  };
  const runs = (options: { limit: number; unacknowledged: boolean }): Promise<JobRun[]> =>
    listJobRuns(readers, { limit: options.limit, unacknowledgedFailuresOnly: options.unacknowledged });

  app.get('/jobs', { schema: S.list }, async (req) => {
    // Run summaries and details carry national counts and server paths: a provincial office sees that a job ran
    // and how it ended, not what it found across the country.
    const scoped =
      req.user?.role === 'provincial'
        ? (r: JobRun) => ({
            ...r,
            summary: null,
            details: null,
            error: r.error === null ? null : 'failed (details for the central office)',
          })
        : (r: JobRun) => r;
    const failures = (await runs({ limit: 1000, unacknowledged: true })).map(scoped);
    return {
      schedules: await listSchedules(app.db),
      runs: (await runs({ limit: 50, unacknowledged: false })).map(scoped),
      unacknowledged: failures.length,
      unacknowledged_runs: failures.slice(0, 20),
    };
  });

  app.post('/jobs/:id/run', { schema: S.runNow, preHandler: central }, async (req) => {
    const { id } = req.params;
    const actor = `user:${req.user!.username}`;
    try {
      let result: {
        run_id: number;
        job_id: string;
        status: S.RunStarted['status'];
        summary?: string | null;
        error?: string | null;
      };
      if (currentRunner()) {
        // Through the server's scheduler: same overlap lock and lane; answers once the run is recorded.
        result = await runJobNow(app.db, id, actor, { wait: false });
      } else {
        // The run takes the writer's lane itself (Database.exclusive), so it is not wrapped in app.q.write.
        result = await runJobNow(app.db, id, actor).finally(() => app.q.invalidate());
      }
      // After the run in the lane, so the entry never lands inside the job's transaction.
      app.q
        .write((db) =>
          appendAudit(db, { action: 'jobs.run', actor, subject: `job_run:${result.run_id}`, details: { job_id: id } }),
        )
        .catch((err) => app.log.error({ err }, 'audit of a manual job run failed'));
      return {
        run_id: result.run_id,
        job_id: result.job_id,
        status: result.status,
        summary: result.summary ?? null,
        error: result.error ?? null,
      };
    } catch (err) {
      if (err instanceof UnknownJobError) throw new CodedError('job_not_found', { job: id });
      throw err;
    }
  });

  app.post('/jobs/runs/:run_id/ack', { schema: S.acknowledge, preHandler: central }, async (req) => {
    const { run_id } = req.params;
    const actor = `user:${req.user!.username}`;
    return asBadRequest(app.q.write((db) => acknowledgeRun(db, run_id, actor)));
  });

  // The quarterly packages' routes live in the export room; the API mounts them behind its roles and writer lane.
  await app.register(exportRoutes, {
    readers: centralOrAdmin,
    writers: central,
    schemas: { list: S.exports, create: S.createExport, download: S.download },
  });
}
