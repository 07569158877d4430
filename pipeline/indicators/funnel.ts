// Funnel-plot control limits for rates (Spiegelhalter, "Funnel plots for comparing institutional performance",
// Stat Med 2005;24:1185–1202, and "Handling over-dispersion of performance indicators", Qual Saf Health Care
// 2005;14:347–351). Pure math, no database: refresh.ts feeds it the rates and stores what it returns.
//
// Exact limits: for a target θ and denominator n, r_p is the smallest r with P(R <= r) >= p for R ~ Bin(n, θ);
// the interpolated limit is (r_p − α) / n with α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)), which turns the binomial
// staircase into a smooth funnel. Over-dispersion is tested before anything is adjusted: φ is the mean of the
// squared z-scores after winsorising 10% at each end, and I·φ is compared with χ² on I − 1 degrees of freedom.
// Only when the test rejects (p < 0.05) are the limits widened, by default with the additive random-effects model
// (DerSimonian–Laird τ² from the winsorised z-scores: limits θ ± z_p·sqrt(θ(1−θ)/n + τ²)), or, as an option, the
// multiplicative one (θ ± z_p·sqrt(φ·θ(1−θ)/n)). The model used is returned with every limit.

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
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
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
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
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Complementary error function (Numerical Recipes erfcc, fractional error < 1.2e-7, refined by Halley above). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
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

/** Regularised upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above; Numerical Recipes). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let k = 1; k < 100_000; k++) {
      term *= x / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnFront));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(lnFront) * h;
}

/** P(X >= x) for X ~ χ² with df degrees of freedom. */
export function chiSquareUpper(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** P(Z >= z) for a standard normal Z, accurate in the far tail (relative error about 1e-7). */
export function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** P(R >= k) for R ~ Binomial(n, p), computed directly (no 1 − F cancellation in the far tail). */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return incompleteBeta(p, k, n - k + 1);
}

export type FunnelModel = 'exact' | 'additive' | 'multiplicative';
/** What an office may choose for over-dispersed metrics; 'exact' is what an un-overdispersed metric gets. */
export type OverdispersionModel = 'additive' | 'multiplicative';
export const OVERDISPERSION_MODELS: OverdispersionModel[] = ['additive', 'multiplicative'];

/** The method's settings, one definition (README "Indicators": funnel model, χ² level, winsorising, BH q). */
export const FUNNEL_SETTINGS = {
  /** Model applied when the χ² test finds over-dispersion (Spiegelhalter 2005: additive random effects preferred). */
  overdispersionModel: 'additive' as OverdispersionModel,
  /** Significance level of the χ² test for over-dispersion. */
  chi2Alpha: 0.05,
  /** Share of z-scores winsorised at each end before φ and τ² are estimated. */
  winsor: 0.1,
  /** Benjamini–Hochberg false-discovery rate over each year's funnel tests. */
  fdrQ: 0.05,
};

export interface FunnelPoint {
  region_code: string;
  numerator: number;
  denominator: number;
}

export interface FunnelOptions {
  /** A target instead of the pooled rate. */
  target?: number;
  /** The model used where over-dispersion is found (default FUNNEL_SETTINGS.overdispersionModel). */
  model?: OverdispersionModel;
  chi2Alpha?: number;
}

export interface Dispersion {
  /** Number of points I. */
  count: number;
  /** φ: mean squared winsorised z-score. */
  phi: number;
  /** I·φ, the χ² statistic on I − 1 degrees of freedom. */
  chi2: number;
  df: number;
  /** P(χ²_{I−1} >= I·φ). */
  chi2P: number;
  /** DerSimonian–Laird between-region variance on the rate scale from the winsorised z (0 when I·φ <= I − 1). */
  tau2: number;
  overdispersed: boolean;
}

export interface FunnelRow extends FunnelPoint {
  value: number;
  target: number;
  phi: number;
  tau2: number;
  chi2: number;
  chi2_df: number;
  chi2_p: number;
  /** exact: binomial limits (no over-dispersion found); additive / multiplicative: the adjustment applied. */
  model: FunnelModel;
  /** Limits widened for over-dispersion (model <> exact). */
  adjusted: boolean;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  z: number;
  /** Two-sided p-value of the point against the target under the model (exact binomial tails when model = exact). */
  p_value: number;
  position: 'within' | 'above95' | 'below95' | 'above998' | 'below998';
}

function zScores(points: FunnelPoint[], target: number): number[] {
  return points.map((p) => (p.numerator / p.denominator - target) / Math.sqrt((target * (1 - target)) / p.denominator));
}

/** z-scores with the lowest and highest share set to the values at those percentiles. */
function winsorise(zs: number[], share: number): number[] {
  const sorted = [...zs].sort((a, b) => a - b);
  const k = Math.floor(share * sorted.length);
  const lo = sorted[k];
  const hi = sorted[sorted.length - 1 - k];
  return zs.map((z) => Math.min(hi, Math.max(lo, z)));
}

/** φ: mean squared z-score after setting the lowest and highest 10% of z-scores to the 10th and 90th percentile. */
export function overdispersion(points: FunnelPoint[], target: number, share = FUNNEL_SETTINGS.winsor): number {
  if (points.length === 0) return 1;
  const zs = winsorise(zScores(points, target), share);
  return zs.reduce((s, z) => s + z * z, 0) / zs.length;
}

/**
 * The χ² test for over-dispersion and the additive τ² (Spiegelhalter, Qual Saf Health Care 2005, section 3):
 * with w_i = 1/s_i² and s_i² = θ(1−θ)/n_i, τ² = (I·φ − (I − 1)) / (Σw_i − Σw_i²/Σw_i), and 0 when I·φ <= I − 1.
 */
export function dispersion(points: FunnelPoint[], target: number, alpha = FUNNEL_SETTINGS.chi2Alpha): Dispersion {
  const count = points.length;
  const phi = overdispersion(points, target);
  const chi2 = count * phi;
  const df = Math.max(count - 1, 1);
  const chi2P = count > 1 ? chiSquareUpper(chi2, df) : 1;
  const w = points.map((p) => p.denominator / (target * (1 - target)));
  const sw = w.reduce((s, x) => s + x, 0);
  const sw2 = w.reduce((s, x) => s + x * x, 0);
  const denom = sw - sw2 / sw;
  const tau2 = count > 1 && chi2 > count - 1 && denom > 0 ? (chi2 - (count - 1)) / denom : 0;
  return { count, phi, chi2, df, chi2P, tau2, overdispersed: count > 1 && chi2P < alpha };
}

const Z95 = normalQuantile(0.975);
const Z998 = normalQuantile(0.999);

/**
 * Limits for one metric and year. The target is the pooled rate of all points (Σ numerators / Σ denominators)
 * unless given. Returns [] when the target is 0 or 1, where a binomial funnel has no width.
 */
export function funnel(points: FunnelPoint[], options: FunnelOptions = {}): FunnelRow[] {
  const usable = points.filter((p) => p.denominator > 0);
  const total = usable.reduce((s, p) => s + p.denominator, 0);
  const target = options.target ?? usable.reduce((s, p) => s + p.numerator, 0) / total;
  if (!(target > 0 && target < 1)) return [];
  const d = dispersion(usable, target, options.chi2Alpha);
  const model: FunnelModel = d.overdispersed ? (options.model ?? FUNNEL_SETTINGS.overdispersionModel) : 'exact';
  const cache = new Map<number, Limits>();
  return usable.map((p) => {
    const n = p.denominator;
    const v0 = (target * (1 - target)) / n;
    const sd = Math.sqrt(model === 'additive' ? v0 + d.tau2 : model === 'multiplicative' ? d.phi * v0 : v0);
    const lim = cache.get(n) ?? (model === 'exact' ? exactLimits(n, target) : normalLimits(target, sd));
    cache.set(n, lim);
    const value = p.numerator / n;
    const z = (value - target) / sd;
    const p_value =
      model === 'exact' ? exactTwoSided(p.numerator, n, target) : Math.min(1, 2 * normalUpper(Math.abs(z)));
    // An exact limit is undefined where its quantile is n itself (upper) or 0 (lower): the interpolation then puts
    // the limit a hair inside n/n (or above 0/n) although nothing more extreme than n/n is possible, so that side is
    // not judged. Everywhere else each point is classified by its exact limits, 0/n and n/n included.
    const aboveDefined = lim.upperDefined;
    const belowDefined = lim.lowerDefined;
    const position =
      aboveDefined.p998 && value > lim.upper998
        ? 'above998'
        : belowDefined.p998 && value < lim.lower998
          ? 'below998'
          : aboveDefined.p95 && value > lim.upper95
            ? 'above95'
            : belowDefined.p95 && value < lim.lower95
              ? 'below95'
              : 'within';
    return {
      ...p,
      value,
      target,
      phi: d.phi,
      tau2: d.tau2,
      chi2: d.chi2,
      chi2_df: d.df,
      chi2_p: d.chi2P,
      model,
      adjusted: model !== 'exact',
      lower95: lim.lower95,
      upper95: lim.upper95,
      lower998: lim.lower998,
      upper998: lim.upper998,
      z,
      p_value,
      position,
    };
  });
}

interface Limits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  upperDefined: { p95: boolean; p998: boolean };
  lowerDefined: { p95: boolean; p998: boolean };
}

function exactLimits(n: number, target: number): Limits {
  return {
    lower95: exactLimit(0.025, n, target),
    upper95: exactLimit(0.975, n, target),
    lower998: exactLimit(0.001, n, target),
    upper998: exactLimit(0.999, n, target),
    upperDefined: { p95: binomialQuantile(0.975, n, target) < n, p998: binomialQuantile(0.999, n, target) < n },
    lowerDefined: { p95: binomialQuantile(0.025, n, target) > 0, p998: binomialQuantile(0.001, n, target) > 0 },
  };
}

function normalLimits(target: number, sd: number): Limits {
  return {
    lower95: target - Z95 * sd,
    upper95: target + Z95 * sd,
    lower998: target - Z998 * sd,
    upper998: target + Z998 * sd,
    upperDefined: { p95: true, p998: true },
    lowerDefined: { p95: true, p998: true },
  };
}

/** Two-sided exact binomial p-value: twice the smaller tail, at most 1. */
export function exactTwoSided(r: number, n: number, theta: number): number {
  return Math.min(1, 2 * Math.min(binomialCdf(r, n, theta), binomialUpper(r, n, theta)));
}

/**
 * Benjamini–Hochberg step-up adjusted p-values (q-values): q_(i) = min over j >= i of p_(j)·m/j, capped at 1.
 * A test is a discovery at false-discovery rate q when its adjusted value is <= q.
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const [p, i] = order[k];
    running = Math.min(running, (p * m) / (k + 1));
    adjusted[i] = Math.min(1, running);
  }
  return adjusted;
}
