// Overview data: the one /api/overview call, reshaped for the charts.
import { api, type CountRow, type Metric } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useOverview = (year: number) => useQuery([year], () => api.overview(year));

/** A count row's category, whatever the server calls the key column. */
export function categoryOf(r: CountRow, key: string): string {
  const v = r[key] ?? r.key ?? Object.entries(r).find(([k]) => k !== 'count')?.[1];
  return v == null ? '—' : String(v);
}

export function trendSeries(rows: { year: number; metric_id: string; value: number | null }[], metrics: Metric[], lang: 'zh' | 'en') {
  const name = new Map(metrics.map((m) => [m.id, lang === 'zh' ? m.name_zh : m.name_en]));
  return rows.map((r) => ({ year: Number(r.year), series: name.get(r.metric_id) ?? r.metric_id, value: r.value }));
}
