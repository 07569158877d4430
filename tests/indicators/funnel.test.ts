// Funnel limits against a published value (Spiegelhalter 2005: target 0.1, n = 100 → 99.8% upper limit 0.198357)
// and against an independent computation: the binomial distribution summed term by term.
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  binomialCdf,
  binomialQuantile,
  chiSquareUpper,
  dispersion,
  exactLimit,
  exactTwoSided,
  funnel,
  normalQuantile,
  overdispersion,
} from '../../pipeline/indicators/funnel.ts';

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
    [0.999, 100, 0.1],
    [0.001, 100, 0.1],
    [0.975, 100, 0.1],
    [0.025, 100, 0.1],
    [0.999, 30, 0.14],
    [0.001, 300, 0.14],
    [0.975, 57, 0.92],
    [0.025, 250, 0.5],
    [0.999, 12, 0.97],
    [0.001, 400, 0.03],
  ])('agrees with a term-by-term summation at p = %f, n = %i, target = %f', (p, n, theta) => {
    expect(exactLimit(p, n, theta)).toBeCloseTo(limitBySum(p, n, theta), 10);
  });

  it('computes the binomial distribution function to 1e-12 of the summation', () => {
    for (const [n, theta] of [
      [50, 0.3],
      [200, 0.05],
      [250, 0.85],
    ] as const) {
      for (const k of [0, 1, Math.floor(n * theta), n - 1])
        expect(binomialCdf(k, n, theta)).toBeCloseTo(cdfBySum(k, n, theta), 12);
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

  it('widens the limits only when the χ² test finds over-dispersion, by the additive τ² by default', () => {
    const points = [0.3, 0.4, 0.45, 0.45, 0.5, 0.5, 0.55, 0.55, 0.6, 0.7].map((r, i) => ({
      region_code: `r${i}`,
      numerator: r * 100,
      denominator: 100,
    }));
    const rows = funnel(points);
    expect(rows[0].target).toBeCloseTo(0.5, 12);
    expect(rows[0].model).toBe('additive');
    expect(rows[0].chi2_p).toBeLessThan(0.05);
    // DerSimonian–Laird on winsorised z: τ² = (Iφ − (I − 1)) / (Σw − Σw²/Σw), w = n / θ(1 − θ) = 400 for all ten
    const { phi, tau2 } = rows[0];
    expect(tau2).toBeCloseTo((10 * phi - 9) / (4000 - (10 * 400 ** 2) / 4000), 12);
    expect(rows[0].upper998).toBeCloseTo(0.5 + normalQuantile(0.999) * Math.sqrt(0.25 / 100 + tau2), 12);
    const multiplicative = funnel(points, { model: 'multiplicative' });
    expect(multiplicative[0].model).toBe('multiplicative');
    expect(multiplicative[0].upper998).toBeCloseTo(0.5 + normalQuantile(0.999) * Math.sqrt((phi * 0.25) / 100), 12);
    const calm = funnel(
      [0.5, 0.5, 0.49, 0.51].map((r, i) => ({ region_code: `c${i}`, numerator: r * 100, denominator: 100 })),
    );
    expect(calm[0].model).toBe('exact');
    expect(calm[0].adjusted).toBe(false);
    expect(calm[0].upper998).toBeCloseTo(exactLimit(0.999, 100, 0.5), 12);
  });

  it('does not adjust a φ above 1 that the χ² test cannot tell from chance', () => {
    // φ slightly above 1 on 12 points: I·φ well inside χ² on 11 degrees of freedom
    const rates = [0.38, 0.42, 0.44, 0.46, 0.5, 0.5, 0.54, 0.56, 0.58, 0.62, 0.45, 0.55];
    const points = rates.map((r, i) => ({ region_code: `p${i}`, numerator: r * 100, denominator: 100 }));
    const d = dispersion(points, 0.5);
    expect(d.phi).toBeGreaterThan(1);
    expect(d.chi2P).toBeGreaterThan(0.05);
    expect(funnel(points)[0].model).toBe('exact');
  });

  it('knows the χ² upper tail at its textbook 5% points', () => {
    expect(chiSquareUpper(3.841458820694124, 1)).toBeCloseTo(0.05, 9);
    expect(chiSquareUpper(18.307038053275146, 10)).toBeCloseTo(0.05, 9);
    expect(chiSquareUpper(124.34211340400407, 100)).toBeCloseTo(0.05, 8);
  });

  it('classifies 0 of 30 published against a 95% norm as below the 99.8% limit', () => {
    const rows = funnel(
      [
        { region_code: 'none', numerator: 0, denominator: 30 },
        ...Array.from({ length: 20 }, (_, i) => ({ region_code: `n${i}`, numerator: 95, denominator: 100 })),
      ],
      { target: 0.95 },
    );
    const none = rows.find((r) => r.region_code === 'none')!;
    expect(none.position).toBe('below998');
    expect(none.p_value).toBeLessThan(1e-30);
  });

  it('classifies 20 of 20 lawsuits lost against regions around 13% as above the 99.8% limit', () => {
    const rows = funnel([
      { region_code: 'all-lost', numerator: 20, denominator: 20 },
      ...Array.from({ length: 20 }, (_, i) => ({ region_code: `l${i}`, numerator: 12 + (i % 3), denominator: 100 })),
    ]);
    expect(rows.find((r) => r.region_code === 'all-lost')!.position).toBe('above998');
  });

  it('computes two-sided exact p-values from both binomial tails', () => {
    expect(exactTwoSided(5, 10, 0.5)).toBe(1);
    expect(exactTwoSided(0, 10, 0.5)).toBeCloseTo(2 * 0.5 ** 10, 15);
    expect(exactTwoSided(10, 10, 0.5)).toBeCloseTo(2 * 0.5 ** 10, 15);
  });

  it('adjusts p-values by Benjamini–Hochberg step-up', () => {
    // Benjamini & Hochberg's rule on five tests: p·m/rank, then the running minimum from the largest p down
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    expect(q.map((x) => Number(x.toFixed(6)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.5]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('does not judge the side of an exact limit whose quantile is n itself: 6 of 6 against a 98% target', () => {
    const rows = funnel([
      { region_code: 'full', numerator: 6, denominator: 6 },
      ...Array.from({ length: 9 }, (_, i) => ({ region_code: `x${i}`, numerator: 98, denominator: 100 })),
    ]);
    expect(rows.find((r) => r.region_code === 'full')!.position).toBe('within');
  });

  it('finds a loss rate of 36.9% on 309 cases an outlier against regions around 14%', () => {
    const base = Array.from({ length: 30 }, (_, i) => ({
      region_code: `b${i}`,
      numerator: 14 + (i % 5) - 2,
      denominator: 100,
    }));
    const rows = funnel([
      ...base,
      { region_code: 'high', numerator: 114, denominator: 309 },
      { region_code: 'low', numerator: 9, denominator: 299 },
    ]);
    expect(rows.find((r) => r.region_code === 'high')!.position).toBe('above998');
    expect(rows.find((r) => r.region_code === 'low')!.position).toBe('below998');
  });

  it('returns no limits when the target is 0 or 1 (a funnel without width)', () => {
    expect(
      funnel([
        { region_code: 'a', numerator: 5, denominator: 5 },
        { region_code: 'b', numerator: 3, denominator: 3 },
      ]),
    ).toEqual([]);
  });
});
