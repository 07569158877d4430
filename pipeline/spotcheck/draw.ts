// The draw and its life: frozen -> drawn (seed entered, selection and teams computed) -> committed, and the
// redraw that replaces a draw with a new one for a stated reason. Each step is one transaction together with
// its audit entry. A draw's seed, selection and teams are written once; nothing here rewrites them.
import { CodedError } from '../vocabulary/index.ts';
import type { Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import { describeSize, type SampleSize } from './allocation.ts';
import { assignInspectors, DEFAULT_TEAM_SIZE, inspectorPool } from './inspectors.ts';
import { freezeInTransaction, readPool, type Exclusion, type Strata } from './pool.ts';
import { seedHashOf } from './sampler.ts';
import { computeSelection } from './selection.ts';
import { readDraw, type DrawRecord } from './read.ts';

import { MIN_SEED_DIGITS } from './seed-rule.ts';

export { MIN_SEED_DIGITS };

export function checkSeed(seed: string): void {
  if (!new RegExp(`^\\d{${MIN_SEED_DIGITS},}$`).test(seed)) {
    throw new CodedError('spotcheck.bad_seed', { digits: MIN_SEED_DIGITS, seed });
  }
}

export interface DrawInput {
  /** the frozen draw to use; default: the year's current frozen pool */
  drawId?: number;
  year?: number;
  seed: string;
  size: SampleSize;
  teamSize?: number;
  commit: boolean;
  actor: string;
}

export async function drawSpotcheck(db: Database, input: DrawInput): Promise<DrawRecord> {
  checkSeed(input.seed);
  const drawId = await db.transaction(async () => {
    const id = input.drawId ?? (await currentFrozen(db, input.year));
    await drawInTransaction(db, id, input);
    if (input.commit) await commitInTransaction(db, id, input.actor);
    return id;
  });
  return readDraw(db, drawId);
}

export async function commitDraw(db: Database, drawId: number, actor: string): Promise<DrawRecord> {
  await db.transaction(() => commitInTransaction(db, drawId, actor));
  return readDraw(db, drawId);
}

export interface RedrawInput {
  reason: string;
  /** draw at once with this seed; without it the new pool waits, frozen, for a new public seed */
  seed?: string;
  size?: SampleSize;
  teamSize?: number;
  commit: boolean;
  actor: string;
}

/**
 * Replaces a current draw: freezes the pool again from today's data with the old draw's year, strata and
 * exclusions, links the new draw to the old one, and marks the old one superseded (its rows stay as they were).
 */
export async function redraw(db: Database, oldId: number, input: RedrawInput): Promise<DrawRecord> {
  if (input.reason.trim().length < 4) throw new CodedError('spotcheck.redraw_reason');
  if (input.seed !== undefined) checkSeed(input.seed);
  const newId = await db.transaction(async () => {
    const old = await readDraw(db, oldId);
    if (old.superseded_by !== null)
      throw new CodedError('spotcheck.superseded', { draw: oldId, by: old.superseded_by });
    const frozen = await freezeInTransaction(
      db,
      { year: old.year, strata: old.strata as Strata, exclusions: old.exclusions as Exclusion[], actor: input.actor },
      { supersedes: oldId, reason: input.reason },
    );
    await db.run(
      'UPDATE draws SET superseded_by = $1, superseded_at = current_localtimestamp() WHERE draw_id = $2 AND superseded_by IS NULL',
      [frozen.draw_id, oldId],
    );
    await appendAudit(db, {
      action: 'spotcheck.redraw',
      actor: input.actor,
      subject: `draw:${oldId}`,
      details: {
        old_draw_id: oldId,
        old_state: old.state,
        new_draw_id: frozen.draw_id,
        reason: input.reason,
        old_pool_sha256: old.pool_sha256,
        new_pool_sha256: frozen.pool_sha256,
      },
    });
    if (input.seed !== undefined) {
      const size = input.size ?? old.size;
      if (!size) throw new CodedError('spotcheck.never_drawn', { draw: oldId });
      await drawInTransaction(db, frozen.draw_id, {
        seed: input.seed,
        size,
        teamSize: input.teamSize ?? old.team_size ?? undefined,
        actor: input.actor,
      });
      if (input.commit) await commitInTransaction(db, frozen.draw_id, input.actor);
    }
    return frozen.draw_id;
  });
  return readDraw(db, newId);
}

async function currentFrozen(db: Database, year: number | undefined): Promise<number> {
  if (year === undefined) throw new CodedError('spotcheck.year_or_draw');
  const rows = await db.all<{ draw_id: number; state: string }>(
    'SELECT draw_id, state FROM draws WHERE year = $1 AND superseded_by IS NULL ORDER BY draw_id DESC',
    [year],
  );
  const frozen = rows.find((r) => r.state === 'frozen');
  if (frozen) return frozen.draw_id;
  if (rows.length > 0) {
    throw new CodedError('spotcheck.already_drawn', { year, draw: rows[0].draw_id, state: rows[0].state });
  }
  throw new CodedError('spotcheck.no_pool', { year });
}

async function drawInTransaction(
  db: Database,
  drawId: number,
  given: { seed: string; size: SampleSize; teamSize?: number; actor: string },
): Promise<void> {
  // Every new draw shares its sample by Hamilton's method with a tie at the last regions settled by the seed; the
  // older rules exist only to verify old draws (a redraw of one takes the current rule).
  const input = { ...given, size: { ...given.size, rule: 'hamilton_seed_ties' as const } };
  const draw = await readDraw(db, drawId);
  if (draw.state !== 'frozen' || draw.superseded_by !== null) {
    throw new CodedError('spotcheck.not_drawable', {
      draw: drawId,
      state: draw.superseded_by !== null ? 'superseded' : draw.state,
    });
  }
  const teamSize = input.teamSize ?? DEFAULT_TEAM_SIZE;
  const pool = await readPool(db, drawId);
  const selection = computeSelection(pool, input.seed, input.size);
  const seedHash = seedHashOf(input.seed);
  const inspectors = await inspectorPool(db, draw.year, drawId);
  const assignments = assignInspectors(
    selection.selected.map((s) => s.region_code),
    inspectors,
    seedHash,
    teamSize,
  );
  const marked = await db.allFile('spotcheck/mark_drawn', {
    draw_id: drawId,
    seed: input.seed,
    seed_hash: seedHash,
    team_size: teamSize,
    drawn_by: input.actor,
    proportion: 'proportion' in input.size ? input.size.proportion : null,
    sample_count: 'count' in input.size ? input.size.count : null,
    allocation_rule: input.size.rule,
    per_stratum_minimum: input.size.perStratumMinimum ?? null,
  });
  if (marked.length !== 1) throw new CodedError('spotcheck.changed_meanwhile', { draw: drawId });
  await db.runFile('spotcheck/insert_selection', { draw_id: drawId, selection: JSON.stringify(selection.selected) });
  await db.runFile('spotcheck/insert_inspector_pool', { draw_id: drawId, inspector_pool: JSON.stringify(inspectors) });
  await db.runFile('spotcheck/insert_draw_inspectors', { draw_id: drawId, assignments: JSON.stringify(assignments) });
  const teams: Record<string, string[]> = {};
  for (const a of assignments) {
    teams[a.region_code] ??= [];
    teams[a.region_code].push(a.inspector_id);
  }
  await appendAudit(db, {
    action: 'spotcheck.draw',
    actor: input.actor,
    subject: `draw:${drawId}`,
    details: {
      draw_id: drawId,
      year: draw.year,
      pool_sha256: draw.pool_sha256,
      seed: input.seed,
      seed_hash: seedHash,
      size: describeSize(input.size),
      allocation_rule: input.size.rule,
      per_stratum_minimum: input.size.perStratumMinimum ?? null,
      team_size: teamSize,
      allocation: selection.allocation,
      selected: selection.selected.map((s) => s.region_code),
      inspectors: teams,
    },
  });
}

async function commitInTransaction(db: Database, drawId: number, actor: string): Promise<void> {
  const marked = await db.allFile('spotcheck/mark_committed', { draw_id: drawId, committed_by: actor });
  if (marked.length !== 1) {
    const draw = await readDraw(db, drawId);
    throw new CodedError('spotcheck.not_committable', {
      draw: drawId,
      state: draw.superseded_by !== null ? 'superseded' : draw.state,
    });
  }
  const draw = await readDraw(db, drawId);
  await appendAudit(db, {
    action: 'spotcheck.commit',
    actor,
    subject: `draw:${drawId}`,
    details: {
      draw_id: drawId,
      year: draw.year,
      pool_sha256: draw.pool_sha256,
      seed_hash: draw.seed_hash,
      selected: draw.selected.map((s) => s.region_code),
    },
  });
}

/** Adds a risk-targeted check beside a draw: never part of the random sample, always with its stated criterion. */
export async function addRiskTargeted(
  db: Database,
  drawId: number,
  regionCode: string,
  criterion: string,
  actor: string,
): Promise<void> {
  if (criterion.trim().length < 4) throw new CodedError('spotcheck.criterion_required');
  await db.transaction(async () => {
    const draw = await readDraw(db, drawId);
    if (draw.superseded_by !== null)
      throw new CodedError('spotcheck.superseded', { draw: drawId, by: draw.superseded_by });
    if (draw.selected.some((s) => s.region_code === regionCode))
      throw new CodedError('spotcheck.already_sampled', { region: regionCode, draw: drawId });
    const known = await db.one('SELECT 1 FROM regions WHERE region_code = $1', [regionCode]);
    if (!known) throw new CodedError('spotcheck.unknown_region', { region: regionCode });
    await db.run('INSERT INTO risk_targeted_checks VALUES ($1, $2, $3, current_localtimestamp(), $4)', [
      drawId,
      regionCode,
      criterion,
      actor,
    ]);
    await appendAudit(db, {
      action: 'spotcheck.risk_targeted',
      actor,
      subject: `draw:${drawId}`,
      details: { draw_id: drawId, region_code: regionCode, criterion },
    });
  });
}
