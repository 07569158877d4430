// A region's metric explained: its values over the years against the pooled rate of every region in view
// (national, or the province for a provincial account) and the threshold, indicator-system changes marked; and
// the year's funnel plot with this region ringed and named. The metric is chosen in the URL (`metric`).
import type { RegionMetric } from '../../api/index.ts';
import { useRouter } from '../../app/router.tsx';
import { useMeta, useSession } from '../../app/session.tsx';
import { regionTrendChart } from '../../charts/index.ts';
import { PlotFigure } from '../../components/PlotFigure.tsx';
import { Panel, QueryLoad } from '../../components/QueryLoad.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DEFAULT_METRIC, useIndicator } from '../indicators/data.ts';
import { MetricFunnel } from '../indicators/MetricFunnel.tsx';
import { useOverview } from '../overview/data.ts';

/** The metric shown first: the region's first missed metric with a denominator, else the loss rate. */
export function firstMetric(metrics: readonly RegionMetric[], year: number): string {
  const missed = metrics.find((m) => Number(m.year) === year && m.status === 'not_met' && m.denominator != null);
  return missed?.metric_id ?? DEFAULT_METRIC;
}

export function RegionMetricCharts({ code, year, metrics }: { code: string; year: number; metrics: RegionMetric[] }) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const { user } = useSession();
  const { query, setQuery, navigate } = useRouter();
  const metricId = query.get('metric') ?? firstMetric(metrics, year);
  const metric = meta.metrics.find((m) => m.id === metricId);
  const overview = useOverview(year);
  const values = useIndicator(metricId, year);
  const own = metrics.filter((m) => m.metric_id === metricId).sort((a, b) => Number(a.year) - Number(b.year));
  const threshold = own.find((m) => Number(m.year) === year)?.threshold ?? own.at(-1)?.threshold ?? null;
  const versions = meta.systems?.map((v) => ({ from: v.from, label: t('chart.version', { v: v.version }) }));
  const scope = user?.province_code ? t('chart.province') : t('chart.national');
  const name = (m: { name_zh: string; name_en: string }) => (lang === 'zh' ? m.name_zh : m.name_en);
  const statusLabels = { met: t('status.met'), not_met: t('status.not_met'), no_data: t('status.no_data') };
  const measured = meta.metrics.filter((m) => metrics.some((x) => x.metric_id === m.id && x.value != null));
  return (
    <>
      <div className="filters">
        <label>
          {t('region.pickMetric')}
          <select value={metricId} onChange={(e) => setQuery({ metric: e.target.value })} data-testid="region-metric">
            {measured.map((m) => (
              <option key={m.id} value={m.id}>
                {m.indicator_no != null ? `${m.indicator_no}. ` : ''}
                {name(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid grid-2">
        <Panel title={t('region.metricTrend', { scope })} testId="region-metric-trend">
          <PlotFigure
            testId="chart-region-metric"
            deps={[own, overview.data, lang, metricId]}
            build={(document) =>
              regionTrendChart(
                own.map((m) => ({
                  year: Number(m.year),
                  value: m.value,
                  numerator: m.numerator,
                  denominator: m.denominator,
                  status: m.status,
                })),
                {
                  document,
                  width: 520,
                  unit: metric?.unit,
                  lang,
                  threshold,
                  direction: metric?.direction,
                  versions,
                  highlightYear: year,
                  national: (overview.data?.national_trends ?? [])
                    .filter((r) => r.metric_id === metricId)
                    .map((r) => ({ year: Number(r.year), value: r.value })),
                  labels: {
                    region: t('chart.region'),
                    national: scope,
                    threshold: t('col.threshold'),
                    status: statusLabels,
                  },
                },
              )
            }
          />
        </Panel>
        <QueryLoad title={t('region.metricFunnel', { year })} query={values} testId="region-metric-funnel">
          {(d) => (
            <MetricFunnel
              rows={d}
              metric={metric}
              threshold={threshold}
              highlight={code}
              width={520}
              height={320}
              testId="chart-region-funnel"
              onPick={(r) => navigate(`/regions/${r.region_code}?year=${year}&metric=${metricId}`)}
            />
          )}
        </QueryLoad>
      </div>
    </>
  );
}
