// A metric per province for the tile map: the pooled value of the province's regions (sum of numerators over sum
// of denominators, as the national line pools them), or the median where the metric has no denominator. Pure.
import type { IndicatorRow } from '../../api/index.ts';

export interface ProvinceValue {
  province_code: string;
  value: number | null;
  regions: number;
  numerator: number | null;
  denominator: number | null;
  met: number;
}

export function byProvince(rows: readonly IndicatorRow[]): ProvinceValue[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    if (r.value == null || !r.province_code) continue;
    groups.set(r.province_code, [...(groups.get(r.province_code) ?? []), r]);
  }
  return [...groups].map(([code, list]) => {
    const withDen = list.filter((r) => r.denominator != null && r.numerator != null);
    const num = withDen.reduce((s, r) => s + Number(r.numerator), 0);
    const den = withDen.reduce((s, r) => s + Number(r.denominator), 0);
    const values = list.map((r) => Number(r.value)).sort((a, b) => a - b);
    const mid = values.length >> 1;
    const median = values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
    return {
      province_code: code,
      value: den > 0 ? num / den : median,
      regions: list.length,
      numerator: den > 0 ? num : null,
      denominator: den > 0 ? den : null,
      met: list.filter((r) => r.status === 'met').length,
    };
  });
}
