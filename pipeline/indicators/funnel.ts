// Funnel-plot control limits for rates (Spiegelhalter, "Funnel plots for comparing institutional performance",
// Stat Med 2005;24:1185–1202, and "Handling over-dispersion of performance indicators", Qual Saf Health Care
// 2005;14:347–351). Pure math, no database: refresh.ts feeds it the rates and stores what it returns.
//
// Exact limits: for a target θ and denominator n, r_p is the smallest r with P(R <= r) >= p for R ~ Bin(n, θ);
// the interpolated limit is (r_p − α) / n with α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)), which turns the binomial
// staircase into a smooth funnel. Over-dispersion: φ is the mean of the squared z-scores after winsorising 10% at
// each end; when φ > 1 the limits become θ ± z_p·sqrt(φ·θ(1−θ)/n).

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b), by its continued fraction (modified Lentz). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) return h;
  }
  throw new Error(`incomplete beta did not converge for x=${x}, a=${a}, b=${b}`);
}

/** P(R <= k) for R ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** Standard normal quantile (Acklam's rational approximation refined by one Halley step; |error| < 1e-12). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normal quantile needs 0 < p < 1, got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Complementary error function (Numerical Recipes erfcc, fractional error < 1.2e-7, refined by Halley above). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Smallest r in 0..n with P(R <= r) >= p. */
export function binomialQuantile(p: number, n: number, theta: number): number {
  const sd = Math.sqrt(n * theta * (1 - theta));
  let r = Math.min(n, Math.max(0, Math.floor(n * theta + normalQuantile(p) * sd)));
  while (r < n && binomialCdf(r, n, theta) < p) r++;
  while (r > 0 && binomialCdf(r - 1, n, theta) >= p) r--;
  return r;
}

/** The exact binomial limit at probability p (0.001, 0.025, 0.975, 0.999) with Spiegelhalter's interpolation. */
export function exactLimit(p: number, n: number, theta: number): number {
  const r = binomialQuantile(p, n, theta);
  const fr = binomialCdf(r, n, theta);
  const frm1 = binomialCdf(r - 1, n, theta);
  const alpha = fr > frm1 ? (fr - p) / (fr - frm1) : 0;
  // At r = 0 the interpolation can dip below zero; a rate cannot.
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

export interface FunnelPoint { region_code: string; numerator: number; denominator: number }

export interface FunnelRow extends FunnelPoint {
  value: number;
  target: number;
  phi: number;
  adjusted: boolean;
  lower95: number; upper95: number; lower998: number; upper998: number;
  z: number;
  position: 'within' | 'above95' | 'below95' | 'above998' | 'below998';
}

/** φ: mean squared z-score after setting the lowest and highest 10% of z-scores to the 10th and 90th percentile. */
export function overdispersion(points: FunnelPoint[], target: number): number {
  const zs = points.map((p) => (p.numerator / p.denominator - target) / Math.sqrt((target * (1 - target)) / p.denominator)).sort((a, b) => a - b);
  if (zs.length === 0) return 1;
  const k = Math.floor(0.1 * zs.length);
  const lo = zs[k];
  const hi = zs[zs.length - 1 - k];
  return zs.reduce((s, z) => s + Math.min(hi, Math.max(lo, z)) ** 2, 0) / zs.length;
}

const Z95 = normalQuantile(0.975);
const Z998 = normalQuantile(0.999);

/**
 * Limits for one metric and year. The target is the pooled rate of all points (Σ numerators / Σ denominators)
 * unless given. Returns [] when the target is 0 or 1, where a binomial funnel has no width.
 */
export function funnel(points: FunnelPoint[], targetOverride?: number): FunnelRow[] {
  const usable = points.filter((p) => p.denominator > 0);
  const total = usable.reduce((s, p) => s + p.denominator, 0);
  const target = targetOverride ?? usable.reduce((s, p) => s + p.numerator, 0) / total;
  if (!(target > 0 && target < 1)) return [];
  const phi = overdispersion(usable, target);
  const adjusted = phi > 1;
  const cache = new Map<number, [number, number, number, number]>();
  return usable.map((p) => {
    const n = p.denominator;
    let lim = cache.get(n);
    if (!lim) {
      if (adjusted) {
        const se = Math.sqrt((phi * target * (1 - target)) / n);
        lim = [target - Z95 * se, target + Z95 * se, target - Z998 * se, target + Z998 * se];
      } else {
        lim = [exactLimit(0.025, n, target), exactLimit(0.975, n, target), exactLimit(0.001, n, target), exactLimit(0.999, n, target)];
      }
      cache.set(n, lim);
    }
    const [lower95, upper95, lower998, upper998] = lim;
    const value = p.numerator / n;
    const z = (value - target) / Math.sqrt(((adjusted ? phi : 1) * target * (1 - target)) / n);
    // The interpolated limit sits a hair inside n/n when r_p = n (and above 0/n when r_p = 0), so a region at 100%
    // would plot "above" a 98% target with n = 6 although nothing more extreme is possible: the boundary is never out.
    const canBeAbove = p.numerator < n;
    const canBeBelow = p.numerator > 0;
    const position =
      canBeAbove && value > upper998 ? 'above998' : canBeBelow && value < lower998 ? 'below998'
        : canBeAbove && value > upper95 ? 'above95' : canBeBelow && value < lower95 ? 'below95' : 'within';
    return { ...p, value, target, phi, adjusted, lower95, upper95, lower998, upper998, z, position };
  });
}
