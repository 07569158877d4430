// 总览: a banner naming the failed or warning job runs nobody has acknowledged, regions by batch / designation /
// level, conformance distribution, national trends, newest flags, annual reports outstanding.
import { useI18n } from '../../i18n/index.tsx';
import { useMeta, useSession, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { PlotFigure } from '../../components/PlotFigure.tsx';
import { JobAlerts } from './JobAlerts.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { bucketChart, countBarsChart, linesChart, regionTrendChart } from '../../charts/index.ts';
import type { NewestFlag, Overview } from '../../api/index.ts';
import { bucketLabel, keyMetrics, trendSeries, useOverview, useMetricThreshold, useStatusCounts } from './data.ts';

export function OverviewPage() {
  const i = useI18n();
  const { t, label, flagMessage } = i;
  const meta = useMeta();
  const [year] = useYear();
  const { navigate } = useRouter();
  const { user } = useSession();
  const own = user?.province_code != null;
  const versions = meta.systems?.map((v) => ({ from: v.from, label: i.t('chart.version', { v: v.version }) }));
  const loss = meta.metrics.find((m) => m.id === 'litigation.loss_rate');
  const lossThreshold = useMetricThreshold(loss?.id, year);
  /** A bar of the overview filters the risk queue (the analyst's list) by what it counts. */
  const FILTER_OF = { batch: 'batch', designation: 'type', level: 'level' } as const;
  const q = useOverview(year);
  const status = useStatusCounts(year);
  const sub = <T,>(pick: (o: Overview) => T) => ({ ...q, data: q.data ? pick(q.data) : undefined });

  const counts = (key: 'batch' | 'designation' | 'level', prefix?: string) => (o: Overview) =>
    (o.regions_by?.[key] ?? []).map((r) => {
      const c = r.key;
      return {
        key: c,
        label:
          c === 'none'
            ? t('common.unspecified')
            : prefix
              ? label(prefix, c)
              : key === 'batch'
                ? t('overview.batchOf', { y: c })
                : c,
        count: Number(r.count),
      };
    });

  return (
    <div className="page" data-page="overview">
      <h1 className="page-title">
        {t('overview.title')} <span className="muted">{year}</span>
      </h1>
      <JobAlerts />
      <div className="grid grid-4">
        {(
          [
            ['batch', 'overview.byBatch', undefined],
            ['designation', 'overview.byDesignation', 'designation'],
            ['level', 'overview.byLevel', 'level'],
          ] as const
        ).map(([key, title, prefix]) => (
          <QueryLoad key={key} title={t(title)} query={sub(counts(key, prefix))} testId={`overview-${key}`}>
            {(rows) => (
              <PlotFigure
                testId={`chart-${key}`}
                deps={[rows]}
                build={(document) =>
                  countBarsChart(rows, {
                    lang: i.lang,
                    document,
                    width: 300,
                    x: t('overview.regions'),
                    unit: i.lang === 'zh' ? ' 个地区' : ' regions',
                    onClick:
                      user?.role === 'admin' ? undefined : (r) => navigate(`/?year=${year}&${FILTER_OF[key]}=${r.key}`),
                  })
                }
              />
            )}
          </QueryLoad>
        ))}
        <QueryLoad
          title={t('overview.byStatus')}
          query={{
            ...status,
            data:
              status.data &&
              (['met', 'not_met', 'no_data'] as const).map((k) => ({
                key: k === 'no_data' ? 'not_judged' : k,
                label: t(`status.${k}`),
                count: status.data![k],
              })),
          }}
          testId="overview-status"
        >
          {(rows) => (
            <PlotFigure
              testId="chart-status"
              deps={[rows]}
              build={(document) =>
                countBarsChart(rows, {
                  lang: i.lang,
                  document,
                  width: 300,
                  x: t('overview.regions'),
                  unit: i.lang === 'zh' ? ' 个地区' : ' regions',
                  onClick: user?.role === 'admin' ? undefined : (r) => navigate(`/?year=${year}&status=${r.key}`),
                })
              }
            />
          )}
        </QueryLoad>
      </div>
      {user?.role !== 'admin' && <p className="muted small">{t('overview.clickFilter')}</p>}
      <div className="grid grid-2">
        <QueryLoad
          title={t('overview.conformance')}
          query={sub((o) => o.conformance_hist.map((b) => ({ bucket: bucketLabel(b.bucket), count: Number(b.count) })))}
          testId="overview-conformance"
        >
          {(rows) => (
            <PlotFigure
              testId="chart-conformance"
              deps={[rows]}
              build={(document) =>
                bucketChart(rows, { document, width: 520, y: t('overview.regions'), x: t('col.conformance') })
              }
            />
          )}
        </QueryLoad>
        <QueryLoad
          title={own ? t('overview.trendsProvince') : t('overview.trends')}
          query={sub((o) => trendSeries(o.national_trends, keyMetrics(meta.metrics), i.lang))}
          testId="overview-trends"
        >
          {(rows) => (
            <PlotFigure
              testId="chart-trends"
              deps={[rows]}
              build={(document) => linesChart(rows, { document, width: 520, unit: 'rate', lang: i.lang, versions })}
            />
          )}
        </QueryLoad>
      </div>
      {loss && (
        <QueryLoad
          title={own ? t('overview.lossRateProvince') : t('overview.lossRate')}
          query={sub((o) =>
            o.national_trends
              .filter((r) => r.metric_id === loss.id)
              .map((r) => ({ year: Number(r.year), value: r.value })),
          )}
          testId="overview-loss-rate"
        >
          {(rows) => (
            <PlotFigure
              testId="chart-loss-rate"
              deps={[rows, i.lang]}
              build={(document) =>
                regionTrendChart(rows, {
                  document,
                  width: 980,
                  height: 240,
                  unit: 'rate',
                  lang: i.lang,
                  direction: loss.direction,
                  threshold: lossThreshold.data ?? null,
                  versions,
                  labels: {
                    region: own ? t('chart.province') : t('chart.national'),
                    national: '',
                    threshold: t('col.threshold'),
                  },
                })
              }
            />
          )}
        </QueryLoad>
      )}
      <div className="grid grid-2">
        <QueryLoad
          title={t('overview.newestFlags')}
          query={sub((o) => o.newest_flags)}
          testId="overview-flags"
          actions={
            user?.role === 'admin' ? undefined : (
              <Link to={`/?year=${year}`} className="linklike">
                {t('overview.allFlags')}
              </Link>
            )
          }
        >
          {(rows) => (
            <DataTable<NewestFlag>
              name="newest-flags"
              rows={rows}
              limit={15}
              filter={false}
              onRowClick={(r) => navigate(`/regions/${r.region_code}?year=${r.year ?? year}&flag=${r.flag_id}`)}
              columns={[
                { key: 'region_name', label: t('col.region_name'), value: (r) => r.region_name ?? r.region_code },
                { key: 'rule', label: t('col.rule'), value: (r) => label('rule', r.rule_id) },
                { key: 'severity', label: t('col.severity'), value: (r) => label('severity', r.severity) },
                {
                  key: 'message',
                  label: t('col.message'),
                  wrap: true,
                  value: (r) => flagMessage(r.rule_id, r.numbers, r.year),
                },
              ]}
            />
          )}
        </QueryLoad>
        <QueryLoad title={t('overview.reports')} query={sub((o) => o.reports_outstanding)} testId="overview-reports">
          {(rows) => (
            <DataTable
              name="reports-outstanding"
              rows={rows}
              limit={15}
              filter={false}
              columns={[
                {
                  key: 'region_name',
                  label: t('col.region_name'),
                  render: (r) => <Link to={`/regions/${r.region_code}?year=${year}`}>{r.region_name}</Link>,
                },
                { key: 'region_code', label: t('col.region_code') },
                { key: 'report_year', label: t('col.report_year'), align: 'right' },
                { key: 'status', label: t('col.status'), value: (r) => label('report', r.status) },
              ]}
            />
          )}
        </QueryLoad>
      </div>
    </div>
  );
}
