// A past quarter's package is built from the data as it stood at the quarter's end, as the load log knows it
// (issue 12: "the 2025Q3 export says 数据截至 2026-01-15: a past quarter rebuilt with later data"). Files loaded
// after the quarter's end are left out of a scratch copy refreshed as of that end; the served database is not
// touched; and the package says which data it was built from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { collectQuarter, parseQuarter } from '../../pipeline/export/index.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { refreshedSmallDemo } from './fixture.ts';

let db: Database;
const Q = parseQuarter('2025Q3');

beforeAll(async () => {
  ({ db } = await refreshedSmallDemo());
}, DEMO_TIMEOUT);
afterAll(() => db?.close());

const lossRate = (data: Awaited<ReturnType<typeof collectQuarter>>) =>
  data.tables.find((t) => t.id === 'indicators')!.rows.find((r) => r.metric_id === 'litigation.loss_rate')!;

describe('a past quarter’s package', () => {
  it('says it was built from later data when nothing had been loaded by the quarter’s end', async () => {
    const data = await collectQuarter(db, Q);
    expect(data.context.data_basis).toBe('later_data');
    expect(data.context.data_basis_zh).toContain('本季度结束（2025-09-30）前尚无数据载入');
  });

  it(
    'leaves out the files loaded after the quarter’s end, refreshed as of that day, and touches nothing served',
    async () => {
      const [{ n: casesBefore }] = await db.all<{ n: number }>('SELECT count(*) AS n FROM litigation_cases');
      const [{ run: runBefore }] = await db.all<{ run: number }>('SELECT max(run_id) AS run FROM refresh_runs');
      // every file but the litigation cases arrived in June 2025; the cases came after the quarter
      await db.run(
        "UPDATE load_log SET finished_at = TIMESTAMP '2025-06-01 10:00:00' WHERE dataset IS DISTINCT FROM 'litigation_cases'",
      );
      const live = lossRate(await collectQuarter(db, parseQuarter('2026Q4')));
      expect(Number(live.regions_met) + Number(live.regions_not_met)).toBeGreaterThan(0);
      const data = await collectQuarter(db, Q);
      expect(data.context.data_basis).toBe('quarter_end');
      expect(data.context.as_of).toBe('2025-09-30');
      expect(data.context.data_basis_zh).toMatch(
        /^按季度末（2025-09-30）已载入的数据重新计算：不含其后.*载入的 \d+ 个文件$/,
      );
      // without the cases, the loss rate has no data anywhere
      const loss = lossRate(data);
      expect(Number(loss.regions_met) + Number(loss.regions_not_met)).toBe(0);
      // the served database keeps its rows and its refreshes
      const [{ n: casesAfter }] = await db.all<{ n: number }>('SELECT count(*) AS n FROM litigation_cases');
      const [{ run: runAfter }] = await db.all<{ run: number }>('SELECT max(run_id) AS run FROM refresh_runs');
      expect(casesAfter).toBe(casesBefore);
      expect(runAfter).toBe(runBefore);
    },
    DEMO_TIMEOUT,
  );

  it('is built from the current data when everything had arrived by the quarter’s end', async () => {
    await db.run("UPDATE load_log SET finished_at = TIMESTAMP '2025-06-01 10:00:00'");
    const data = await collectQuarter(db, Q);
    expect(data.context.data_basis).toBe('current');
    expect(data.context.data_basis_zh).toContain('本季度结束（2025-09-30）前已载入的全部数据');
  });
});
