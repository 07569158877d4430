// Flag triage: acknowledge, dismiss with a reason, escalate to the watchlist; each decision audit-logged and kept
// across refreshes; a dismissed flag leaves the risk queue until its own evidence changes, then comes back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../pipeline/audit/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { readFlags, readTriage, triageFlag } from '../../pipeline/flags/index.ts';
import { riskQueue } from '../../pipeline/risk/index.ts';
import { listWatchlist } from '../../pipeline/watchlist/index.ts';
import { addRegions, addRows, openTestDb, run } from '../indicators/fixtures.ts';

let db: Database;
beforeEach(async () => {
  db = await openTestDb();
  await addRegions(db, [{ code: '110101', batch: 2022 }]);
  // the 2024 report came 18 days late: a report_late flag (a breach of 四(一)) in the risk queue
  await addRows(db, 'annual_reports', [
    { region_code: '110101', report_year: 2024, submitted_on: '2025-02-18', published_on: '2025-02-20' },
  ]);
  await run(db, '2025-03-01');
});
afterEach(() => db.close());

const lateFlag = async () => (await readFlags(db, { rule: 'report_late', region: '110101', year: 2024 }))[0];
const queueRules = async () => {
  const q = await riskQueue((n, p) => db.allFile(n, p), { year: 2024 });
  return q.rows.find((r) => r.region_code === '110101')!.reasons.map((r) => r.rule);
};

describe('flag triage', () => {
  it('needs a reason to dismiss or escalate, not to acknowledge', async () => {
    const f = await lateFlag();
    await expect(triageFlag(db, { flagId: f.flag_id, decision: 'dismissed', by: 'analyst:li' })).rejects.toThrow(
      /only with a reason/,
    );
    await expect(
      triageFlag(db, { flagId: f.flag_id, decision: 'escalated', reason: ' ', by: 'analyst:li' }),
    ).rejects.toThrow(/only with a reason/);
    expect(await triageFlag(db, { flagId: f.flag_id, decision: 'acknowledged', by: 'analyst:li' })).toMatchObject({
      decision: 'acknowledged',
      state: 'acknowledged',
    });
  });

  it('takes a dismissed flag out of the risk queue, keeps the decision across refreshes, and audit-logs it', async () => {
    const f = await lateFlag();
    expect(await queueRules()).toContain('report_late');
    await triageFlag(db, {
      flagId: f.flag_id.slice(0, 10),
      decision: 'dismissed',
      reason: '已核实：系统故障导致逾期，有省办证明',
      by: 'analyst:li',
    });
    expect(await queueRules()).not.toContain('report_late');
    await run(db, '2025-03-01');
    expect(await readTriage(db, f.flag_id)).toMatchObject({
      decision: 'dismissed',
      state: 'dismissed',
      decided_by: 'analyst:li',
    });
    expect(await queueRules()).not.toContain('report_late');
    const audit = await readAuditLog(db, { action: 'flag.triage' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'analyst:li',
      subject: `flag:${f.flag_id}`,
      details: { decision: 'dismissed', rule_id: 'report_late' },
    });
  });

  it('brings a dismissed flag back when its evidence changes', async () => {
    const f = await lateFlag();
    await triageFlag(db, { flagId: f.flag_id, decision: 'dismissed', reason: '逾期情有可原', by: 'analyst:li' });
    // a corrected report arrives later still: the flag's figures (days late) change
    await db.run(`UPDATE annual_reports_history SET _superseded_by = 999 WHERE region_code = '110101'`);
    await addRows(db, 'annual_reports', [
      { region_code: '110101', report_year: 2024, submitted_on: '2025-02-27', published_on: '2025-02-28' },
    ]);
    await run(db, '2025-03-01');
    expect((await lateFlag()).flag_id).toBe(f.flag_id);
    expect(await readTriage(db, f.flag_id)).toMatchObject({ decision: 'dismissed', state: 'reopened' });
    expect(await queueRules()).toContain('report_late');
  });

  it('escalates a flag to a ground-4 watchlist entry once, citing the flag', async () => {
    const f = await lateFlag();
    const t = await triageFlag(db, {
      flagId: f.flag_id,
      decision: 'escalated',
      reason: '多年逾期且拒不说明',
      by: 'analyst:wang',
    });
    await triageFlag(db, { flagId: f.flag_id, decision: 'escalated', reason: '再次确认', by: 'analyst:wang' });
    const entries = (await listWatchlist(db)).filter((e) => e.source_key === `flag:${f.flag_id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entry_id: t.entry_id,
      ground: 4,
      kind: 'other',
      is_ground: true,
      status: 'flagged',
      year: 2024,
    });
    expect((await readTriage(db, f.flag_id))!.history.map((h) => h.decision)).toEqual(['escalated', 'escalated']);
    const q = await riskQueue((n, p) => db.allFile(n, p), { year: 2024 });
    expect(q.rows[0]).toMatchObject({ region_code: '110101', tier: 'grounds' });
  });
});
