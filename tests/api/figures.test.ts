// Figures follow the data: a load leaves the figures marked as waiting, a batch of loads schedules one refresh,
// and after it the figures include the new rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, closeApp, demoApp, get, login, post, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
let central: Session;

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = '----shifanfigures';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function decisions(prefix: string): string {
  const rows = Array.from(
    { length: 5 },
    (_, i) => `${prefix}${i},${ctx.ownRegion},市场监督管理局,penalty,2024-05-0${i + 1},2024-05-0${i + 2},0,1`,
  );
  return `case_id,region_code,agency,action_type,decided_on,published_on,is_major,legal_review\n${rows.join('\n')}\n`;
}

const runs = async () =>
  (await ctx.db.one<{ n: number }>(`SELECT count(*) AS n FROM refresh_runs WHERE status = 'done'`))!.n;

beforeAll(async () => {
  // An hour's quiet time: the test runs the scheduled refresh itself (runDue), so nothing depends on the clock.
  ctx = await demoApp({ autoRefresh: { delayMs: 3_600_000, maxWaitMs: 7_200_000 } });
  central = await login(ctx.app, 'central');
}, DEMO_TIMEOUT);

afterAll(() => closeApp(ctx));

describe('figures after new loads', () => {
  it('says when the figures were computed and that nothing waits after a refresh', async () => {
    const status = (await get(ctx.app, central, '/api/figures')).json();
    expect(status.computed_at).toMatch(/^\d{4}-\d{2}-\d{2} /);
    expect(status.loads_waiting).toBe(0);
    expect(status.auto_refresh).toBe('idle');
  });

  it('marks two uploads as waiting, schedules one incremental refresh for the batch (the year they touched and the next), and after it nothing waits', async () => {
    const before = await runs();
    for (const name of ['a', 'b']) {
      const up = multipart(
        { dataset: 'enforcement_decisions' },
        { name: `enforcement_decisions_${name}.csv`, content: decisions(`FIG-${name}-`) },
      );
      expect((await post(ctx.app, central, '/api/upload', up.payload, up.headers)).statusCode).toBe(200);
    }
    await ctx.app.figures.settled();
    const waiting = (await get(ctx.app, central, '/api/figures')).json();
    expect(waiting.loads_waiting).toBe(2);
    expect(waiting.auto_refresh).toBe('scheduled');
    expect(waiting.due_at).not.toBeNull();
    expect(await runs()).toBe(before);

    await ctx.app.figures.runDue();
    await ctx.app.figures.settled();
    expect(await runs()).toBe(before + 1);
    // both files hold 2024 decisions: 2024 is recomputed, and 2025, whose scorecard compares with it
    const last = await ctx.db.one<{ mode: string; years_recomputed: string }>(
      `SELECT mode, years_recomputed FROM refresh_runs WHERE status = 'done' ORDER BY run_id DESC LIMIT 1`,
    );
    expect(last).toEqual({ mode: 'incremental', years_recomputed: '[2024,2025]' });
    const after = (await get(ctx.app, central, '/api/figures')).json();
    expect(after.loads_waiting).toBe(0);
    expect(after.auto_refresh).toBe('idle');
    expect(after.last_error).toBeNull();
  });

  it('leaves the figures alone when the server was built without automatic refresh', async () => {
    const off = await demoApp();
    try {
      const s = await login(off.app, 'central');
      const up = multipart(
        { dataset: 'enforcement_decisions' },
        { name: 'enforcement_decisions_c.csv', content: decisions('FIG-c-') },
      );
      expect((await post(off.app, s, '/api/upload', up.payload, up.headers)).statusCode).toBe(200);
      const status = (await get(off.app, s, '/api/figures')).json();
      expect(status.auto_refresh).toBe('off');
      expect(status.loads_waiting).toBe(1);
    } finally {
      await closeApp(off);
    }
  }, 180_000);
});
