// The revocation watchlist: grounds from the data, integrity signals as needing review only, the status history
// with note, who and when, audit entries and revocations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWatchSummary, type Params } from '../../pipeline/vocabulary/index.ts';
import { readAuditLog } from '../../pipeline/audit/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { addOtherEntry, listWatchlist, setStatus } from '../../pipeline/watchlist/index.ts';
import { addRegions, addRows, openTestDb, run } from '../indicators/fixtures.ts';

let db: Database;
beforeEach(async () => {
  db = await openTestDb();
  await addRegions(db, [{ code: '410506' }, { code: '532626' }, { code: '110199', designation: 'none', batch: null }]);
  await addRows(db, 'incidents', [
    {
      event_id: 'SV1',
      region_code: '410506',
      kind: 'serious_violation',
      occurred_at: '2024-01-21 14:04:00',
      description: '违法强制拆除民房',
      source: '督察',
    },
    {
      event_id: 'FM1',
      region_code: '532626',
      kind: 'false_materials',
      occurred_at: '2024-05-01 09:00:00',
      description: '申报材料数据造假',
    },
    { event_id: 'IN1', region_code: '110199', kind: 'inaction', occurred_at: '2024-05-01 09:00:00' }, // not designated: not listed
  ]);
  const lost = Array.from({ length: 20 }, (_, i) => ({
    case_id: `C${i}`,
    region_code: '532626',
    defendant_agency: '政府',
    filed_on: '2024-01-02',
    concluded_on: '2024-06-01',
    outcome: i < 10 ? 'lost' : 'won',
    is_major: false,
    judgment_performed: i < 10 ? true : null,
  }));
  await addRows(db, 'litigation_cases', lost);
  await addRows(db, 'annual_reports', [
    {
      region_code: '532626',
      report_year: 2024,
      submitted_on: '2025-01-10',
      published_on: '2025-01-12',
      litigation_lost: 2,
    },
  ]);
});
afterEach(() => db.close());

describe('watchlist from refresh', () => {
  it('lists serious violations under ground 1 and false materials under ground 2, only for designated regions', async () => {
    const result = await run(db, '2025-03-01');
    const entries = await listWatchlist(db);
    const grounds = entries.filter((e) => e.is_ground).map((e) => [e.region_code, e.ground, e.kind, e.status]);
    expect(grounds).toEqual([
      ['410506', 1, 'serious_violation', 'flagged'],
      ['532626', 2, 'false_materials', 'flagged'],
    ]);
    const [load] = await db.all<{ load_id: number }>("SELECT load_id FROM load_log WHERE file_name = 'incidents.csv'");
    expect(entries.find((e) => e.kind === 'serious_violation')!.evidence).toEqual([
      { dataset: 'incidents', record_id: 'SV1', load_id: load!.load_id, file_name: 'incidents.csv', line: 2 },
    ]);
    expect(result.watchlist_added).toBe(3);
  });

  it('counts ground 1 only inside the designation term; an earlier violation is a concealment signal for review under ground 2', async () => {
    // 410506 is batch 2022 (no designated_on): a 2021 violation predates the naming
    await addRows(db, 'incidents', [
      {
        event_id: 'SV0',
        region_code: '410506',
        kind: 'serious_violation',
        occurred_at: '2021-11-03 10:00:00',
        description: '命名前的违法行为',
      },
    ]);
    await run(db, '2025-03-01');
    const entries = (await listWatchlist(db)).filter((e) => e.region_code === '410506');
    expect(entries.map((e) => [e.source_key, e.ground, e.kind, e.is_ground, e.status])).toEqual(
      expect.arrayContaining([
        ['incident:SV1', 1, 'serious_violation', true, 'flagged'],
        ['incident:SV0', 2, 'concealment_signal', false, 'needs_review'],
      ]),
    );
    expect(entries).toHaveLength(2);
  });

  it('shows a self-report contradiction as an integrity signal needing review, never as a ground', async () => {
    await run(db, '2025-03-01');
    const signal = (await listWatchlist(db)).find((e) => e.kind === 'integrity_signal')!;
    expect(signal).toMatchObject({ region_code: '532626', ground: null, is_ground: false, status: 'needs_review' });
    expect(renderWatchSummary(signal.kind, signal.params as Params, 'zh')).toMatch(
      /^待核查（诚信信号，不构成摘牌依据）/,
    );
    expect(renderWatchSummary(signal.kind, signal.params as Params, 'en')).toMatch(
      /^To review \(an integrity signal, never a ground by itself\): Annual report on 20\d\d disagrees/,
    );
    await setStatus(db, signal.entry_id, 'under_review', { by: 'analyst:li', note: '调取案件台账核对' });
    await expect(setStatus(db, signal.entry_id, 'revoked', { by: 'analyst:li', note: '材料不实' })).rejects.toThrow(
      /never a ground for revocation by itself/,
    );
  });

  it('does not add an entry twice, and leaves a status an analyst set alone on the next refresh', async () => {
    await run(db, '2025-03-01');
    const sv = (await listWatchlist(db)).find((e) => e.kind === 'serious_violation')!;
    await setStatus(db, sv.entry_id, 'under_review', { by: 'analyst:wang', note: '已启动核查' });
    const again = await run(db, '2025-03-01');
    expect(again.watchlist_added).toBe(0);
    expect((await listWatchlist(db)).find((e) => e.entry_id === sv.entry_id)!.status).toBe('under_review');
  });
});

describe('status history', () => {
  it('moves flagged → under review → revoked with note, who and when; records the revocation and audit entries', async () => {
    await run(db, '2025-03-01');
    const sv = (await listWatchlist(db)).find((e) => e.kind === 'serious_violation')!;
    await setStatus(db, sv.entry_id, 'under_review', { by: 'analyst:wang', note: '已启动核查' });
    const done = await setStatus(db, sv.entry_id.slice(0, 12), 'revoked', {
      by: 'director:zhao',
      note: '经核实，决定撤销命名',
      on: '2025-04-01',
    });
    expect(done.status).toBe('revoked');
    expect(done.history.map((h) => [h.from_status, h.to_status, h.changed_by, h.note])).toEqual([
      [null, 'flagged', 'system:refresh', null],
      ['flagged', 'under_review', 'analyst:wang', '已启动核查'],
      ['under_review', 'revoked', 'director:zhao', '经核实，决定撤销命名'],
    ]);
    for (const h of done.history) expect(h.changed_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const revoked = await db.all<{ region_code: string; revoked_on: string; ground: number; decided_by: string }>(
      `SELECT region_code, strftime(revoked_on, '%Y-%m-%d') AS revoked_on, ground, decided_by FROM revocations`,
    );
    expect(revoked).toEqual([
      { region_code: '410506', revoked_on: '2025-04-01', ground: 1, decided_by: 'director:zhao' },
    ]);
    const audit = await readAuditLog(db, { action: 'watchlist.status' });
    expect(audit.map((a) => [a.actor, a.details.from, a.details.to])).toEqual([
      ['analyst:wang', 'flagged', 'under_review'],
      ['director:zhao', 'under_review', 'revoked'],
    ]);
  });

  it('refuses a move the status machine does not allow, and a move without a note', async () => {
    await run(db, '2025-03-01');
    const sv = (await listWatchlist(db)).find((e) => e.kind === 'serious_violation')!;
    await expect(setStatus(db, sv.entry_id, 'revoked', { by: 'x', note: '跳过核查' })).rejects.toMatchObject({
      code: 'watchlist.bad_move',
      params: { from: 'flagged', to: 'revoked', allowed: ['under_review'] },
    });
    await expect(setStatus(db, sv.entry_id, 'under_review', { by: 'x', note: ' ' })).rejects.toThrow(/needs a note/);
    await setStatus(db, sv.entry_id, 'under_review', { by: 'x', note: '核查' });
    await setStatus(db, sv.entry_id, 'cleared', { by: 'x', note: '不属实' });
    const reopened = await setStatus(db, sv.entry_id, 'under_review', { by: 'x', note: '出现新情况' });
    expect(reopened.history.map((h) => h.to_status)).toEqual(['flagged', 'under_review', 'cleared', 'under_review']);
  });

  it("takes an analyst's ground-4 entry with its reason", async () => {
    const e = await addOtherEntry(db, {
      region: '410506',
      reason: '主要负责人因违法行政被问责',
      by: 'analyst:li',
      year: 2024,
      reference: 'memo-1',
    });
    expect(e).toMatchObject({
      ground: 4,
      kind: 'other',
      is_ground: true,
      status: 'flagged',
      origin: 'analyst',
      params: { reason: '主要负责人因违法行政被问责' },
    });
    expect(renderWatchSummary(e.kind, e.params as Params, 'zh')).toBe('其他情形：主要负责人因违法行政被问责');
    expect(e.history).toEqual([
      expect.objectContaining({ from_status: null, to_status: 'flagged', changed_by: 'analyst:li' }),
    ]);
    await expect(addOtherEntry(db, { region: '410506', reason: '', by: 'x' })).rejects.toThrow(/needs a reason/);
  });
});
