// A metric value printed beside its threshold, one rule for the CLI, the dashboard and the flag messages: a rate with one decimal, or two or three when one
// decimal would print the threshold's figure for a value that differs from it — 3/23 = 13.04% against ≤ 13.0%
// reads "13.04%", never "13.0% not met, threshold ≤ 13.0%". Pure; no imports, so the dashboard can use it.

/** The value with the fewest decimals (1–3) that tell it apart from the threshold. Rates are fractions. */
export function formatAgainst(v: number, t: number | null, unit: string): string {
  if (unit === 'rate') {
    if (t === null || v === t) return `${(100 * v).toFixed(1)}%`;
    for (const d of [1, 2]) if ((100 * v).toFixed(d) !== (100 * t).toFixed(d)) return `${(100 * v).toFixed(d)}%`;
    return `${(100 * v).toFixed(3)}%`;
  }
  const plain = Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (t === null || v === t || Number(plain) !== t) return plain;
  return v.toFixed(3);
}

/** ≥, ≤ or = before a threshold, by the metric's direction. */
export function directionSign(direction: string | null | undefined): string {
  return direction === 'higher' ? '≥' : direction === 'lower' ? '≤' : '=';
}
