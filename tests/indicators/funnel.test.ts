// Funnel limits against a published value (Spiegelhalter 2005: target 0.1, n = 100 → 99.8% upper limit 0.198357)
// and against an independent computation: the binomial distribution summed term by term.
import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialQuantile, exactLimit, funnel, normalQuantile, overdispersion } from '../../pipeline/indicators/funnel.ts';

/** P(R <= k) by plain summation of C(n, r) θ^r (1 − θ)^(n − r), with the coefficient built multiplicatively. */
function cdfBySum(k: number, n: number, theta: number): number {
  let total = 0;
  let term = (1 - theta) ** n; // r = 0
  for (let r = 0; r <= k; r++) {
    total += term;
    term *= ((n - r) / (r + 1)) * (theta / (1 - theta));
  }
  return total;
}

/** The same interpolated limit, from the summed distribution. */
function limitBySum(p: number, n: number, theta: number): number {
  let r = 0;
  while (cdfBySum(r, n, theta) < p) r++;
  const fr = cdfBySum(r, n, theta);
  const frm1 = r > 0 ? cdfBySum(r - 1, n, theta) : 0;
  return Math.max(0, (r - (fr - p) / (fr - frm1)) / n);
}

describe('exact binomial limits with interpolation', () => {
  it('gives 0.198357 as the 99.8% upper limit for target 0.1 and n = 100 (the published example)', () => {
    expect(exactLimit(0.999, 100, 0.1)).toBeCloseTo(0.198357, 6);
  });

  it.each([
    [0.999, 100, 0.1], [0.001, 100, 0.1], [0.975, 100, 0.1], [0.025, 100, 0.1],
    [0.999, 30, 0.14], [0.001, 300, 0.14], [0.975, 57, 0.92], [0.025, 250, 0.5], [0.999, 12, 0.97], [0.001, 400, 0.03],
  ])('agrees with a term-by-term summation at p = %f, n = %i, target = %f', (p, n, theta) => {
    expect(exactLimit(p, n, theta)).toBeCloseTo(limitBySum(p, n, theta), 10);
  });

  it('computes the binomial distribution function to 1e-12 of the summation', () => {
    for (const [n, theta] of [[50, 0.3], [200, 0.05], [250, 0.85]] as const) {
      for (const k of [0, 1, Math.floor(n * theta), n - 1]) expect(binomialCdf(k, n, theta)).toBeCloseTo(cdfBySum(k, n, theta), 12);
    }
  });

  it('finds the smallest r whose cumulative probability reaches p', () => {
    expect(binomialQuantile(0.999, 100, 0.1)).toBe(20);
    expect(cdfBySum(19, 100, 0.1)).toBeLessThan(0.999);
    expect(cdfBySum(20, 100, 0.1)).toBeGreaterThanOrEqual(0.999);
  });

  it('handles a national-size denominator (n = 50,000) without underflow, close to the normal approximation', () => {
    const exact = exactLimit(0.999, 50_000, 0.93);
    const normal = 0.93 + normalQuantile(0.999) * Math.sqrt((0.93 * 0.07) / 50_000);
    expect(Math.abs(exact - normal)).toBeLessThan(2e-4);
  });

  it('knows the standard normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 6);
  });
});

describe('over-dispersion and classification', () => {
  it('winsorises 10% of z-scores at each end before averaging their squares', () => {
    // ten regions of n = 100 around target 0.5 (sd 0.05): z = −10, −2, −1, −1, 0, 0, 1, 1, 2, 10
    const rates = [0, 0.4, 0.45, 0.45, 0.5, 0.5, 0.55, 0.55, 0.6, 1];
    const points = rates.map((r, i) => ({ region_code: String(i), numerator: r * 100, denominator: 100 }));
    // winsorised: −2, −2, −1, −1, 0, 0, 1, 1, 2, 2 → (4+4+1+1+0+0+1+1+4+4) / 10 = 2
    expect(overdispersion(points, 0.5)).toBeCloseTo(2, 10);
  });

  it('widens the limits by sqrt(φ) only when φ > 1, and flags beyond 99.8% on either side', () => {
    const points = [0.3, 0.4, 0.45, 0.45, 0.5, 0.5, 0.55, 0.55, 0.6, 0.7].map((r, i) => ({ region_code: `r${i}`, numerator: r * 100, denominator: 100 }));
    const rows = funnel(points);
    expect(rows[0].target).toBeCloseTo(0.5, 12);
    expect(rows[0].adjusted).toBe(true);
    const phi = rows[0].phi;
    expect(rows[0].upper998).toBeCloseTo(0.5 + normalQuantile(0.999) * Math.sqrt((phi * 0.25) / 100), 12);
    const calm = funnel([0.5, 0.5, 0.49, 0.51].map((r, i) => ({ region_code: `c${i}`, numerator: r * 100, denominator: 100 })));
    expect(calm[0].adjusted).toBe(false);
    expect(calm[0].upper998).toBeCloseTo(exactLimit(0.999, 100, 0.5), 12);
  });

  it('never puts a region at 100% above the funnel, nor one at 0% below it', () => {
    const rows = funnel([
      { region_code: 'full', numerator: 6, denominator: 6 },
      ...Array.from({ length: 9 }, (_, i) => ({ region_code: `x${i}`, numerator: 98, denominator: 100 })),
    ]);
    expect(rows.find((r) => r.region_code === 'full')!.position).toBe('within');
  });

  it('finds a loss rate of 36.9% on 309 cases an outlier against regions around 14%', () => {
    const base = Array.from({ length: 30 }, (_, i) => ({ region_code: `b${i}`, numerator: 14 + (i % 5) - 2, denominator: 100 }));
    const rows = funnel([...base, { region_code: 'high', numerator: 114, denominator: 309 }, { region_code: 'low', numerator: 9, denominator: 299 }]);
    expect(rows.find((r) => r.region_code === 'high')!.position).toBe('above998');
    expect(rows.find((r) => r.region_code === 'low')!.position).toBe('below998');
  });

  it('returns no limits when the target is 0 or 1 (a funnel without width)', () => {
    expect(funnel([{ region_code: 'a', numerator: 5, denominator: 5 }, { region_code: 'b', numerator: 3, denominator: 3 }])).toEqual([]);
  });
});
