// `spotcheck verify`: recomputes a stored draw from its frozen pool and seed, and checks that the tables and the
// audit log agree with the recomputation. Any edit to draw_pool, draw_selection or draw_inspectors after the
// fact shows up here, because the audit entries written at freeze and draw time carry the results.
import type { Database } from '../db/index.ts';
import { canonicalJson, readAuditLog, verifyAuditLog, type AuditEntry } from '../audit/index.ts';
import { assignInspectors, type Assignment, type PoolInspector } from './inspectors.ts';
import { poolSha256, readPool, strataFileText } from './pool.ts';
import { readDraw, type DrawRow } from './read.ts';
import { seedHashOf, sha256Hex } from './sampler.ts';
import { computeSelection } from './selection.ts';
import type { verifyCheck } from '../vocabulary/terms.ts';

/** A check's code: one of the vocabulary's `verifyCheck`, so every line of the checklist has its words. */
export type CheckCode = keyof typeof verifyCheck;

export interface Check {
  check: CheckCode;
  ok: boolean;
  detail: string;
}

export interface DrawVerification {
  draw_id: number;
  state: DrawRow['state'];
  ok: boolean;
  checks: Check[];
}

export async function verifyDraw(db: Database, drawId: number): Promise<DrawVerification> {
  const draw = await readDraw(db, drawId);
  const pool = await readPool(db, drawId);
  const log = await readAuditLog(db, { subject: `draw:${drawId}` });
  const checks: Check[] = [];
  const add = (check: CheckCode, ok: boolean, detail: string) => checks.push({ check, ok, detail });

  const poolHash = poolSha256(pool.map((m) => m.region_code));
  add(
    'pool_hash',
    poolHash === draw.pool_sha256 && pool.length === draw.pool_size,
    `${pool.length} regions hash to ${poolHash}; stored ${draw.pool_size} regions, ${draw.pool_sha256}`,
  );
  if (draw.strata !== 'none') {
    const strataHash = sha256Hex(strataFileText(pool));
    add(
      'strata_hash',
      strataHash === draw.strata_sha256,
      `strata file hashes to ${strataHash}; stored ${draw.strata_sha256}`,
    );
  }
  const freeze = lastEntry(log, 'spotcheck.freeze');
  add(
    'freeze_logged',
    freeze?.details.pool_sha256 === draw.pool_sha256,
    freeze
      ? `audit entry ${freeze.seq} records pool_sha256 ${String(freeze.details.pool_sha256)}`
      : 'no spotcheck.freeze entry in the audit log',
  );

  if (draw.state !== 'frozen' && draw.seed !== null && draw.size !== null && draw.team_size !== null) {
    const seedHash = seedHashOf(draw.seed);
    add('seed_hash', seedHash === draw.seed_hash, `SHA-256 of the seed is ${seedHash}; stored ${draw.seed_hash}`);
    const recomputation = computeSelection(pool, draw.seed, draw.size);
    const recomputed = recomputation.selected.map(({ draw_order, region_code, ticket, stratum }) => ({
      draw_order,
      region_code,
      ticket,
      stratum,
    }));
    const stored = draw.selected.map(({ draw_order, region_code, ticket, stratum }) => ({
      draw_order,
      region_code,
      ticket,
      stratum,
    }));
    const rule = draw.size.rule ?? 'hamilton_seed_ties';
    const drawnEntry = lastEntry(log, 'spotcheck.draw');
    add(
      'allocation',
      drawnEntry !== undefined && same(drawnEntry.details.allocation, recomputation.allocation),
      `${rule}${draw.per_stratum_minimum !== null ? `, at least ${draw.per_stratum_minimum} per stratum` : ''}: recomputed ${canonicalJson(recomputation.allocation)}; logged ${canonicalJson(drawnEntry?.details.allocation ?? null)}`,
    );
    add(
      'selection',
      canonicalJson(recomputed) === canonicalJson(stored),
      `recomputed ${recomputed.length} regions [${recomputed.map((s) => s.region_code).join(' ')}]; stored ${stored.length} [${stored.map((s) => s.region_code).join(' ')}]`,
    );

    if (draw.selected.some((s) => s.inclusion_probability !== null)) {
      const want = new Map(recomputation.selected.map((s) => [s.region_code, s.inclusion_probability]));
      const wrong = draw.selected.filter((s) => s.inclusion_probability !== want.get(s.region_code));
      add(
        'inclusion_probabilities',
        wrong.length === 0,
        wrong.length === 0
          ? `${draw.selected.length} stored probabilities equal their stratum's (k_s / N_s, or its expected take over N_s in a tie the seed settles)`
          : `${wrong.length} differ from the recomputed probability: ${wrong.map((s) => `${s.region_code} stored ${s.inclusion_probability}, recomputed ${want.get(s.region_code)}`).join('; ')}`,
      );
    }

    const snapshot = await db.all<PoolInspector>(
      'SELECT inspector_id, home_province_code, load_cap, prior_load FROM draw_inspector_pool WHERE draw_id = $1 ORDER BY inspector_id',
      [drawId],
    );
    const storedTeams = await db.all<Assignment>(
      'SELECT region_code, position, inspector_id, ticket FROM draw_inspectors WHERE draw_id = $1 ORDER BY region_code, position',
      [drawId],
    );
    let teamsDetail: string;
    let teamsOk: boolean;
    try {
      const teams = assignInspectors(
        stored.map((s) => s.region_code),
        snapshot,
        seedHash,
        draw.team_size,
      ).sort((a, b) =>
        a.region_code < b.region_code ? -1 : a.region_code > b.region_code ? 1 : a.position - b.position,
      );
      teamsOk = canonicalJson(teams) === canonicalJson(storedTeams);
      teamsDetail = `recomputed ${teams.length} assignments from the ${snapshot.length}-inspector snapshot; stored ${storedTeams.length}`;
    } catch (err) {
      teamsOk = false;
      teamsDetail = `recomputation failed: ${(err as Error).message}`;
    }
    add('inspectors', teamsOk, teamsDetail);

    const drawn = lastEntry(log, 'spotcheck.draw');
    const loggedTeams: Record<string, string[]> = {};
    for (const s of draw.selected) loggedTeams[s.region_code] = s.inspectors;
    add(
      'draw_logged',
      drawn !== undefined &&
        drawn.details.seed_hash === draw.seed_hash &&
        same(
          drawn.details.selected,
          stored.map((s) => s.region_code),
        ) &&
        same(drawn.details.inspectors, loggedTeams),
      drawn
        ? `audit entry ${drawn.seq} records the seed hash, ${Array.isArray(drawn.details.selected) ? drawn.details.selected.length : 0} selected regions and their teams`
        : 'no spotcheck.draw entry in the audit log',
    );
  }
  if (draw.state === 'committed') {
    const commit = lastEntry(log, 'spotcheck.commit');
    add(
      'commit_logged',
      commit !== undefined &&
        same(
          commit.details.selected,
          draw.selected.map((s) => s.region_code),
        ),
      commit ? `audit entry ${commit.seq} records the commit` : 'no spotcheck.commit entry in the audit log',
    );
  }
  const chain = await verifyAuditLog(db);
  add(
    'audit_chain',
    chain.ok,
    chain.ok
      ? `${chain.entries} entries, head ${chain.head?.seq}:${chain.head?.hash}`
      : `${chain.broken!.kind} at seq ${chain.broken!.seq}: ${chain.broken!.message}`,
  );
  return { draw_id: drawId, state: draw.state, ok: checks.every((c) => c.ok), checks };
}

function lastEntry(log: readonly AuditEntry[], action: string): AuditEntry | undefined {
  return log.filter((e) => e.action === action).at(-1);
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}
