// Region data hooks: the list for a year, one region's detail, a flag's evidence and a source row.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useRegions = (year: number) => useQuery([year], () => api.regions(year));
export const useRegion = (code: string, year: number) => useQuery([code, year], () => api.region(code, year));
export const useFlag = (id: string | null) => useQuery([id], () => api.flag(id!), id != null);
export const useRecord = (ref: { dataset: string; load: string | number; line: number } | null) =>
  useQuery([ref?.dataset, ref?.load, ref?.line], () => api.record(ref!.dataset, ref!.load, ref!.line), ref != null);

/** Plain value for display in generic tables (objects as JSON). */
export const show = (v: unknown) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Columns for rows whose shape the server decides: every key of the first row. */
export function autoColumns(rows: readonly Record<string, unknown>[], labels: (k: string) => string, skip: string[] = []) {
  const keys = rows.length ? Object.keys(rows[0]!).filter((k) => !skip.includes(k)) : [];
  return keys.map((k) => ({ key: k, label: labels(k), value: (r: Record<string, unknown>) => { const v = r[k]; return v != null && typeof v === 'object' ? JSON.stringify(v) : v; } }));
}
