// /api/jobs* and /api/exports*: schedules with next run times, run now (central, audited), acknowledge a failure,
// provincial read-only on jobs and shut out of exports (packages hold every province), a manual run through a
// running scheduler answering at once, and the quarterly package generated, listed and downloaded with no way
// out of the package's folder.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../../pipeline/jobs/index.ts';
import { packageFile } from '../../pipeline/export/package-file.ts';
import { auditOf, closeApp, demoApp, get, login, post, type Ctx, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
let central: Session;
let prov: Session;
let admin: Session;
let exportsDir: string;
const savedExports = process.env.SHIFAN_EXPORTS;

beforeAll(async () => {
  exportsDir = mkdtempSync(join(tmpdir(), 'shifan-api-exports-'));
  process.env.SHIFAN_EXPORTS = exportsDir;
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  prov = await login(ctx.app, 'prov');
  admin = await login(ctx.app, 'boss');
}, DEMO_TIMEOUT);
afterAll(async () => {
  await closeApp(ctx);
  if (savedExports === undefined) delete process.env.SHIFAN_EXPORTS;
  else process.env.SHIFAN_EXPORTS = savedExports;
});

async function until<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GET /api/jobs', () => {
  it('lists every schedule with its next run times, the runs and the unacknowledged count', async () => {
    const res = await get(ctx.app, central, '/api/jobs');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.schedules.map((s: { job_id: string }) => s.job_id)).toEqual(
      expect.arrayContaining([
        'inbox',
        'refresh',
        'annual_report_check',
        'calendar_check',
        'draw_reminder',
        'quarterly_export',
      ]),
    );
    const q = body.schedules.find((s: { job_id: string }) => s.job_id === 'quarterly_export');
    expect(q.workday_filter).toBe('first_workday_of_quarter');
    expect(q.next_runs.length).toBeGreaterThan(0);
    for (const t of q.next_runs) expect(Date.parse(t)).toBeGreaterThan(Date.now());
    expect(body.runs).toEqual([]);
    expect(body.unacknowledged).toBe(0);
  });

  it('is readable by a provincial account and needs a session', async () => {
    expect((await get(ctx.app, prov, '/api/jobs')).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/jobs' })).statusCode).toBe(401);
  });

  it('shows a provincial account how runs ended but not their national summaries', async () => {
    const res = await post(ctx.app, central, '/api/jobs/calendar_check/run');
    expect(res.statusCode).toBe(200);
    const centralRuns = (await get(ctx.app, central, '/api/jobs')).json().runs as Array<{
      summary: string | null;
      status: string;
    }>;
    const provRuns = (await get(ctx.app, prov, '/api/jobs')).json().runs as Array<{
      summary: string | null;
      details: unknown;
      status: string;
    }>;
    expect(centralRuns.some((r) => r.summary)).toBe(true);
    expect(provRuns.map((r) => r.status)).toEqual(centralRuns.map((r) => r.status));
    expect(provRuns.every((r) => r.summary === null && r.details === null)).toBe(true);
  });
});

describe('POST /api/jobs/:id/run', () => {
  it('runs a job for the central office, records the run and audits it', async () => {
    const res = await post(ctx.app, central, '/api/jobs/calendar_check/run');
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run.job_id).toBe('calendar_check');
    expect(['ok', 'warning']).toContain(run.status);
    expect(run.summary).toMatch(/节假日/);
    const runs = (await get(ctx.app, central, '/api/jobs')).json().runs;
    expect(runs[0]).toMatchObject({
      run_id: run.run_id,
      job_id: 'calendar_check',
      trigger: 'manual',
      triggered_by: 'user:central',
      status: run.status,
    });
    const audit = await until(async () =>
      (await auditOf(ctx.db, 'jobs.run')).find((a) => a.subject === `job_run:${run.run_id}`),
    );
    expect(audit.actor).toBe('user:central');
  });

  it('refuses a provincial account, a missing CSRF token and an unknown job', async () => {
    const before = (await get(ctx.app, central, '/api/jobs')).json().runs.length;
    expect((await post(ctx.app, prov, '/api/jobs/calendar_check/run')).statusCode).toBe(403);
    expect((await post(ctx.app, admin, '/api/jobs/calendar_check/run')).statusCode).toBe(403);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/jobs/calendar_check/run',
          headers: { cookie: central.cookie },
        })
      ).statusCode,
    ).toBe(403);
    const unknown = await post(ctx.app, central, '/api/jobs/no_such_job/run');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'job_not_found', params: { job: 'no_such_job' } });
    expect((await get(ctx.app, central, '/api/jobs')).json().runs.length).toBe(before);
  });
});

describe('POST /api/jobs/runs/:run_id/ack', () => {
  it('acknowledges a warning run: it leaves the unacknowledged list, and the acknowledgement is audited', async () => {
    const run = (await post(ctx.app, central, '/api/jobs/draw_reminder/run')).json();
    expect(run.status).toBe('warning'); // the demo has no committed draw
    const before = (await get(ctx.app, prov, '/api/jobs')).json();
    expect(before.unacknowledged).toBeGreaterThan(0);
    expect(before.unacknowledged_runs.map((r: { run_id: number }) => r.run_id)).toContain(run.run_id);
    expect((await post(ctx.app, prov, `/api/jobs/runs/${run.run_id}/ack`)).statusCode).toBe(403);
    const ack = await post(ctx.app, central, `/api/jobs/runs/${run.run_id}/ack`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ run_id: run.run_id, acknowledged_by: 'user:central' });
    const after = (await get(ctx.app, central, '/api/jobs')).json();
    expect(after.unacknowledged).toBe(before.unacknowledged - 1);
    expect(after.unacknowledged_runs.map((r: { run_id: number }) => r.run_id)).not.toContain(run.run_id);
    expect((await auditOf(ctx.db, 'jobs.acknowledge')).map((a) => a.subject)).toContain(`job_run:${run.run_id}`);
    expect((await post(ctx.app, central, '/api/jobs/runs/999999/ack')).statusCode).toBe(404);
  });
});

describe("a manual run through the server's scheduler", () => {
  it('answers once the run is recorded, and the run shows as finished afterwards', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const scheduler = await startScheduler(ctx.db, {
      schedules: { timezone: 'Asia/Shanghai', jobs: [] },
      jobs: {
        calendar_check: async () => {
          await gate;
          return { summary: '测试运行' };
        },
      },
    });
    try {
      const res = await post(ctx.app, central, '/api/jobs/calendar_check/run');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('running');
      const running = (await get(ctx.app, central, '/api/jobs')).json();
      expect(running.runs[0]).toMatchObject({ run_id: res.json().run_id, status: 'running' });
      release();
      await scheduler.runner.idle();
      const done = (await get(ctx.app, central, '/api/jobs')).json();
      expect(done.runs.find((r: { run_id: number }) => r.run_id === res.json().run_id)).toMatchObject({
        status: 'ok',
        summary: '测试运行',
      });
    } finally {
      release();
      await scheduler.stop();
    }
  });
});

describe('/api/exports', () => {
  it('is closed to provincial accounts (a package holds every province)', async () => {
    expect((await get(ctx.app, prov, '/api/exports')).statusCode).toBe(403);
    expect((await post(ctx.app, prov, '/api/exports', { quarter: '2025Q3' })).statusCode).toBe(403);
    expect((await get(ctx.app, prov, '/api/exports/2025Q3/manifest.json')).statusCode).toBe(403);
    expect((await post(ctx.app, admin, '/api/exports', { quarter: '2025Q3' })).statusCode).toBe(403);
  });

  it('lists nothing before the first export and refuses a malformed quarter', async () => {
    expect((await get(ctx.app, central, '/api/exports')).json()).toEqual([]);
    expect((await post(ctx.app, central, '/api/exports', { quarter: '2025Q5' })).statusCode).toBe(400);
    expect((await post(ctx.app, central, '/api/exports', { quarter: '../x' })).statusCode).toBe(400);
  });

  it('generates the package of 2025Q3, lists it and serves its files', async () => {
    const res = await post(ctx.app, central, '/api/exports', { quarter: '2025Q3' });
    expect(res.statusCode, res.body).toBe(200);
    const pkg = res.json();
    expect(pkg.quarter).toBe('2025Q3');
    expect(pkg.zip).toBe('2025Q3.zip');
    const names = pkg.files.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['shifan-2025Q3.html', 'shifan-2025Q3.xlsx', 'scorecard.csv']));
    expect(JSON.stringify(pkg)).not.toContain(exportsDir);
    expect((await auditOf(ctx.db, 'export.quarter')).map((a) => a.subject)).toContain('export:2025Q3');

    const list = (await get(ctx.app, admin, '/api/exports')).json();
    expect(list.map((l: { quarter: string }) => l.quarter)).toEqual(['2025Q3']);

    const zip = await get(ctx.app, central, '/api/exports/2025Q3/2025Q3.zip');
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toBe('attachment; filename="2025Q3.zip"');
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await get(ctx.app, central, '/api/exports/2025Q3/scorecard.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await get(ctx.app, central, '/api/exports/2025Q3/manifest.json')).json().quarter).toBe('2025Q3');
    if (pkg.pdf === 'ok') {
      const pdf = await get(ctx.app, central, '/api/exports/2025Q3/shifan-2025Q3.pdf');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 120_000);

  it("refuses to replace a sealed package, says how in the caller's language, and rebuilds only when asked, keeping the earlier one and logging it", async () => {
    const first = (await get(ctx.app, central, '/api/exports')).json()[0] as { generated_at: string; files: unknown };
    const again = await post(ctx.app, central, '/api/exports', { quarter: '2025Q3' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('export.exists');
    expect(again.json().error.message).toMatch(/重新生成.*--rebuild/);
    // nothing was touched
    expect((await get(ctx.app, central, '/api/exports')).json()[0]).toEqual(first);

    const rebuilt = await post(ctx.app, central, '/api/exports', { quarter: '2025Q3', rebuild: true });
    expect(rebuilt.statusCode, rebuilt.body).toBe(200);
    expect(rebuilt.json().replaced_generated_at).toBe(first.generated_at);
    expect(JSON.stringify(rebuilt.json())).not.toContain(exportsDir);
    const list = (await get(ctx.app, central, '/api/exports')).json() as { quarter: string }[];
    expect(list.map((l) => l.quarter)).toEqual(['2025Q3']);
    const entry = (await auditOf(ctx.db, 'export.rebuild')).find((a) => a.subject === 'export:2025Q3');
    const logged = JSON.parse(entry?.details ?? '{}') as Record<string, unknown>;
    expect(logged.replaced_generated_at).toBe(first.generated_at);
    // the earlier package, folder and zip, kept where the audit entry says
    const kept = String(logged.replaced_kept_in);
    expect(kept.startsWith(join(exportsDir, 'superseded'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(kept, '2025Q3', 'manifest.json'), 'utf8'));
    expect(manifest.generated_at).toBe(first.generated_at);
    expect(existsSync(join(kept, '2025Q3.zip'))).toBe(true);
  }, 120_000);

  it('serves only files the package lists: no traversal, no other quarter, no other file', async () => {
    for (const url of [
      '/api/exports/2025Q3/..%2F..%2Fapi.duckdb',
      '/api/exports/2025Q3/..',
      '/api/exports/2025Q3/%2e%2e%2f2025Q3.zip',
      '/api/exports/2025Q3/..%5Cmanifest.json',
      '/api/exports/2025Q3/nothing.csv',
      '/api/exports/2025Q2/manifest.json',
      '/api/exports/2025Q3/.hidden',
      '/api/exports/2025Q3/2025Q2.zip',
    ]) {
      const res = await get(ctx.app, central, url);
      expect([400, 404], url).toContain(res.statusCode);
    }
    expect((await get(ctx.app, central, '/api/exports/..%2F..%2Fetc/passwd')).statusCode).toBe(400);
    expect(packageFile(exportsDir, '2025Q3', '../../api.duckdb')).toBeNull();
    expect(packageFile(exportsDir, '../2025Q3', 'manifest.json')).toBeNull();
    expect(packageFile(exportsDir, '2025Q3', 'manifest.json')).toBe(join(exportsDir, '2025Q3', 'manifest.json'));
  });
});
