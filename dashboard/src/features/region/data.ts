// Region data hooks: the list for a year, one region's detail, a flag's evidence and a source row.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useRegions = (year: number, opts: { province?: string; all?: boolean } = {}) =>
  useQuery([year, opts.province, opts.all], () => api.regions(year, opts));
export const useRegion = (code: string, year: number) => useQuery([code, year], () => api.region(code, year));
export const useFlag = (id: string | null) => useQuery([id], () => api.flag(id!), id != null);
export const useRecord = (ref: { dataset: string; load: string | number; line: number } | null) =>
  useQuery([ref?.dataset, ref?.load, ref?.line], () => api.record(ref!.dataset, ref!.load, ref!.line), ref != null);

/** Plain value for display in generic tables (objects as JSON). */
export const show = (v: unknown) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Columns for rows whose shape the server decides: every key of the first row. */
export function autoColumns(
  rows: readonly Record<string, unknown>[],
  labels: (k: string) => string,
  skip: string[] = [],
) {
  const keys = rows.length ? Object.keys(rows[0]!).filter((k) => !skip.includes(k)) : [];
  return keys.map((k) => ({
    key: k,
    label: labels(k),
    wrap: /message|reason|summary|note|detail|raw/.test(k),
    value: (r: Record<string, unknown>) => {
      const v = r[k];
      return v != null && typeof v === 'object' ? JSON.stringify(v) : v;
    },
    render: (r: Record<string, unknown>) => formatCell(k, r[k]),
  }));
}

/** Fractions of conformance and rates as percentages, other decimals to 2 places, booleans as ✓ / ✗. */
export function formatCell(key: string, v: unknown): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'number') {
    if (/conformance|rate|share/.test(key) && Math.abs(v) <= 1 && !Number.isInteger(v))
      return `${(v * 100).toFixed(1)}%`;
    return Number.isInteger(v)
      ? /(_id|year|line|code|_no)$/.test(key)
        ? String(v)
        : v.toLocaleString('zh-CN')
      : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
