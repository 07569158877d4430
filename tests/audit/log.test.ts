import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipeline/db/index.ts';
import { appendAudit, entryHash, readAuditLog, verifyAuditLog } from '../../pipeline/audit/index.ts';

describe('audit log in the database', () => {
  let db: Database;
  beforeEach(async () => {
    db = await Database.open(':memory:');
    for (let i = 1; i <= 5; i++) {
      await appendAudit(db, {
        action: 'watchlist.status',
        actor: 'analyst-1',
        subject: `region:11010${i}`,
        details: { from: 'watch', to: 'revoked', 依据: '摘牌退出 (3)' },
      });
    }
  });
  afterEach(() => db.close());

  it('appends entries 1, 2, 3… each chained to the one before, starting from 64 zeros', async () => {
    const entries = await readAuditLog(db);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < 5; i++) expect(entries[i].prev_hash).toBe(entries[i - 1].hash);
    expect(entries[2].details).toEqual({ from: 'watch', to: 'revoked', 依据: '摘牌退出 (3)' });
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it('stores details as the canonical JSON text that was hashed', async () => {
    const row = await db.one<{ details: string }>('SELECT details FROM audit_log WHERE seq = 1');
    expect(row?.details).toBe('{"from":"watch","to":"revoked","依据":"摘牌退出 (3)"}');
  });

  it.each([
    ['details', `UPDATE audit_log SET details = '{"from":"watch","to":"cleared"}' WHERE seq = 3`],
    ['actor', `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`],
    ['time', `UPDATE audit_log SET logged_at = '2020-01-01T00:00:00.000Z' WHERE seq = 3`],
    ['details as unparseable text', `UPDATE audit_log SET details = 'not json' WHERE seq = 3`],
  ])('reports entry 3 as edited when its %s is changed in the table', async (_what, sql) => {
    await db.run(sql);
    expect((await verifyAuditLog(db)).broken).toMatchObject({ seq: 3, kind: 'edited' });
  });

  it('reports a row deleted from the table as deleted', async () => {
    await db.run('DELETE FROM audit_log WHERE seq = 2');
    expect((await verifyAuditLog(db)).broken).toMatchObject({ seq: 2, kind: 'deleted' });
  });

  it('reports a forged row slipped into the table (later rows renumbered) as inserted', async () => {
    const [third] = await readAuditLog(db, { subject: 'region:110103' });
    const body = {
      seq: 4,
      logged_at: third.logged_at,
      action: 'spotcheck.commit',
      actor: 'forger',
      subject: 'draw:1',
      details: {},
    };
    const hash = entryHash(third.hash, body);
    await db.run('UPDATE audit_log SET seq = seq + 100 WHERE seq >= 4');
    await db.run('UPDATE audit_log SET seq = seq - 99 WHERE seq >= 100');
    await db.run(`INSERT INTO audit_log VALUES (4, $1, 'spotcheck.commit', 'forger', 'draw:1', '{}', $2, $3)`, [
      body.logged_at,
      third.hash,
      hash,
    ]);
    expect((await verifyAuditLog(db)).broken).toMatchObject({ seq: 4, kind: 'inserted' });
  });

  it('refuses an entry without an action or actor', async () => {
    await expect(appendAudit(db, { action: '', actor: 'x' })).rejects.toThrow(/action and an actor/);
  });
});
