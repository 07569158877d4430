// How many regions each stratum gives: k = ceil(p · N) per stratum for a proportion, or a total count shared out
// by largest remainder. Integer arithmetic only: ceil(0.1 · 30) must be 3, and in floating point it is 4.

export type SampleSize = { proportion: string } | { count: number };

/** A proportion as an exact fraction; accepts "0.1", ".25", "10%", "1". */
export function parseProportion(text: string): { num: bigint; den: bigint } {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*(%?)\s*$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw new Error(`proportion must be a decimal such as 0.1 or 10%, got "${text}"`);
  const frac = m[2] ?? '';
  let num = BigInt(`${m[1] || '0'}${frac}`);
  let den = 10n ** BigInt(frac.length);
  if (m[3] === '%') den *= 100n;
  if (num === 0n || num > den) throw new Error(`proportion must be above 0 and at most 1 (100%), got "${text}"`);
  const g = gcd(num, den);
  num /= g;
  den /= g;
  return { num, den };
}

/**
 * Sample size per stratum.
 * - proportion p: k_s = ceil(p · N_s) in every stratum (so the total can exceed ceil(p · N) by the rounding).
 * - count n: without strata k = n. With strata, each stratum first gets floor(n · N_s / N); the regions left over
 *   go one each to the strata with the largest remainder n · N_s mod N, ties to the larger stratum, then to the
 *   smaller stratum key (text order). Hamilton's method: every stratum gets its quota rounded down or up.
 */
export function allocate(sizes: Readonly<Record<string, number>>, size: SampleSize): Record<string, number> {
  const strata = Object.keys(sizes).sort();
  const total = strata.reduce((s, k) => s + sizes[k], 0);
  const out: Record<string, number> = {};
  if ('proportion' in size) {
    const { num, den } = parseProportion(size.proportion);
    for (const s of strata) out[s] = Number((num * BigInt(sizes[s]) + den - 1n) / den);
    return out;
  }
  const n = size.count;
  if (!Number.isInteger(n) || n < 1) throw new Error(`count must be a whole number of at least 1, got ${n}`);
  if (n > total) throw new Error(`count ${n} is larger than the pool (${total} regions)`);
  const rem: Record<string, number> = {};
  let given = 0;
  for (const s of strata) {
    out[s] = Math.floor((n * sizes[s]) / total);
    rem[s] = (n * sizes[s]) % total;
    given += out[s];
  }
  const order = [...strata].sort((a, b) => rem[b] - rem[a] || sizes[b] - sizes[a] || (a < b ? -1 : 1));
  for (let i = 0; i < n - given; i++) out[order[i]] += 1;
  return out;
}

export function describeSize(size: SampleSize): string {
  return 'proportion' in size ? `proportion ${size.proportion}` : `count ${size.count}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
