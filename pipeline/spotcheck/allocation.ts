// How many regions each stratum gives. A proportion p asks for k = ceil(p · N) regions in total; with strata, k is
// shared out by largest remainder (Hamilton's method), so every stratum gets its quota k · N_s / N rounded down or
// up and a small stratum is not rounded up to a whole region of its own (a 10% draw of 62 regions in 14 provinces
// takes 7, not 25). Integer arithmetic only: ceil(0.1 · 30) must be 3, and in floating point it is 4.
// The quotas depend on the frozen pool and the published parameters alone. Only a tie at the last regions (strata
// with the same remainder and size competing for fewer regions than they are) is settled by the seed, as the
// regions are: by the ticket of "stratum|<key>". Before, such a tie went to the key first in text order, so
// everybody knew before the seed that of four 3-region provinces the two with the lowest codes would be checked.

import { ticketOf } from './sampler.ts';

import { CodedError } from '../vocabulary/index.ts';

/**
 * - `hamilton_seed_ties`: k in total (ceil(p · N), or the count), shared by largest remainder; a tie at the last
 *   regions is settled by the seed (the stratum's ticket). The rule of every new draw.
 * - `hamilton`: the same, a tie going to the stratum key first in text order (fixed before the seed). Kept so
 *   that draws made under it are verified and certified exactly; a new draw cannot choose it.
 * - `ceil_per_stratum`: ceil(p · N_s) in every stratum. The rule of draws made before Hamilton, kept likewise.
 */
export const ALLOCATION_RULES = ['hamilton_seed_ties', 'hamilton', 'ceil_per_stratum'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** The rules in words, as printed on the certificate. */
export const ALLOCATION_RULE_TEXT: Record<AllocationRule, string> = {
  hamilton_seed_ties:
    'k = ceil(p * N) in exact decimal arithmetic (or the count given); stratum s first gets floor(k * N_s / N), the rest go one each to the strata with the largest remainder k * N_s mod N, ties to the larger stratum; strata still tied for the last regions are ordered by the ticket of "stratum|" + their key under the seed (the same ticket as a region\'s), lowest first; then every stratum is raised to min(per_stratum_minimum, N_s) when a minimum is set. Inclusion probability of a region of stratum s: its expected take over N_s (a stratum in the tie gets the extra region with probability (regions left) / (strata tied))',
  hamilton:
    'k = ceil(p * N) in exact decimal arithmetic (or the count given); stratum s first gets floor(k * N_s / N), the rest go one each to the strata with the largest remainder k * N_s mod N, ties to the larger stratum, then to the stratum key first in text order; then every stratum is raised to min(per_stratum_minimum, N_s) when a minimum is set',
  ceil_per_stratum: 'k_s = ceil(p * N_s) in every stratum (the rule of draws made before Hamilton allocation)',
};

export type SampleSize = ({ proportion: string } | { count: number }) & {
  /** every stratum takes at least min(M, N_s) regions (an office's explicit choice; the total may then exceed k) */
  perStratumMinimum?: number;
  /** default hamilton_seed_ties */
  rule?: AllocationRule;
};

/** A proportion as an exact fraction; accepts "0.1", ".25", "10%", "1". */
export function parseProportion(text: string): { num: bigint; den: bigint } {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*(%?)\s*$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw new CodedError('spotcheck.bad_proportion', { value: text });
  const frac = m[2] ?? '';
  let num = BigInt(`${m[1] || '0'}${frac}`);
  let den = 10n ** BigInt(frac.length);
  if (m[3] === '%') den *= 100n;
  if (num === 0n || num > den) throw new CodedError('spotcheck.bad_proportion', { value: text });
  const g = gcd(num, den);
  num /= g;
  den /= g;
  return { num, den };
}

/** k = ceil(p · N) in exact arithmetic. */
export function totalFor(proportion: string, poolSize: number): number {
  const { num, den } = parseProportion(proportion);
  return Number((num * BigInt(poolSize) + den - 1n) / den);
}

/** Hamilton's shares before a tie at the last regions is settled: what is certain, and the tie if there is one. */
export interface HamiltonParts {
  /** floor(k · N_s / N), plus 1 for every stratum that wins a leftover region outright */
  sure: Record<string, number>;
  /** strata with the same remainder and size competing for `seats` (< their number) leftover regions */
  tie: { strata: string[]; seats: number } | null;
}

export function hamiltonParts(sizes: Readonly<Record<string, number>>, k: number): HamiltonParts {
  const strata = Object.keys(sizes).sort();
  const total = strata.reduce((s, key) => s + sizes[key], 0);
  if (!Number.isInteger(k) || k < 0) throw new CodedError('spotcheck.bad_count', { value: k, total });
  if (k > total) throw new CodedError('spotcheck.count_over_pool', { value: k, total });
  const sure: Record<string, number> = {};
  const rem: Record<string, number> = {};
  let left = k;
  for (const s of strata) {
    sure[s] = Math.floor((k * sizes[s]) / total);
    rem[s] = (k * sizes[s]) % total;
    left -= sure[s];
  }
  // groups of equal (remainder, size), best first; whole groups win while regions are left
  const order = [...strata].sort((a, b) => rem[b] - rem[a] || sizes[b] - sizes[a] || (a < b ? -1 : 1));
  let i = 0;
  while (left > 0) {
    let j = i;
    while (j < order.length && rem[order[j]] === rem[order[i]] && sizes[order[j]] === sizes[order[i]]) j++;
    const group = order.slice(i, j);
    if (group.length > left) return { sure, tie: { strata: group, seats: left } };
    for (const s of group) sure[s] += 1;
    left -= group.length;
    i = j;
  }
  return { sure, tie: null };
}

/**
 * Hamilton (largest remainder) apportionment of k seats over strata of the given sizes. Each stratum first gets
 * floor(k · N_s / N); the k − Σ floor left over go one each to the strata with the largest remainder
 * k · N_s mod N, ties in the remainder to the larger stratum. Strata still tied for the last seats: with a seed
 * hash, those with the lowest ticket of "stratum|<key>" win (`hamilton_seed_ties`); without, those whose key is
 * first in code-point order (`hamilton`, the earlier rule, e.g. province 110000 before 120000).
 */
export function hamilton(
  sizes: Readonly<Record<string, number>>,
  k: number,
  seedHash?: string,
): Record<string, number> {
  const { sure, tie } = hamiltonParts(sizes, k);
  const out = { ...sure };
  if (tie) {
    const ordered =
      seedHash === undefined
        ? [...tie.strata].sort()
        : [...tie.strata].sort((a, b) => {
            const ta = stratumTicket(seedHash, a);
            const tb = stratumTicket(seedHash, b);
            return ta < tb ? -1 : ta > tb ? 1 : a < b ? -1 : 1;
          });
    for (const s of ordered.slice(0, tie.seats)) out[s] += 1;
  }
  return out;
}

/** The ticket that orders a stratum in a tie: the protocol's ticket of the id "stratum|<key>". */
export function stratumTicket(seedHash: string, key: string): string {
  return ticketOf(seedHash, `stratum|${key}`);
}

/**
 * Sample size per stratum, by the rule of `size` (hamilton_seed_ties unless stated), then raised to the per-stratum
 * minimum. `hamilton_seed_ties` needs the seed's hash (a tie is settled by it); before the seed, see `allocationBeforeSeed`.
 */
export function allocate(
  sizes: Readonly<Record<string, number>>,
  size: SampleSize,
  seedHash?: string,
): Record<string, number> {
  const strata = Object.keys(sizes).sort();
  const rule = size.rule ?? 'hamilton_seed_ties';
  let out: Record<string, number>;
  if ('proportion' in size && rule === 'ceil_per_stratum') {
    out = {};
    for (const s of strata) out[s] = totalFor(size.proportion, sizes[s]);
  } else {
    const k = totalOf(sizes, size);
    if (rule === 'hamilton_seed_ties') {
      const parts = hamiltonParts(sizes, k);
      if (parts.tie && seedHash === undefined)
        throw new Error('hamilton_seed_ties settles a tie by the seed: pass its hash');
      out = hamilton(sizes, k, seedHash ?? '');
    } else out = hamilton(sizes, k);
  }
  return raise(sizes, out, size.perStratumMinimum);
}

/** k in total: ceil(p · N), or the count. */
function totalOf(sizes: Readonly<Record<string, number>>, size: SampleSize): number {
  const poolSize = Object.values(sizes).reduce((s, n) => s + n, 0);
  if ('proportion' in size) return totalFor(size.proportion, poolSize);
  const n = size.count;
  if (!Number.isInteger(n) || n < 1) throw new Error(`count must be a whole number of at least 1, got ${n}`);
  return n;
}

function raise(
  sizes: Readonly<Record<string, number>>,
  out: Record<string, number>,
  minimum: number | undefined,
): Record<string, number> {
  if (minimum !== undefined) {
    if (!Number.isInteger(minimum) || minimum < 1) throw new CodedError('spotcheck.bad_minimum', { value: minimum });
    for (const s of Object.keys(sizes)) out[s] = Math.max(out[s], Math.min(minimum, sizes[s]));
  }
  return out;
}

/**
 * What is known before the seed under `hamilton_seed_ties`: each stratum's take at least (`sure`, after the
 * minimum) and at most (`most`); they differ only for the strata in a tie, which the seed settles.
 */
export function allocationBeforeSeed(
  sizes: Readonly<Record<string, number>>,
  size: SampleSize,
): { sure: Record<string, number>; most: Record<string, number>; tie: HamiltonParts['tie'] } {
  if (size.rule !== undefined && size.rule !== 'hamilton_seed_ties') {
    const fixed = allocate(sizes, size);
    return { sure: fixed, most: { ...fixed }, tie: null };
  }
  const { sure, tie } = hamiltonParts(sizes, totalOf(sizes, size));
  const most = { ...sure };
  for (const s of tie?.strata ?? []) most[s] += 1;
  return { sure: raise(sizes, sure, size.perStratumMinimum), most: raise(sizes, most, size.perStratumMinimum), tie };
}

/**
 * Each stratum's inclusion probability under the rule, as the design gives it (not merely this seed's take):
 * k_s / N_s where the take is fixed; for a stratum in a seed-settled tie, where `seats` of `t` tied strata get one
 * more region, (sure_s + seats / t) / N_s, or min(M, N_s) / N_s when the minimum M lifts it above both outcomes.
 */
export function inclusionProbabilities(
  sizes: Readonly<Record<string, number>>,
  size: SampleSize,
  seedHash?: string,
): Record<string, { exact: string; value: number }> {
  const out: Record<string, { exact: string; value: number }> = {};
  if ((size.rule ?? 'hamilton_seed_ties') !== 'hamilton_seed_ties') {
    const fixed = allocate(sizes, size, seedHash);
    for (const s of Object.keys(sizes)) out[s] = inclusionProbability(fixed[s], sizes[s]);
    return out;
  }
  const { sure, most, tie } = allocationBeforeSeed(sizes, size);
  for (const s of Object.keys(sizes)) {
    if (sure[s] === most[s] || !tie) out[s] = inclusionProbability(sure[s], sizes[s]);
    else out[s] = fraction(BigInt(sure[s] * tie.strata.length + tie.seats), BigInt(tie.strata.length * sizes[s]));
  }
  return out;
}

function fraction(num: bigint, den: bigint): { exact: string; value: number } {
  if (num === 0n) return { exact: '0', value: 0 };
  const g = gcd(num, den);
  const n = num / g;
  const d = den / g;
  return { exact: d === 1n ? String(n) : `${n}/${d}`, value: Number(num) / Number(den) };
}

/** A region's inclusion probability: its stratum's k_s over N_s, as an exact fraction in lowest terms and a number. */
export function inclusionProbability(take: number, stratumSize: number): { exact: string; value: number } {
  if (take === 0) return { exact: '0', value: 0 };
  const g = Number(gcd(BigInt(take), BigInt(stratumSize)));
  const num = take / g;
  const den = stratumSize / g;
  return { exact: den === 1 ? String(num) : `${num}/${den}`, value: take / stratumSize };
}

export function describeSize(size: SampleSize): string {
  const base = 'proportion' in size ? `proportion ${size.proportion}` : `count ${size.count}`;
  const rule =
    size.rule === 'ceil_per_stratum'
      ? ', ceil(p·N) per stratum (rule before Hamilton)'
      : size.rule === 'hamilton'
        ? ', ties by stratum key (rule before seed-settled ties)'
        : '';
  return `${base}${rule}${size.perStratumMinimum !== undefined ? `, at least ${size.perStratumMinimum} per stratum` : ''}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
