// Overview data: the one /api/overview call, reshaped for the charts.
import { api, type Metric } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useOverview = (year: number) => useQuery([year], () => api.overview(year));

/** Failed and warning job runs nobody has acknowledged: the banner above the overview. */
export const useJobAlerts = () =>
  useQuery([], async () => {
    const j = await api.jobs();
    return { count: j.unacknowledged, runs: j.unacknowledged_runs };
  });

/** Regions by overall status for the year (meets the bar / not / not assessed), from the regions list. */
export const useStatusCounts = (year: number) =>
  useQuery([year], async () => {
    const rows = await api.regions(year);
    const n = (f: (m: boolean | null) => boolean) => rows.filter((r) => f(r.meets_bar)).length;
    return { met: n((m) => m === true), not_met: n((m) => m === false), no_data: n((m) => m == null) };
  });

/** A metric's threshold in the year (the indicator system's, the same for every region). */
export const useMetricThreshold = (metric: string | undefined, year: number) =>
  useQuery(
    [metric, year],
    async () => (await api.indicator(metric!, year)).find((r) => r.threshold != null)?.threshold ?? null,
    metric != null,
  );

/** The national-trend chart shows a few key rate metrics (funnel metrics, by indicator number), not all 34. */
export function keyMetrics(metrics: Metric[], n = 5): Metric[] {
  return metrics
    .filter((m) => m.unit === 'rate' && m.funnel && m.direction === 'higher')
    .sort((a, b) => (a.indicator_no ?? 999) - (b.indicator_no ?? 999))
    .slice(0, n);
}

export function trendSeries(
  rows: { year: number; metric_id: string; value: number | null }[],
  metrics: Metric[],
  lang: 'zh' | 'en',
) {
  const name = new Map(metrics.map((m) => [m.id, lang === 'zh' ? m.name_zh : m.name_en]));
  return rows
    .filter((r) => name.has(r.metric_id))
    .map((r) => ({ year: Number(r.year), series: name.get(r.metric_id)!, value: r.value }));
}

/** Conformance buckets come as the lower bound in percent (40 = 40–50%); fractions are accepted too. */
export function bucketLabel(b: number | string): string {
  const n = Number(b);
  if (!Number.isFinite(n)) return String(b);
  const lo = n <= 1 ? Math.round(n * 100) : n;
  return lo >= 100 ? '100%' : `${lo}–${lo + 10}%`;
}
