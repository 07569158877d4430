// The seeded randomness of the demo world. Everything random in pipeline/demo draws from a Random made here,
// so the same --seed gives byte-identical files on every machine and Node version.
//
// Generator: sfc32 ("Small Fast Counter", Chris Doty-Humphrey, from the PractRand suite; 128-bit state,
// passes PractRand/BigCrush), seeded with cyrb128 — both as published in bryc's "PRNGs in JavaScript"
// collection (github.com/bryc/code, jshash/PRNGs.md). Only 32-bit integer arithmetic (Math.imul, >>> 0), so the
// stream is exact in every JavaScript engine; Math.random is never used.
//
// Streams are named: `stream(seed, 'enforcement', region, year)` gives the same numbers whatever else was
// drawn before, so generators do not depend on each other's order.

/** cyrb128: a 128-bit string hash (four 32-bit words) used only to seed sfc32. */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(text: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(text);
    for (let i = 0; i < 15; i++) this.uint32(); // discard the first outputs, as the reference does
  }

  /** sfc32 step: a uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index into cumulative weights (ascending, last = total). */
  pickCumulative(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1];
    let i = 0;
    while (cumulative[i] <= x) i++;
    return i;
  }

  /** Standard normal (Box–Muller; one value per call, for simplicity and a fixed number of draws). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Geometric count of failures before a success with probability p (mean (1-p)/p). */
  geometric(p: number): number {
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  /** Poisson count (Knuth for small means, rounded normal approximation above 50). */
  poisson(mean: number): number {
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Binomial count (exact for n <= 200, normal approximation above). */
  binomial(n: number, p: number): number {
    if (n > 200) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal())));
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** A deterministic shuffle (Fisher–Yates) of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/** The named stream for a seed and labels, e.g. stream(42, 'litigation', '440300', 2023). */
export function stream(seed: number, ...labels: Array<string | number>): Random {
  return new Random([seed, ...labels].join('|'));
}
