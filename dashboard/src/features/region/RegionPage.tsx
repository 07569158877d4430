// 地区 page: scorecard of every metric (value, threshold, status, provisional), history, annual reports, flags
// with evidence down to source rows, spot-check history and peers. 403 outside the user's province.
import { useI18n } from '../../i18n/index.tsx';
import { useMeta, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { QueryLoad, Panel } from '../../components/QueryLoad.tsx';
import { PlotFigure } from '../../components/PlotFigure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge } from '../../components/Status.tsx';
import { linesChart, thresholdText, unitWord } from '../../charts/index.ts';
import { formatAgainst } from '../../../../pipeline/vocabulary/against.ts';
import { RegionMetricCharts } from './MetricCharts.tsx';
import { ApiError, type RegionFlag, type RegionMetric } from '../../api/index.ts';
import { autoColumns, useRegion } from './data.ts';
import { DisclosureReportsSection } from '../disclosure-reports/ReportsTable.tsx';
import { FlagEvidence } from './Evidence.tsx';
import { useCanAct } from '../../app/session.tsx';
import { ActorName } from '../../components/ActorName.tsx';
import { RankCell } from '../../components/RankCell.tsx';
import { useRegionWatch } from '../watchlist/data.ts';

/** Whether the region is on the revocation watchlist: its entries with status, ground and who moved them last. */
function RegionWatch({ code }: { code: string }) {
  const { t, label, date, watchSummary, dataValues } = useI18n();
  const q = useRegionWatch(code);
  const canAct = useCanAct();
  return (
    <QueryLoad
      title={t('watch.onRegion')}
      query={q}
      testId="region-watch"
      isEmpty={() => false}
      actions={
        canAct ? (
          <Link to={`/watchlist?add=${code}`} className="button">
            {t('watch.addFromRegion')}
          </Link>
        ) : undefined
      }
    >
      {(rows) =>
        rows.length === 0 ? (
          <p className="muted" data-testid="region-watch-none">
            {t('watch.regionNone')}
          </p>
        ) : (
          <ul className="watch-states">
            {rows.map((w) => (
              <li key={w.entry_id} data-status={w.status}>
                <span className={`badge badge-watch-${w.status}`}>{label('watch', w.status)}</span>{' '}
                <Link to={`/watchlist/${w.entry_id}`}>
                  <span data-value={dataValues(w.params)}>{watchSummary(w.kind, w.params)}</span>
                </Link>
                <span className="muted">
                  {' '}
                  · {w.year ?? '—'} · <ActorName actor={w.status_by} /> · {date(w.status_at as string, true)}
                </span>
              </li>
            ))}
          </ul>
        )
      }
    </QueryLoad>
  );
}

export default function RegionPage({ code }: { code: string }) {
  const i = useI18n();
  const { t, label, lang, flagMessage } = i;
  const meta = useMeta();
  const [year] = useYear();
  const { query, setQuery } = useRouter();
  const q = useRegion(code, year);
  const flagId = query.get('flag');
  const unitOf = new Map(meta.metrics.map((m) => [m.id, m.unit]));
  const directionOf = new Map(meta.metrics.map((m) => [m.id, m.direction]));
  const metricName = new Map(meta.metrics.map((m) => [m.id, lang === 'zh' ? m.name_zh : m.name_en]));
  const provinceName = (code: unknown) => meta.provinces.find((p) => p.code === code)?.name ?? String(code ?? '—');
  /** What a flag is about: a metric by its name, an item of the self-assessment by its number in the system. */
  const flagSubject = (key: string | null) => {
    if (!key) return '—';
    const item = /^self_assessments\.(\d+)$/.exec(key);
    return item ? t('region.flagItem', { no: item[1]! }) : (metricName.get(key) ?? key);
  };
  const colLabel = (k: string) => {
    const key = `col.${k}`;
    const s = t(key as never);
    return s === key ? k : s;
  };

  if (q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404)) {
    return (
      <div className="page" data-page="region">
        <h1 className="page-title">
          {t('region.title')} {code}
        </h1>
        <div className="state state-error" role="alert" data-testid="region-forbidden">
          {t('region.forbidden')}
        </div>
      </div>
    );
  }
  const d = q.data;
  const r = d?.region;
  const sc = d?.scorecard_by_year.find((s) => Number(s.year) === year);
  const sub = <T,>(pick: (x: NonNullable<typeof d>) => T) => ({ ...q, data: d ? pick(d) : undefined });
  const yearMetrics = (x: NonNullable<typeof d>) => x.metrics.filter((m) => m.year == null || Number(m.year) === year);

  return (
    <div className="page" data-page="region">
      <h1 className="page-title">
        <span translate="no">{r?.region_name ?? code}</span>{' '}
        <span className="muted">
          {code} · {year}
        </span>
      </h1>
      {r && (
        <div className="facts" data-testid="region-facts">
          <span>
            {t('col.level')}
            {i.p.colon}
            {label('level', r.level)}
          </span>
          <span>
            {t('col.batch')}
            {i.p.colon}
            {String(r.batch ?? '—')}
          </span>
          <span>
            {t('col.designation')}
            {i.p.colon}
            {label('designation', r.designation)}
          </span>
          <span>
            {t('col.conformance')}
            {i.p.colon}
            {i.pct(sc?.conformance)}
          </span>
          <span>
            {t('col.meets_bar')}
            {i.p.colon}
            {sc?.meets_bar == null ? '—' : sc.meets_bar ? t('status.met') : t('status.not_met')}
          </span>
          <span>
            {t('col.composite')}
            {i.p.colon}
            {i.num(sc?.composite, 1)}
          </span>
          <span>
            {t('col.rank')}
            {i.p.colon}
            <RankCell rank={sc?.rank} of={sc?.ranked_of} low={sc?.rank_low} high={sc?.rank_high} />
          </span>
          {r.project_name ? (
            <span>
              {t('col.project_name')}
              {i.p.colon}
              {String(r.project_name)}
            </span>
          ) : null}
        </div>
      )}
      {r && <RegionWatch code={code} />}
      <QueryLoad title={t('region.scorecard')} query={sub(yearMetrics)} testId="region-scorecard">
        {(rows) => (
          <DataTable<RegionMetric>
            name={`scorecard-${code}-${year}`}
            rows={rows}
            limit={100}
            columns={[
              {
                key: 'name_zh',
                label: t('col.metric'),
                value: (m) => metricName.get(m.metric_id) ?? m.name_zh,
                render: (m) => (
                  <Link to={`/indicators?metric=${m.metric_id}&year=${year}`}>
                    {metricName.get(m.metric_id) ?? m.name_zh}
                  </Link>
                ),
              },
              { key: 'numerator', label: t('col.numerator'), align: 'right', render: (m) => i.num(m.numerator, 0) },
              {
                key: 'denominator',
                label: t('col.denominator'),
                align: 'right',
                render: (m) => i.num(m.denominator, 0),
              },
              {
                key: 'value',
                label: t('col.value'),
                align: 'right',
                // the decimals that tell a value from its threshold, with the unit (13.04% against ≤ 13.0%)
                render: (m) =>
                  m.value == null
                    ? '—'
                    : `${formatAgainst(m.value, m.threshold, unitOf.get(m.metric_id) ?? '')}${unitWord(unitOf.get(m.metric_id), lang)}`,
              },
              {
                key: 'threshold',
                label: t('col.threshold'),
                align: 'right',
                render: (m) =>
                  m.threshold == null
                    ? '—'
                    : thresholdText(m.threshold, directionOf.get(m.metric_id), unitOf.get(m.metric_id), lang),
              },
              {
                key: 'status',
                label: t('col.status'),
                render: (m) => <StatusBadge status={m.status} provisional={m.provisional} />,
              },
            ]}
          />
        )}
      </QueryLoad>
      {d && <RegionMetricCharts code={code} year={year} metrics={d.metrics} />}
      <div className="grid grid-2">
        <QueryLoad title={t('region.history')} query={sub((x) => x.scorecard_by_year)} testId="region-history">
          {(rows) => (
            <PlotFigure
              testId="chart-region-history"
              deps={[rows, lang]}
              build={(document) =>
                linesChart(
                  rows.map((s) => ({ year: Number(s.year), series: t('col.conformance'), value: s.conformance })),
                  { document, width: 520, unit: 'rate', legend: false },
                )
              }
            />
          )}
        </QueryLoad>
        <QueryLoad title={t('region.reports')} query={sub((x) => x.reports)} testId="region-reports">
          {(rows) => (
            <DataTable
              name={`reports-${code}`}
              rows={rows}
              filter={false}
              columns={autoColumns(rows, colLabel, ['region_code'])}
            />
          )}
        </QueryLoad>
      </div>
      <QueryLoad title={t('region.flags')} query={sub((x) => x.flags)} testId="region-flags">
        {(rows) => (
          <DataTable<RegionFlag>
            name={`flags-${code}`}
            testId="flags"
            rows={rows}
            onRowClick={(f) => setQuery({ flag: f.flag_id })}
            rowLabel={(f) => `${label('rule', f.rule_id)} ${f.year ?? ''}`}
            columns={[
              { key: 'year', label: t('col.year'), align: 'right' },
              { key: 'rule', label: t('col.rule'), value: (f) => label('rule', f.rule_id) },
              { key: 'metric_id', label: t('col.metric'), value: (f) => flagSubject(f.detail_key) },
              { key: 'severity', label: t('col.severity'), value: (f) => label('severity', f.severity) },
              { key: 'status', label: t('col.status'), value: (f) => label('flag.status', f.status) },
              {
                key: 'message',
                label: t('col.message'),
                wrap: true,
                value: (f) => flagMessage(f.rule_id, f.numbers, f.year),
              },
            ]}
          />
        )}
      </QueryLoad>
      {flagId && <FlagEvidence id={flagId} />}
      <DisclosureReportsSection region={code} testId="region-disclosure-reports" />
      <div className="grid grid-2">
        <QueryLoad title={t('region.spotchecks')} query={sub((x) => x.spotchecks)} testId="region-spotchecks">
          {(rows) => (
            <DataTable
              name={`spotchecks-${code}`}
              rows={rows}
              filter={false}
              columns={autoColumns(rows, colLabel, ['region_code'])}
            />
          )}
        </QueryLoad>
        <QueryLoad title={t('region.peers')} query={sub((x) => x.peers)} testId="region-peers">
          {(rows) => (
            <DataTable
              name={`peers-${code}`}
              rows={rows}
              filter={false}
              columns={autoColumns(rows, colLabel, ['ranked_of', 'rank_low', 'rank_high']).map((c) =>
                c.key === 'province_code'
                  ? {
                      ...c,
                      label: t('common.province'),
                      value: (p: Record<string, unknown>) => provinceName(p.province_code),
                      render: (p: Record<string, unknown>) => (
                        <span translate="no">{provinceName(p.province_code)}</span>
                      ),
                    }
                  : c.key === 'rank'
                    ? {
                        ...c,
                        render: (p: Record<string, unknown>) => (
                          <RankCell
                            rank={p.rank as number | null}
                            of={p.ranked_of as number | null}
                            low={p.rank_low as number | null}
                            high={p.rank_high as number | null}
                          />
                        ),
                      }
                    : c.key === 'region_name'
                      ? {
                          ...c,
                          render: (p: Record<string, unknown>) => (
                            <Link to={`/regions/${String(p.region_code)}?year=${year}`}>
                              {String(p.region_name ?? p.region_code)}
                            </Link>
                          ),
                        }
                      : c,
              )}
            />
          )}
        </QueryLoad>
      </div>
      {!d && !q.error && (
        <Panel>
          <div className="state state-loading">{t('common.loading')}</div>
        </Panel>
      )}
    </div>
  );
}
