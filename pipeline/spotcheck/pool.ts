// The pool: which regions can be drawn, in the exact bytes that are hashed and published. Freezing fixes the
// pool (and its SHA-256) before any seed exists, so nobody can shape the pool around a known seed.
import { CodedError } from '../vocabulary/index.ts';
import type { Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import { sha256Hex } from './sampler.ts';

export const STRATA = ['none', 'province', 'batch', 'designation'] as const;
export type Strata = (typeof STRATA)[number];

/** Exclusions by name; both are on unless the analyst says otherwise. */
export const EXCLUSIONS = {
  revoked: 'a revocation (摘牌) dated on or before the freeze date',
  named_this_year: 'named in the draw year itself (batch = year)',
} as const;
export type Exclusion = keyof typeof EXCLUSIONS;
export const DEFAULT_EXCLUSIONS: Exclusion[] = ['revoked', 'named_this_year'];

export interface PoolMember {
  region_code: string;
  stratum: string;
}

/**
 * The pool file: the region codes sorted ascending, each followed by LF, UTF-8, no header, no BOM. Its SHA-256
 * is pool_sha256, so `sha256sum pool-2025.txt` reproduces it.
 */
export function poolFileText(codes: readonly string[]): string {
  return [...codes]
    .sort()
    .map((c) => `${c}\n`)
    .join('');
}

/** The strata file: `region_code<TAB>stratum` per line, sorted by region_code, LF-terminated. */
export function strataFileText(members: readonly PoolMember[]): string {
  return [...members]
    .sort((a, b) => (a.region_code < b.region_code ? -1 : 1))
    .map((m) => `${m.region_code}\t${m.stratum}\n`)
    .join('');
}

export function poolSha256(codes: readonly string[]): string {
  return sha256Hex(poolFileText(codes));
}

/**
 * Reads a pool file as the public gets it: one id per line. Tolerates what editors and other systems add (a BOM,
 * CRLF, blank lines, surrounding spaces, `#` comments) because none of it can change which ids are listed.
 */
export function parsePoolFile(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function parseExclusions(text: string | undefined): Exclusion[] {
  if (text === undefined) return [...DEFAULT_EXCLUSIONS];
  if (text.trim() === 'none' || text.trim() === '') return [];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(name in EXCLUSIONS))
      throw new CodedError('spotcheck.unknown_exclusion', {
        value: name,
        allowed: [...Object.keys(EXCLUSIONS), 'none'],
      });
  }
  return [...new Set(names as Exclusion[])].sort();
}

export function parseStrata(text: string | undefined): Strata {
  const value = (text ?? 'none').trim();
  if (!(STRATA as readonly string[]).includes(value))
    throw new CodedError('spotcheck.unknown_strata', { value, allowed: [...STRATA] });
  return value as Strata;
}

export interface FreezeInput {
  year: number;
  strata: Strata;
  exclusions: Exclusion[];
  actor: string;
}

export interface FrozenPool {
  draw_id: number;
  year: number;
  pool_version: number;
  strata: Strata;
  exclusions: Exclusion[];
  pool_size: number;
  pool_sha256: string;
  strata_sha256: string | null;
  strata_sizes: Record<string, number>;
  superseded_frozen: number[];
}

/**
 * Fixes the pool of a year. Freezing again while the year's pool is still only frozen makes a new pool version
 * and supersedes the older frozen one (both logged); once a draw of the year has a seed, only a redraw with a
 * stated reason can replace it.
 */
export async function freezePool(db: Database, input: FreezeInput): Promise<FrozenPool> {
  return db.transaction(async () => {
    const drawn = await db.one<{ draw_id: number; state: string }>(
      `SELECT draw_id, state FROM draws WHERE year = $1 AND superseded_by IS NULL AND state <> 'frozen' ORDER BY draw_id LIMIT 1`,
      [input.year],
    );
    if (drawn) {
      throw new CodedError('spotcheck.already_drawn', { year: input.year, draw: drawn.draw_id, state: drawn.state });
    }
    return freezeInTransaction(db, input);
  });
}

/** The freeze itself, for callers that already hold a transaction (freezePool, redraw). */
export async function freezeInTransaction(
  db: Database,
  input: FreezeInput,
  redraw?: { supersedes: number; reason: string },
): Promise<FrozenPool> {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new CodedError('spotcheck.bad_year', { year: input.year });
  const members = await selectPool(db, input);
  if (members.length === 0)
    throw new CodedError('spotcheck.empty_pool', { year: input.year, exclusions: input.exclusions });
  const codes = members.map((m) => m.region_code);
  const poolHash = poolSha256(codes);
  const strataHash = input.strata === 'none' ? null : sha256Hex(strataFileText(members));
  const [row] = await db.allFile<{ draw_id: number; pool_version: number }>('spotcheck/insert_freeze', {
    year: input.year,
    strata: input.strata,
    exclusions: JSON.stringify(input.exclusions),
    pool_size: codes.length,
    pool_sha256: poolHash,
    strata_sha256: strataHash,
    frozen_by: input.actor,
    supersedes: redraw?.supersedes ?? null,
    redraw_reason: redraw?.reason ?? null,
  });
  await db.runFile('spotcheck/insert_pool', { draw_id: row.draw_id, rows: JSON.stringify(members) });
  const older = await db.all<{ draw_id: number }>(
    `UPDATE draws SET superseded_by = $1, superseded_at = current_localtimestamp() WHERE year = $2 AND draw_id <> $1 AND superseded_by IS NULL AND state = 'frozen' RETURNING draw_id`,
    [row.draw_id, input.year],
  );
  const frozen: FrozenPool = {
    draw_id: row.draw_id,
    year: input.year,
    pool_version: row.pool_version,
    strata: input.strata,
    exclusions: input.exclusions,
    pool_size: codes.length,
    pool_sha256: poolHash,
    strata_sha256: strataHash,
    strata_sizes: countBy(members),
    superseded_frozen: older.map((o) => o.draw_id).sort((a, b) => a - b),
  };
  await appendAudit(db, {
    action: 'spotcheck.freeze',
    actor: input.actor,
    subject: `draw:${row.draw_id}`,
    details: { ...frozen },
  });
  return frozen;
}

async function selectPool(db: Database, input: FreezeInput): Promise<PoolMember[]> {
  const rows = await db.allFile<PoolMember & { region_name: string }>('spotcheck/pool', {
    year: input.year,
    strata: input.strata,
    exclude_revoked: input.exclusions.includes('revoked'),
    exclude_named_this_year: input.exclusions.includes('named_this_year'),
    as_of: shanghaiToday(),
  });
  const bad = rows.find((r) => !/^\d{6}$/.test(r.region_code));
  if (bad)
    throw new Error(
      `region_code "${bad.region_code}" (${bad.region_name}) is not 6 digits; fix the regions data before freezing`,
    );
  return rows.map((r) => ({ region_code: r.region_code, stratum: r.stratum }));
}

/** The frozen pool of a draw, sorted by region_code. */
export async function readPool(db: Database, drawId: number): Promise<PoolMember[]> {
  return db.all<PoolMember>('SELECT region_code, stratum FROM draw_pool WHERE draw_id = $1 ORDER BY region_code', [
    drawId,
  ]);
}

export function countBy(members: readonly PoolMember[]): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const m of members) sizes[m.stratum] = (sizes[m.stratum] ?? 0) + 1;
  return sizes;
}

/** Today's civil date in Asia/Shanghai (DESIGN.md: dates are civil dates there), as YYYY-MM-DD. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
