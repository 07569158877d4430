// 指标: pick a metric → trend over years, distribution across regions, funnel plot with 95% / 99.8% limits,
// threshold lines, and the values table. Clicking a funnel point opens the region.
import { useI18n } from '../../i18n/index.tsx';
import { useMeta, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { PlotFigure } from '../../components/PlotFigure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge } from '../../components/Status.tsx';
import {
  histogramChart,
  medianBandChart,
  statusTrendChart,
  provinceTileChart,
  thresholdText,
  unitWord,
  withUnit,
} from '../../charts/index.ts';
import { byProvince } from './provinces.ts';
import type { IndicatorRow } from '../../api/index.ts';
import { formatAgainst } from '../../../../pipeline/vocabulary/against.ts';
import { DEFAULT_METRIC, useIndicator, useIndicatorTrend } from './data.ts';
import { MetricFunnel } from './MetricFunnel.tsx';

export default function IndicatorsPage() {
  const i = useI18n();
  const { t, lang } = i;
  const meta = useMeta();
  const [year] = useYear();
  const { query, setQuery, navigate } = useRouter();
  const metricId =
    query.get('metric') ??
    (meta.metrics.some((m) => m.id === DEFAULT_METRIC)
      ? DEFAULT_METRIC
      : (meta.metrics.find((m) => m.funnel)?.id ?? meta.metrics[0]?.id ?? ''));
  const metric = meta.metrics.find((m) => m.id === metricId);
  const rows = useIndicator(metricId, year);
  const trend = useIndicatorTrend(metricId);
  const unit = metric?.unit;
  const highlight = query.get('region');
  const versions = meta.systems?.map((v) => ({ from: v.from, label: i.t('chart.version', { v: v.version }) }));
  const name = (m: { name_zh: string; name_en: string }) => (lang === 'zh' ? m.name_zh : m.name_en);
  const threshold = rows.data?.find((r) => r.threshold != null)?.threshold ?? null;
  const statusLabels = { met: t('status.met'), not_met: t('status.not_met'), no_data: t('status.no_data') };

  return (
    <div className="page" data-page="indicators">
      <h1 className="page-title">
        {t('indicators.title')} <span className="muted">{year}</span>
      </h1>
      <div className="filters">
        <label>
          {t('indicators.pick')}
          <select data-testid="metric-picker" value={metricId} onChange={(e) => setQuery({ metric: e.target.value })}>
            {meta.metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.indicator_no != null ? `${m.indicator_no}. ` : ''}
                {name(m)}
              </option>
            ))}
          </select>
        </label>
        {metric && (
          <span className="muted">
            {i.label('direction', metric.direction)}
            {threshold != null
              ? ` · ${t('col.threshold')} ${thresholdText(threshold, metric.direction, unit, lang)}`
              : ''}
            {' · '}
            <code>{metric.id}</code>
          </span>
        )}
      </div>
      <div className="grid grid-3">
        <QueryLoad title={t('indicators.trend')} query={trend} testId="indicator-trend">
          {(d) => (
            <PlotFigure
              testId="chart-status-trend"
              deps={[d, lang]}
              build={(document) => statusTrendChart(d, { document, width: 360, labels: statusLabels })}
            />
          )}
        </QueryLoad>
        <QueryLoad title={t('indicators.trendMedian')} query={trend} testId="indicator-band">
          {(d) => (
            <PlotFigure
              testId="chart-band"
              deps={[d, lang]}
              build={(document) =>
                medianBandChart(d, {
                  document,
                  width: 360,
                  unit,
                  threshold,
                  direction: metric?.direction,
                  lang,
                  versions,
                  labels: { median: t('chart.median'), band: t('chart.band'), threshold: t('col.threshold') },
                })
              }
            />
          )}
        </QueryLoad>
        <QueryLoad title={t('indicators.distribution')} query={rows} testId="indicator-distribution">
          {(d) => (
            <PlotFigure
              testId="chart-histogram"
              deps={[d]}
              build={(document) =>
                histogramChart(d, { document, width: 360, unit, threshold, y: t('overview.regions') })
              }
            />
          )}
        </QueryLoad>
      </div>
      <QueryLoad title={t('indicators.funnel')} query={rows} testId="indicator-funnel">
        {(d) => (
          <MetricFunnel
            rows={d}
            metric={metric}
            threshold={threshold}
            highlight={highlight}
            width={980}
            height={420}
            testId="chart-funnel"
            onPick={(r) => navigate(`/regions/${r.region_code}?year=${year}`)}
            always={metric?.funnel}
            note={t('indicators.funnelNote')}
          />
        )}
      </QueryLoad>
      <QueryLoad
        title={t('indicators.byProvince')}
        query={rows}
        testId="indicator-provinces"
        isEmpty={(d) => byProvince(d).length === 0}
      >
        {(d) => {
          const f = withUnit(unit, lang);
          const names = Object.fromEntries(meta.provinces.map((p) => [p.code, p.name]));
          const tiles = byProvince(d).map((p) => ({
            province_code: p.province_code,
            value: p.value,
            detail:
              `${p.value == null ? '—' : f(p.value)}` +
              (p.denominator != null ? `${i.p.open}${p.numerator}/${p.denominator}${i.p.close}` : '') +
              (lang === 'zh'
                ? `，${p.regions} 个地区中 ${p.met} 个达标`
                : `, ${p.met} of ${p.regions} regions meet it`),
          }));
          return (
            <>
              <PlotFigure
                testId="chart-indicator-provinces"
                deps={[tiles, lang]}
                build={(document) =>
                  provinceTileChart(tiles, {
                    document,
                    lang,
                    names,
                    label: `${metric ? name(metric) : metricId}${threshold != null ? `${i.p.open}${t('col.threshold')}${thresholdText(threshold, metric?.direction, unit, lang)}${i.p.close}` : ''}`,
                    format: (v) => f(v),
                    scheme: metric?.direction === 'lower' ? 'oranges' : 'blues',
                    onClick: (code) => navigate(`/regions?year=${year}&province=${code}`),
                  })
                }
              />
              <p className="note">{t('indicators.byProvinceNote')}</p>
            </>
          );
        }}
      </QueryLoad>
      <QueryLoad title={t('indicators.table')} query={rows} testId="indicator-table">
        {(d) => (
          <DataTable<IndicatorRow>
            name={`${metricId}-${year}`}
            urlKey="values"
            rows={d}
            initialSort={{ key: 'value' }}
            columns={[
              {
                key: 'region_name',
                label: t('col.region_name'),
                render: (r) => <Link to={`/regions/${r.region_code}?year=${year}`}>{r.region_name}</Link>,
              },
              { key: 'region_code', label: t('col.region_code') },
              { key: 'numerator', label: t('col.numerator'), align: 'right', render: (r) => i.num(r.numerator, 0) },
              {
                key: 'denominator',
                label: t('col.denominator'),
                align: 'right',
                render: (r) => i.num(r.denominator, 0),
              },
              {
                key: 'value',
                label: t('col.value'),
                align: 'right',
                // the decimals that tell a value from its threshold (13.04% against ≤ 13.0%), with the unit
                render: (r) =>
                  r.value == null ? '—' : `${formatAgainst(r.value, r.threshold, unit ?? '')}${unitWord(unit, lang)}`,
              },
              {
                key: 'threshold',
                label: t('col.threshold'),
                align: 'right',
                render: (r) => (r.threshold == null ? '—' : thresholdText(r.threshold, metric?.direction, unit, lang)),
              },
              {
                key: 'status',
                label: t('col.status'),
                render: (r) => <StatusBadge status={r.status} provisional={r.provisional} />,
              },
              {
                key: 'position',
                label: t('col.position'),
                value: (r) => (r.position ? i.label('position', r.position) : ''),
              },
            ]}
          />
        )}
      </QueryLoad>
    </div>
  );
}
