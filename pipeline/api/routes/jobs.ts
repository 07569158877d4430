// /api/jobs* and /api/exports*: the scheduled jobs (schedules with next run times, recent runs, run now,
// acknowledge a failure) and the quarterly packages (list, generate, download a file). Runs are read on the
// read connections; every state change goes through app.q.write, i.e. after the running job in the jobs' lane.
// Packages hold every province, so the export routes are for the central office and admin only.
import type { FastifyInstance } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { appendAudit } from '../../audit/index.ts';
import { acknowledgeRun, currentRunner, listExports, listSchedules, runJobNow, UnknownJobError, type ExportListing, type JobRun } from '../../jobs/index.ts';
import { defaultExportsDir, exportQuarter } from '../../export/index.ts';
import { requireRole } from '../plugins/auth.ts';
import { asBadRequest, CodedError } from '../plugins/errors.ts';
import * as S from '../schemas/jobs.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** A listing as the API shows it: file names, never the server's paths. */
function publicListing(l: ExportListing) {
  return {
    quarter: l.quarter, generated_at: l.generated_at, as_of: l.as_of, indicator_system_version: l.indicator_system_version, pdf: l.pdf,
    zip: l.zip ? basename(l.zip) : null, zip_bytes: l.zip_bytes, files: l.files.map((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 })),
  };
}

/** The path of `name` in the package of `quarter`: a file its manifest lists, or the zip; null for anything else. */
export function packageFile(exportsDir: string, quarter: string, name: string): string | null {
  if (!/^\d{4}Q[1-4]$/.test(quarter) || name.includes('/') || name.includes('\\') || name.includes('\0') || name.startsWith('.')) return null;
  const pkg = listExports(exportsDir).find((l) => l.quarter === quarter && basename(l.dir) === quarter);
  if (!pkg) return null;
  let path: string | null = null;
  if (pkg.zip && name === basename(pkg.zip)) path = pkg.zip;
  else if (pkg.files.some((f) => f.name === name) || name === 'manifest.json') path = join(pkg.dir, name);
  if (!path) return null;
  // Belt and braces: the resolved path stays inside the exports folder.
  const rel = relative(resolve(exportsDir), resolve(path));
  if (rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(path) === resolve(exportsDir)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

export default async function jobRoutes(app: FastifyInstance) {
  const central = requireRole('central');
  const centralOrAdmin = requireRole('central', 'admin');
  const runs = async (options: { limit: number; unacknowledged: boolean }): Promise<JobRun[]> =>
    (await app.q.rows<JobRun & { details: string | null }>('jobs/list_runs', { limit: options.limit, job_id: null, unacknowledged: options.unacknowledged }))
      .map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }));

  app.get('/jobs', { schema: S.list }, async (req) => {
    // Run summaries and details carry national counts and server paths: a provincial office sees that a job ran
    // and how it ended, not what it found across the country.
    const scoped = req.user?.role === 'provincial'
      ? (r: JobRun) => ({ ...r, summary: null, details: null, error: r.error === null ? null : 'failed (details for the central office)' })
      : (r: JobRun) => r;
    const failures = (await runs({ limit: 1000, unacknowledged: true })).map(scoped);
    return { schedules: await listSchedules(app.db), runs: (await runs({ limit: 50, unacknowledged: false })).map(scoped), unacknowledged: failures.length, unacknowledged_runs: failures.slice(0, 20) };
  });

  app.post('/jobs/:id/run', { schema: S.runNow, preHandler: central }, async (req) => {
    const { id } = req.params as { id: string };
    const actor = `user:${req.user!.username}`;
    try {
      let result: { run_id: number; job_id: string; status: string; summary?: string | null; error?: string | null };
      if (currentRunner()) {
        // Through the server's scheduler: same overlap lock and lane; answers once the run is recorded.
        result = await runJobNow(app.db, id, actor, { wait: false });
      } else {
        result = await app.q.write((db) => runJobNow(db, id, actor));
      }
      // After the run in the lane, so the entry never lands inside the job's transaction.
      app.q.write((db) => appendAudit(db, { action: 'jobs.run', actor, subject: `job_run:${result.run_id}`, details: { job_id: id } }))
        .catch((err) => app.log.error({ err }, 'audit of a manual job run failed'));
      return { run_id: result.run_id, job_id: result.job_id, status: result.status, summary: result.summary ?? null, error: result.error ?? null };
    } catch (err) {
      if (err instanceof UnknownJobError) throw new CodedError('job_not_found', { job: id });
      throw err;
    }
  });

  app.post('/jobs/runs/:run_id/ack', { schema: S.acknowledge, preHandler: central }, async (req) => {
    const { run_id } = req.params as { run_id: number };
    const actor = `user:${req.user!.username}`;
    return asBadRequest(app.q.write((db) => acknowledgeRun(db, run_id, actor)));
  });

  app.get('/exports', { schema: S.exports, preHandler: centralOrAdmin }, async () => listExports(defaultExportsDir()).map(publicListing));

  app.post('/exports', { schema: S.createExport, preHandler: central }, async (req) => {
    const { quarter } = req.body as { quarter: string };
    const actor = `user:${req.user!.username}`;
    const r = await asBadRequest(app.q.write(async (db) => {
      const result = await exportQuarter(db, { quarter });
      await appendAudit(db, { action: 'export.quarter', actor, subject: `export:${result.quarter}`, details: { quarter: result.quarter, files: result.files.length, pdf: result.pdf, as_of: result.as_of } });
      return result;
    }));
    const listing = listExports(defaultExportsDir()).find((l) => l.quarter === r.quarter);
    if (!listing) throw new Error(`the package of ${r.quarter} was written to ${r.dir} but is not listed`);
    return { ...publicListing(listing), message: r.message, seconds: r.seconds };
  });

  app.get('/exports/:quarter/:file', { schema: S.download, preHandler: centralOrAdmin }, async (req, reply) => {
    const { quarter, file } = req.params as { quarter: string; file: string };
    const path = packageFile(defaultExportsDir(), quarter, file);
    if (!path) throw new CodedError('export_file_not_found', { file, quarter });
    const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
    return reply
      .header('content-type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('content-length', statSync(path).size)
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  });
}
