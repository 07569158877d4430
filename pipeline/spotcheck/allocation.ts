// How many regions each stratum gives. A proportion p asks for k = ceil(p · N) regions in total; with strata, k is
// shared out by largest remainder (Hamilton's method), so every stratum gets its quota k · N_s / N rounded down or
// up and a small stratum is not rounded up to a whole region of its own (a 10% draw of 62 regions in 14 provinces
// takes 7, not 25). Integer arithmetic only: ceil(0.1 · 30) must be 3, and in floating point it is 4.
// The allocation depends on the frozen pool and the published parameters alone, never on the seed, so it is fixed
// (and printed on the certificate) before anybody can know which regions the seed will pick.

import { CodedError } from '../vocabulary/index.ts';

/**
 * - `hamilton`: k in total (ceil(p · N), or the count), shared by largest remainder. The rule from this version on.
 * - `ceil_per_stratum`: ceil(p · N_s) in every stratum. The rule of draws made before, kept only so that
 *   `spotcheck verify` and the certificate reproduce them exactly; a new draw cannot choose it.
 */
export const ALLOCATION_RULES = ['hamilton', 'ceil_per_stratum'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** The rules in words, as printed on the certificate. */
export const ALLOCATION_RULE_TEXT: Record<AllocationRule, string> = {
  hamilton:
    'k = ceil(p * N) in exact decimal arithmetic (or the count given); stratum s first gets floor(k * N_s / N), the rest go one each to the strata with the largest remainder k * N_s mod N, ties to the larger stratum, then to the stratum key first in text order; then every stratum is raised to min(per_stratum_minimum, N_s) when a minimum is set',
  ceil_per_stratum: 'k_s = ceil(p * N_s) in every stratum (the rule of draws made before Hamilton allocation)',
};

export type SampleSize = ({ proportion: string } | { count: number }) & {
  /** every stratum takes at least min(M, N_s) regions (an office's explicit choice; the total may then exceed k) */
  perStratumMinimum?: number;
  /** default hamilton */
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

/**
 * Hamilton (largest remainder) apportionment of k seats over strata of the given sizes. Each stratum first gets
 * floor(k · N_s / N); the k − Σ floor left over go one each to the strata with the largest remainder
 * k · N_s mod N. Ties in the remainder go to the larger stratum, then to the stratum key first in text order
 * (code-point order of the key, e.g. province code 110000 before 120000): a fixed rule that anyone can apply to
 * the published strata file, independent of the seed.
 */
export function hamilton(sizes: Readonly<Record<string, number>>, k: number): Record<string, number> {
  const strata = Object.keys(sizes).sort();
  const total = strata.reduce((s, key) => s + sizes[key], 0);
  if (!Number.isInteger(k) || k < 0) throw new CodedError('spotcheck.bad_count', { value: k, total });
  if (k > total) throw new CodedError('spotcheck.count_over_pool', { value: k, total });
  const out: Record<string, number> = {};
  const rem: Record<string, number> = {};
  let given = 0;
  for (const s of strata) {
    out[s] = Math.floor((k * sizes[s]) / total);
    rem[s] = (k * sizes[s]) % total;
    given += out[s];
  }
  const order = [...strata].sort((a, b) => rem[b] - rem[a] || sizes[b] - sizes[a] || (a < b ? -1 : 1));
  for (let i = 0; i < k - given; i++) out[order[i]] += 1;
  return out;
}

/** Sample size per stratum, by the rule of `size` (hamilton unless stated), then raised to the per-stratum minimum. */
export function allocate(sizes: Readonly<Record<string, number>>, size: SampleSize): Record<string, number> {
  const strata = Object.keys(sizes).sort();
  const poolSize = strata.reduce((s, key) => s + sizes[key], 0);
  const rule = size.rule ?? 'hamilton';
  let out: Record<string, number>;
  if ('proportion' in size && rule === 'ceil_per_stratum') {
    out = {};
    for (const s of strata) out[s] = totalFor(size.proportion, sizes[s]);
  } else if ('proportion' in size) {
    out = hamilton(sizes, totalFor(size.proportion, poolSize));
  } else {
    const n = size.count;
    if (!Number.isInteger(n) || n < 1) throw new Error(`count must be a whole number of at least 1, got ${n}`);
    out = hamilton(sizes, n);
  }
  const minimum = size.perStratumMinimum;
  if (minimum !== undefined) {
    if (!Number.isInteger(minimum) || minimum < 1) throw new CodedError('spotcheck.bad_minimum', { value: minimum });
    for (const s of strata) out[s] = Math.max(out[s], Math.min(minimum, sizes[s]));
  }
  return out;
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
  const rule = size.rule === 'ceil_per_stratum' ? ', ceil(p·N) per stratum (rule before Hamilton)' : '';
  return `${base}${rule}${size.perStratumMinimum !== undefined ? `, at least ${size.perStratumMinimum} per stratum` : ''}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
