// What each scheduled job does, run through runJobNow on the refreshed small demo, as an analyst's "run now".
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { listExports } from '../../pipeline/export/packages.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import {
  annualReportCheckJob,
  calendarCheckJob,
  drawReminderJob,
  listJobRuns,
  runJobNow,
  type JobContext,
} from '../../pipeline/jobs/index.ts';
import { refreshedSmallDemo } from '../export/fixture.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let db: Database;
let dir: string;
const saved = { inbox: process.env.SHIFAN_INBOX, exports: process.env.SHIFAN_EXPORTS };

beforeAll(async () => {
  ({ db, dir } = await refreshedSmallDemo());
  process.env.SHIFAN_EXPORTS = join(dir, 'exports');
}, DEMO_TIMEOUT);

afterAll(() => {
  db?.close();
  for (const [key, value] of [
    ['SHIFAN_INBOX', saved.inbox],
    ['SHIFAN_EXPORTS', saved.exports],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const ctx = (now: string): JobContext => ({ db, now: new Date(now), trigger: 'manual', actor: 'test' });

describe('inbox', () => {
  it('loads new files and skips those already loaded by their SHA-256', async () => {
    const inbox = join(dir, 'watched');
    mkdirSync(inbox, { recursive: true });
    const sent = readdirSync(join(dir, 'inbox')).find(
      (f) => f.startsWith('disclosure_requests') && f.endsWith('.csv'),
    )!;
    cpSync(join(dir, 'inbox', sent), join(inbox, `again-${sent}`));
    process.env.SHIFAN_INBOX = inbox;
    const first = await runJobNow(db, 'inbox', 'test');
    expect(first.status).toBe('ok');
    expect(first).toMatchObject({ details: { skipped: 1 } });
    expect((first as { summary: string }).summary).toMatch(/已加载跳过 1 个/);
  });

  it('warns when the inbox folder does not exist', async () => {
    process.env.SHIFAN_INBOX = join(dir, 'missing-inbox');
    const r = await runJobNow(db, 'inbox', 'test');
    expect(r.status).toBe('warning');
  });
});

describe('calendar check', () => {
  it('warns in December when next year has no published holiday notice', async () => {
    const out = await calendarCheckJob(ctx('2026-12-01T01:00:00Z'));
    expect(out.warning).toBe(true);
    expect(out.summary).toContain('2027年节假日安排尚未载入');
  });

  it('is content when next year is loaded', async () => {
    const out = await calendarCheckJob(ctx('2025-12-01T01:00:00Z'));
    expect(out.warning).toBeFalsy();
    expect(out.summary).toContain('2026年节假日安排已载入');
  });
});

describe('draw reminder', () => {
  it('reminds while the year has no committed draw', async () => {
    const out = await drawReminderJob(ctx('2026-03-01T01:00:00Z'));
    expect(out.warning).toBe(true);
    expect(out.summary).toContain('2026年度回访抽查尚未开始');
  });
});

describe('annual report check', () => {
  it('counts the missing and late reports of the previous year that the refresh flagged', async () => {
    const out = await annualReportCheckJob(ctx('2025-02-01T00:00:00Z'));
    const details = out.details as { year: number; missing: number; late: number };
    expect(details.year).toBe(2024);
    const flagged = await db.all<{ n: number }>(
      `SELECT count(*) AS n FROM flags WHERE status = 'active' AND year = 2024 AND rule_id IN ('report_missing', 'report_late')`,
    );
    expect(details.missing + details.late).toBe(flagged[0].n);
    expect(out.summary).toContain('2024年度报告检查');
  });

  it("says when the data is too old to judge this year's deadline", async () => {
    const out = await annualReportCheckJob(ctx('2026-02-01T00:00:00Z'));
    expect(out.warning).toBe(true);
    expect(out.summary).toMatch(/未晚于截止日 2026-01-31/);
  });
});

describe('quarterly export', () => {
  it('exports the quarter that just ended and records it', async () => {
    const r = await runJobNow(db, 'quarterly_export', 'analyst:li');
    expect(['ok', 'warning']).toContain(r.status);
    const details = ('details' in r ? r.details : null) as Record<string, unknown> | null;
    expect(details?.quarter).toMatch(/^\d{4}Q[1-4]$/);
    expect(existsSync(String(details?.zip))).toBe(true);
    const runs = await listJobRuns(db, { jobId: 'quarterly_export' });
    expect(runs[0]).toMatchObject({ trigger: 'manual', triggered_by: 'analyst:li' });
  });

  it('keeps a package already made for the quarter instead of replacing it', async () => {
    // the package the test above made
    const [made] = listExports();
    const zip = readFileSync(made!.zip!);
    const r = await runJobNow(db, 'quarterly_export', 'analyst:li');
    expect(r.status).toBe('ok');
    expect(r).toMatchObject({ details: { kept: made!.generated_at } });
    expect(listExports()[0]!.generated_at).toBe(made!.generated_at);
    expect(readFileSync(made!.zip!).equals(zip)).toBe(true);
  });
});
