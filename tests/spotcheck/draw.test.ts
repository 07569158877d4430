import { Value } from 'typebox/value';
import { allocate, allocationBeforeSeed } from '../../pipeline/spotcheck/allocation.ts';
import { seedHashOf } from '../../pipeline/spotcheck/sampler.ts';
import { makeI18n } from '../../dashboard/src/i18n/make.ts';
import { Verification } from '../../pipeline/api/schemas/spotchecks.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { readAuditLog, verifyAuditLog } from '../../pipeline/audit/index.ts';
import {
  commitDraw,
  drawSpotcheck,
  freezePool,
  poolFileText,
  readDraw,
  readPool,
  redraw,
  sample,
  sha256Hex,
  verifyDraw,
} from '../../pipeline/spotcheck/index.ts';
import { addInspectors, addRegions, designatedRegions, inspectorSet, openTestDb, SEED } from './fixtures.ts';

const actor = 'test';
const freeze = (db: Database, extra: Partial<Parameters<typeof freezePool>[1]> = {}) =>
  freezePool(db, { year: 2025, strata: 'none', exclusions: ['revoked', 'named_this_year'], actor, ...extra });

describe('freezing the pool', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDb();
    await addRegions(db, [
      { region_code: '110101', batch: 2020, designation: 'comprehensive' },
      { region_code: '110102', batch: 2022, designation: 'single' },
      { region_code: '110103', batch: null, designation: 'none' },
      { region_code: '110104', batch: 2025, designation: 'comprehensive' },
      { region_code: '110105', batch: 2027, designation: 'comprehensive' },
      { region_code: '310101', batch: 2022, designation: 'comprehensive' },
      { region_code: '310102', batch: 2020, designation: 'comprehensive' },
    ]);
    await db.run(
      `INSERT INTO revocations (region_code, revoked_on, reason, ground) VALUES ('310102', DATE '2024-06-30', 'spot check 2024', 3)`,
    );
  });
  afterEach(() => db.close());

  it('holds designated regions named before the year, leaving out revoked ones and those named this year', async () => {
    const frozen = await freeze(db);
    expect((await readPool(db, frozen.draw_id)).map((m) => m.region_code)).toEqual(['110101', '110102', '310101']);
    expect(frozen.pool_sha256).toBe(sha256Hex('110101\n110102\n310101\n'));
    expect(frozen).toMatchObject({ pool_size: 3, pool_version: 1, strata_sha256: null });
  });

  it('puts regions named this year and revoked regions back when the exclusions are turned off', async () => {
    const frozen = await freeze(db, { exclusions: [] });
    expect((await readPool(db, frozen.draw_id)).map((m) => m.region_code)).toEqual([
      '110101',
      '110102',
      '110104',
      '310101',
      '310102',
    ]);
  });

  it('ignores a revocation dated after the freeze', async () => {
    await db.run(
      `INSERT INTO revocations (region_code, revoked_on, reason) VALUES ('310101', current_date + 30, 'not yet')`,
    );
    expect((await readPool(db, (await freeze(db)).draw_id)).map((m) => m.region_code)).toContain('310101');
  });

  it.each([
    ['province', { '110000': 2, '310000': 1 }],
    ['batch', { 2020: 1, 2022: 2 }],
    ['designation', { comprehensive: 2, single: 1 }],
  ] as const)('assigns strata by %s and hashes the strata file', async (strata, sizes) => {
    const frozen = await freeze(db, { strata });
    expect(frozen.strata_sizes).toEqual(sizes);
    expect(frozen.strata_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('logs the freeze with its pool hash', async () => {
    const frozen = await freeze(db);
    const [entry] = await readAuditLog(db, { action: 'spotcheck.freeze' });
    expect(entry).toMatchObject({
      subject: `draw:${frozen.draw_id}`,
      details: { pool_sha256: frozen.pool_sha256, year: 2025 },
    });
  });

  it('makes a second freeze of the same year a new pool version that supersedes the first, both logged', async () => {
    const first = await freeze(db);
    const second = await freeze(db, { strata: 'province' });
    expect(second).toMatchObject({ pool_version: 2, superseded_frozen: [first.draw_id] });
    expect((await readDraw(db, first.draw_id)).superseded_by).toBe(second.draw_id);
    expect(await readAuditLog(db, { action: 'spotcheck.freeze' })).toHaveLength(2);
  });

  it('says so when nothing is eligible', async () => {
    await expect(freeze(db, { year: 2019 })).rejects.toThrow(/no region is eligible for the 2019 spot check/);
  });
});

describe('drawing, committing and redrawing', () => {
  let db: Database;
  const provinces = ['11', '31', '32', '44'];
  beforeEach(async () => {
    db = await openTestDb();
    await addRegions(db, [
      ...designatedRegions(['11', '31'], 10),
      ...designatedRegions(['32'], 5),
      ...designatedRegions(['44'], 3),
    ]);
    await addInspectors(db, inspectorSet(12, provinces, 10));
  });
  afterEach(() => db.close());

  it('refuses to draw before the pool is frozen', async () => {
    await expect(
      drawSpotcheck(db, { year: 2025, seed: SEED, size: { proportion: '0.1' }, commit: true, actor }),
    ).rejects.toThrow(/no frozen pool for 2025.*spotcheck freeze --year 2025/);
  });

  it.each(['12345', '1234567890123456789x', ' 31415926535897932384626'])(
    'refuses the seed "%s" (at least 20 digits and nothing else)',
    async (seed) => {
      await freeze(db);
      await expect(drawSpotcheck(db, { year: 2025, seed, size: { count: 2 }, commit: true, actor })).rejects.toThrow(
        /at least 20 decimal digits/,
      );
    },
  );

  it('selects the first k of the pool in ticket order, as the sampler does on the pool file', async () => {
    const frozen = await freeze(db);
    const drawn = await drawSpotcheck(db, { year: 2025, seed: SEED, size: { proportion: '0.1' }, commit: true, actor });
    const pool = (await readPool(db, frozen.draw_id)).map((m) => m.region_code);
    expect(drawn.selected.map((s) => s.region_code)).toEqual(sample(pool, SEED, 3).map((t) => t.id)); // ceil(0.1 · 28)
    expect(drawn).toMatchObject({ state: 'committed', seed: SEED, seed_hash: sha256Hex(SEED), team_size: 2 });
  });

  it('takes ceil(p·N) in total, shared over the province strata by largest remainder, listed together in ticket order', async () => {
    await freeze(db, { strata: 'province' });
    const drawn = await drawSpotcheck(db, {
      year: 2025,
      seed: SEED,
      size: { proportion: '0.25' },
      commit: true,
      actor,
    });
    const per = (s: string) => drawn.selected.filter((x) => x.stratum === s).length;
    expect([per('110000'), per('310000'), per('320000'), per('440000')]).toEqual([3, 2, 1, 1]); // k = ceil(0.25 · 28) = 7; quotas 2.5 2.25 1.25 1
    const tickets = drawn.selected.map((s) => s.ticket);
    expect([...tickets].sort()).toEqual(tickets);
    const pool = await readPool(db, drawn.draw_id);
    for (const stratum of ['110000', '310000', '320000', '440000']) {
      const ids = pool.filter((m) => m.stratum === stratum).map((m) => m.region_code);
      expect(drawn.selected.filter((s) => s.stratum === stratum).map((s) => s.region_code)).toEqual(
        sample(ids, SEED, per(stratum)).map((t) => t.id),
      );
    }
  });

  it("records each selected region's inclusion probability k_s / N_s and the allocation rule with the draw", async () => {
    const frozen = await freeze(db, { strata: 'province' });
    const drawn = await drawSpotcheck(db, {
      year: 2025,
      seed: SEED,
      size: { proportion: '0.25' },
      commit: true,
      actor,
    });
    const sizes = frozen.strata_sizes;
    // k_s / N_s where the take is fixed before the seed; in a tie the seed settles, the expected take over N_s
    const { sure, tie } = allocationBeforeSeed(sizes, { proportion: '0.25' });
    for (const s of drawn.selected) {
      const t = tie?.strata.includes(s.stratum) ? tie : null;
      const expected = t
        ? (sure[s.stratum] + t.seats / t.strata.length) / sizes[s.stratum]
        : sure[s.stratum] / sizes[s.stratum];
      expect(s.inclusion_probability).toBeCloseTo(expected, 12);
    }
    expect(drawn).toMatchObject({
      allocation_rule: 'hamilton_seed_ties',
      per_stratum_minimum: null,
      size: { proportion: '0.25', rule: 'hamilton_seed_ties' },
    });
    const [entry] = await readAuditLog(db, { action: 'spotcheck.draw' });
    expect(entry.details).toMatchObject({
      allocation_rule: 'hamilton_seed_ties',
      allocation: allocate(sizes, { proportion: '0.25' }, seedHashOf(SEED)),
    });
  });

  it('raises every stratum to the per-stratum minimum when asked, and verify reproduces that draw', async () => {
    await freeze(db, { strata: 'province' });
    const drawn = await drawSpotcheck(db, {
      year: 2025,
      seed: SEED,
      size: { count: 2, perStratumMinimum: 1 },
      commit: true,
      actor,
    });
    expect(new Set(drawn.selected.map((s) => s.stratum)).size).toBe(4);
    expect(drawn.per_stratum_minimum).toBe(1);
    expect((await verifyDraw(db, drawn.draw_id)).ok).toBe(true);
  });

  it('shares a count over strata by largest remainder', async () => {
    await freeze(db, { strata: 'province' });
    const drawn = await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 5 }, commit: true, actor });
    const per = (s: string) => drawn.selected.filter((x) => x.stratum === s).length;
    // quotas 5·10/28 = 1.79, 1.79, 0.89, 0.54 → floors 1, 1, 0, 0; the 3 left go to remainders .89, .79, .79
    expect([per('110000'), per('310000'), per('320000'), per('440000')]).toEqual([2, 2, 1, 0]);
  });

  it('gives every selected region a team of m inspectors, none from its own province', async () => {
    await freeze(db);
    const drawn = await drawSpotcheck(db, {
      year: 2025,
      seed: SEED,
      size: { count: 8 },
      teamSize: 3,
      commit: true,
      actor,
    });
    const home = new Map(inspectorSet(12, provinces).map((i) => [i.id, i.province]));
    for (const s of drawn.selected) {
      expect(s.inspectors).toHaveLength(3);
      for (const id of s.inspectors) expect(home.get(id)).not.toBe(`${s.region_code.slice(0, 2)}0000`);
    }
  });

  it('never changes a committed draw: a second draw, a commit or a freeze of the year are refused', async () => {
    const frozen = await freeze(db);
    await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 3 }, commit: true, actor });
    await expect(
      drawSpotcheck(db, { drawId: frozen.draw_id, seed: `${SEED}9`, size: { count: 3 }, commit: true, actor }),
    ).rejects.toThrow(/only a current frozen pool can take a seed/);
    await expect(
      drawSpotcheck(db, { year: 2025, seed: `${SEED}9`, size: { count: 3 }, commit: true, actor }),
    ).rejects.toThrow(/redraw/);
    await expect(commitDraw(db, frozen.draw_id, actor)).rejects.toThrow(/cannot be committed: it is committed/i);
    await expect(freeze(db)).rejects.toThrow(/already has committed draw #1.*redraw 1/i);
  });

  it('leaves a draw uncommitted with commit: false, and commits it later', async () => {
    const frozen = await freeze(db);
    const drawn = await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 3 }, commit: false, actor });
    expect(drawn.state).toBe('drawn');
    const committed = await commitDraw(db, frozen.draw_id, actor);
    expect(committed.state).toBe('committed');
    expect(committed.selected).toEqual(drawn.selected);
    expect((await readAuditLog(db, { subject: `draw:${frozen.draw_id}` })).map((e) => e.action)).toEqual([
      'spotcheck.freeze',
      'spotcheck.draw',
      'spotcheck.commit',
    ]);
  });

  it('redraws only with a reason: a new linked draw, the old one superseded and otherwise untouched', async () => {
    const frozen = await freeze(db);
    const before = await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 3 }, commit: true, actor });
    await expect(redraw(db, frozen.draw_id, { reason: '', commit: true, actor })).rejects.toThrow(/needs a reason/);
    const after = await redraw(db, frozen.draw_id, {
      reason: 'region 110103 was revoked before the meeting',
      seed: '27182818284590452353602',
      commit: true,
      actor,
    });
    expect(after).toMatchObject({
      supersedes: frozen.draw_id,
      redraw_reason: 'region 110103 was revoked before the meeting',
      state: 'committed',
      size: { count: 3 },
    });
    const old = await readDraw(db, frozen.draw_id);
    expect(old).toMatchObject({ state: 'committed', superseded_by: after.draw_id, seed: SEED });
    expect(old.selected).toEqual(before.selected);
    const [logged] = await readAuditLog(db, { action: 'spotcheck.redraw' });
    expect(logged.details).toMatchObject({
      old_draw_id: frozen.draw_id,
      new_draw_id: after.draw_id,
      reason: 'region 110103 was revoked before the meeting',
    });
    await expect(redraw(db, frozen.draw_id, { reason: 'again please', commit: true, actor })).rejects.toThrow(
      /already superseded by draw #2/,
    );
  });

  it('leaves a redraw without a seed frozen, waiting for a new public seed', async () => {
    await freeze(db);
    await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 3 }, commit: true, actor });
    const next = await redraw(db, 1, { reason: 'inspector team unavailable', commit: true, actor });
    expect(next.state).toBe('frozen');
    const drawn = await drawSpotcheck(db, {
      year: 2025,
      seed: '16180339887498948482045',
      size: { count: 3 },
      commit: true,
      actor,
    });
    expect(drawn.draw_id).toBe(next.draw_id);
  });
});

describe('verifying a stored draw', () => {
  let db: Database;
  let drawId: number;
  beforeEach(async () => {
    db = await openTestDb();
    await addRegions(db, designatedRegions(['11', '31', '44'], 6));
    await addInspectors(db, inspectorSet(9, ['11', '31', '44']));
    drawId = (await freeze(db, { strata: 'province' })).draw_id;
    await drawSpotcheck(db, { year: 2025, seed: SEED, size: { proportion: '0.34' }, commit: true, actor });
  });
  afterEach(() => db.close());

  it('recomputes pool hash, selection and teams and finds them as stored and logged', async () => {
    const report = await verifyDraw(db, drawId);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.check)).toEqual([
      'pool_hash',
      'strata_hash',
      'freeze_logged',
      'seed_hash',
      'allocation',
      'selection',
      'inclusion_probabilities',
      'inspectors',
      'draw_logged',
      'commit_logged',
      'audit_chain',
    ]);
  });

  it('words every check of the checklist in both languages (the dashboard shows the code when a label is missing)', async () => {
    const report = await verifyDraw(db, drawId);
    for (const lang of ['zh', 'en'] as const) {
      const { t } = makeI18n(lang);
      for (const { check } of report.checks) {
        const key = `spot.check.${check}` as const;
        expect(t(key), `${lang} ${check}`).not.toBe(key);
        expect(/[\u4e00-\u9fff]/.test(t(key)), `${lang} ${check}`).toBe(lang === 'zh');
      }
    }
    // and the response schema accepts no check without its words
    expect(Value.Check(Verification, { ...report, checks: [{ check: 'unlabelled', ok: true, detail: '' }] })).toBe(
      false,
    );
    expect(Value.Check(Verification, report)).toBe(true);
  });

  it.each([
    ['selection', `UPDATE draw_selection SET region_code = '119999' WHERE draw_order = 1`],
    ['pool_hash', `DELETE FROM draw_pool WHERE region_code = (SELECT min(region_code) FROM draw_pool)`],
    ['seed_hash', `UPDATE draws SET seed = '99999999999999999999'`],
    ['inclusion_probabilities', `UPDATE draw_selection SET inclusion_probability = 1 WHERE draw_order = 1`],
    ['allocation', `UPDATE draws SET allocation_rule = NULL`],
    [
      'inspectors',
      `UPDATE draw_inspectors SET inspector_id = 'I99' WHERE position = 1 AND region_code = (SELECT min(region_code) FROM draw_inspectors)`,
    ],
    [
      'strata_hash',
      `UPDATE draw_pool SET stratum = '440000' WHERE region_code = (SELECT min(region_code) FROM draw_pool)`,
    ],
  ])('fails the %s check when the tables are edited after the draw', async (check, sql) => {
    await db.run(sql);
    const report = await verifyDraw(db, drawId);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === check)?.ok).toBe(false);
  });

  it('fails when the selection and the audit entry are both rewritten but the chain is not re-forged', async () => {
    await db.run(
      `UPDATE audit_log SET details = replace(details, '"seed_hash":', '"seed_hash_":') WHERE action = 'spotcheck.draw'`,
    );
    const report = await verifyDraw(db, drawId);
    expect(report.checks.find((c) => c.check === 'audit_chain')?.ok).toBe(false);
    expect((await verifyAuditLog(db)).broken?.kind).toBe('edited');
  });
});

describe('pool file as published', () => {
  it('is byte for byte what was hashed', async () => {
    const db = await openTestDb();
    await addRegions(db, designatedRegions(['11', '44'], 4));
    const frozen = await freeze(db);
    const text = poolFileText((await readPool(db, frozen.draw_id)).map((m) => m.region_code));
    expect(sha256Hex(text)).toBe(frozen.pool_sha256);
    db.close();
  });
});
