// 风险队列, the analyst's landing view (issue 11): the year's headline figures over the regions in their
// designation term, the ranked regions with their reasons and rank intervals, filters kept in the URL (province,
// batch, type, level, verdict, flag severity, tier) that the charts set on click too, the reasons of a chosen
// region with triage of each flag, and the full flag list behind the queue, paged.
import { useMemo, useState } from 'react';
import type { FlagRow, Headline, RiskReason } from '../../api/index.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useMeta, useSession, useYear } from '../../app/session.tsx';
import { countBarsChart, provinceTileChart } from '../../charts/index.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PlotFigure } from '../../components/PlotFigure.tsx';
import { Panel, QueryLoad } from '../../components/QueryLoad.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { JobAlerts } from '../overview/JobAlerts.tsx';
import { FlagList } from './FlagList.tsx';
import {
  applyFilters,
  type FilterKey,
  type Filters,
  flagParams,
  type QueueRow,
  readFilters,
  TIERS,
  URGENT,
} from './filters.ts';
import { useHeadline, useQueue, useRegionFlags, useSeverityRegions } from './data.ts';
import { TriageControls } from './Triage.tsx';

function HeadlineCards({ h, onPick }: { h: Headline; onPick: (patch: Filters) => void }) {
  const { t, pct } = useI18n();
  const share = (n: number) => (h.regions > 0 ? t('risk.headline.of', { p: pct(n / h.regions) }) : '');
  const cards: { key: string; title: string; n: number; unit: string; note: string; patch?: Filters; to?: string }[] = [
    { key: 'regions', title: t('risk.headline.regions'), n: h.regions, unit: t('risk.headline.unit'), note: '' },
    {
      key: 'met',
      title: t('risk.headline.met'),
      n: h.met,
      unit: t('risk.headline.unit'),
      note: share(h.met),
      patch: { status: 'met' },
    },
    {
      key: 'not_met',
      title: t('risk.headline.not_met'),
      n: h.not_met,
      unit: t('risk.headline.unit'),
      note: `${share(h.not_met)}${h.not_judged ? ` · ${t('risk.headline.not_judged', { n: h.not_judged })}` : ''}`,
      patch: { status: 'not_met' },
    },
    {
      key: 'high',
      title: t('risk.headline.high'),
      n: h.high_flags,
      unit: t('risk.headline.flagsUnit'),
      note: t('risk.headline.highRegions', { n: h.high_regions }),
      patch: { severity: 'high' },
    },
    {
      key: 'watch',
      title: t('risk.headline.watch'),
      n: h.watchlist_regions,
      unit: t('risk.headline.unit'),
      note: '',
      to: '/watchlist',
    },
  ];
  return (
    <div className="headline" data-testid="headline">
      {cards.map((c) => {
        const body = (
          <>
            <span className="headline-title">{c.title}</span>
            <span className="headline-value">
              <strong data-testid={`headline-${c.key}`}>{c.n}</strong> {c.unit}
            </span>
            {c.note && <span className="headline-note">{c.note}</span>}
          </>
        );
        if (c.to)
          return (
            <Link key={c.key} to={c.to} className="headline-card">
              {body}
            </Link>
          );
        return c.patch ? (
          <button key={c.key} type="button" className="headline-card" onClick={() => onPick(c.patch!)}>
            {body}
          </button>
        ) : (
          <div key={c.key} className="headline-card">
            {body}
          </div>
        );
      })}
    </div>
  );
}

function FilterBar({ f, set }: { f: Filters; set: (patch: Filters) => void }) {
  const { t, label } = useI18n();
  const meta = useMeta();
  const { user } = useSession();
  const select = (key: FilterKey, title: string, options: [string, string][]) => (
    <label key={key}>
      {title}
      <select value={f[key] ?? ''} onChange={(e) => set({ [key]: e.target.value })} data-testid={`filter-${key}`}>
        <option value="">{t('risk.filter.any')}</option>
        {options.map(([v, l]) => (
          // a province's name is a data value: the same in either language
          <option key={v} value={v} translate={key === 'province' ? 'no' : undefined}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const active = Object.keys(f).length > 0;
  return (
    <div className="filters risk-filters" data-testid="risk-filters">
      {!user?.province_code &&
        select(
          'province',
          t('common.province'),
          meta.provinces.map((p) => [p.code, p.name]),
        )}
      {select(
        'batch',
        t('col.batch'),
        meta.batches
          .map((b) => String(typeof b === 'object' ? b.batch : b))
          .map((b) => [b, t('overview.batchOf', { y: b })]),
      )}
      {select(
        'type',
        t('col.designation'),
        ['comprehensive', 'single'].map((d) => [d, label('designation', d)]),
      )}
      {select(
        'level',
        t('col.level'),
        ['city', 'county'].map((d) => [d, label('level', d)]),
      )}
      {select('status', t('risk.filter.status'), [
        ['met', t('status.met')],
        ['not_met', t('status.not_met')],
        ['not_judged', t('risk.status.not_judged')],
      ])}
      {select(
        'severity',
        t('risk.filter.severity'),
        ['high', 'medium', 'low'].map((s) => [s, label('severity', s)]),
      )}
      {select(
        'tier',
        t('risk.filter.tier'),
        TIERS.map((s) => [s, label('tier', s)]),
      )}
      {active && (
        <button
          type="button"
          onClick={() => set(Object.fromEntries(Object.keys(f).map((k) => [k, ''])) as Filters)}
          data-testid="filter-clear"
        >
          {t('risk.filter.clear')}
        </button>
      )}
    </div>
  );
}

function ReasonsPanel({ row, year, onChanged }: { row: QueueRow; year: number; onChanged: () => void }) {
  const { t, label, num, riskReason, dataValues } = useI18n();
  const [tick, setTick] = useState(0);
  const flags = useRegionFlags(year, row.region_code, tick);
  // the reasons as they were when the region was opened: a flag dismissed here leaves the queue's reasons at the
  // reload (it scores nothing now) but stays listed with its new state until another region is opened
  const [reasons] = useState(() => [...row.reasons].sort((a, b) => b.points - a.points));
  return (
    <Panel
      title={
        <>
          #{row.rank} <span translate="no">{row.region_name ?? row.region_code}</span> · {label('tier', row.tier)} ·{' '}
          {num(row.score, 1)}
        </>
      }
      actions={
        <Link to={`/regions/${row.region_code}?year=${year}`} className="linklike">
          {t('risk.openRegion')}
        </Link>
      }
      testId="risk-reasons"
    >
      <ol className="reasons">
        {reasons.map((r: RiskReason, i) => {
          const flag: FlagRow | undefined = r.flag_id ? flags.data?.get(r.flag_id) : undefined;
          return (
            <li key={`${r.rule}-${r.flag_id ?? r.entry_id ?? i}`} data-rule={r.rule}>
              <div className="reason-head">
                <span className="badge badge-points">{t('risk.points', { p: num(r.points, 1) })}</span>{' '}
                <strong>{label('riskRule', r.rule)}</strong>
              </div>
              <div className="reason-text" data-value={dataValues(r.params)}>
                {riskReason(r)}
              </div>
              <div className="reason-links">
                {r.flag_id && (
                  <Link to={`/regions/${row.region_code}?year=${year}&flag=${r.flag_id}`}>{r.flag_id.slice(0, 8)}</Link>
                )}
                {r.entry_id && <Link to={`/watchlist/${r.entry_id}`}>{r.entry_id.slice(0, 8)}</Link>}
                {r.flag_id && flag && (
                  <TriageControls
                    flagId={r.flag_id}
                    state={flag.triage_state}
                    onDone={() => {
                      setTick((n) => n + 1);
                      onChanged();
                    }}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}

export default function RiskPage() {
  const i = useI18n();
  const { t, label, num, pct } = i;
  const meta = useMeta();
  const [year] = useYear();
  const { query, setQuery } = useRouter();
  const scope = query.get('scope') === 'monitored' ? 'monitored' : 'designated';
  const f = readFilters(query);
  const selected = query.get('region') ?? undefined;
  const [tick, setTick] = useState(0);
  const queue = useQueue(year, scope);
  const headline = useHeadline(year);
  const sev = useSeverityRegions(year, f.severity, scope);
  const provName = useMemo(() => Object.fromEntries(meta.provinces.map((p) => [p.code, p.name])), [meta.provinces]);
  const set = (patch: Filters) => setQuery({ ...patch, 'flags.page': null, region: null });
  const toggle = (key: FilterKey, value: string) => set({ [key]: f[key] === value ? '' : value });
  const changed = () => {
    setTick((n) => n + 1);
    queue.reload();
    headline.reload();
  };

  const all = queue.data?.rows ?? [];
  const sevSet = f.severity ? (sev.data ?? null) : null;
  const shown = applyFilters(all, f, sevSet);
  const chosen = all.find((r) => r.region_code === selected);

  return (
    <div className="page" data-page="risk">
      <h1 className="page-title">
        {t('risk.title')} <span className="muted">{year}</span>
      </h1>
      <JobAlerts />
      <div className="filters">
        <label>
          <select
            value={scope}
            onChange={(e) => setQuery({ scope: e.target.value === 'designated' ? '' : e.target.value, region: null })}
            data-testid="risk-scope"
          >
            <option value="designated">{t('risk.scope.designated')}</option>
            <option value="monitored">{t('risk.scope.monitored')}</option>
          </select>
        </label>
      </div>
      {scope === 'designated' && (
        <QueryLoad query={headline} isEmpty={(h) => h == null} className="panel-bare">
          {(h) => <HeadlineCards h={h!} onPick={(patch) => set(patch)} />}
        </QueryLoad>
      )}
      <FilterBar f={f} set={set} />
      <p className="muted small">{t('risk.filter.note')}</p>
      {queue.data && !queue.data.complete ? (
        <div className="banner banner-info" role="status" data-testid="risk-incomplete">
          {t('risk.incomplete', { y: year, d: queue.data.as_of ?? '—' })}
        </div>
      ) : null}
      <div className="grid grid-risk">
        <QueryLoad title={t('risk.byTier')} query={queue} testId="risk-tiers" isEmpty={(q) => q.rows.length === 0}>
          {(q) => {
            const base = applyFilters(q.rows, f, sevSet, ['tier']);
            const rows = TIERS.map((k) => ({
              key: k,
              label: label('tier', k),
              count: base.filter((r) => r.tier === k).length,
            }));
            return (
              <PlotFigure
                testId="chart-tiers"
                deps={[rows, f.tier]}
                build={(document) =>
                  countBarsChart(rows, {
                    lang: i.lang,
                    document,
                    width: 360,
                    x: t('overview.regions'),
                    unit: i.lang === 'zh' ? ' 个地区' : ' regions',
                    selected: f.tier ?? null,
                    onClick: (r) => toggle('tier', r.key!),
                  })
                }
              />
            );
          }}
        </QueryLoad>
        <QueryLoad title={t('risk.byProvince')} query={queue} testId="risk-map" isEmpty={(q) => q.rows.length === 0}>
          {(q) => {
            const base = applyFilters(q.rows, f, sevSet, ['province']);
            const byProv = new Map<string, { n: number; urgent: number }>();
            for (const r of base) {
              if (!r.province_code) continue;
              const c = byProv.get(r.province_code) ?? { n: 0, urgent: 0 };
              c.n += 1;
              if (URGENT.has(r.tier)) c.urgent += 1;
              byProv.set(r.province_code, c);
            }
            const rows = [...byProv].map(([code, c]) => ({
              province_code: code,
              value: c.urgent,
              detail:
                i.lang === 'zh'
                  ? `${c.n} 个地区中 ${c.urgent} 个需优先核查（${pct(c.urgent / c.n, 0)}）`
                  : `${c.urgent} of ${c.n} regions to review first (${pct(c.urgent / c.n, 0)})`,
            }));
            return (
              <PlotFigure
                testId="chart-province-map"
                deps={[rows, f.province, i.lang]}
                build={(document) =>
                  provinceTileChart(rows, {
                    document,
                    lang: i.lang,
                    names: provName,
                    label: i.lang === 'zh' ? '需优先核查的地区数（个）' : 'regions to review first',
                    format: (v) => num(v, 0),
                    selected: f.province ?? null,
                    onClick: (code) => toggle('province', code),
                  })
                }
              />
            );
          }}
        </QueryLoad>
      </div>
      <QueryLoad
        title={t('risk.queue')}
        query={{ ...queue, data: queue.data ? shown : undefined }}
        testId="risk-queue"
        actions={<span className="muted">{t('risk.queueNote', { shown: shown.length, total: all.length })}</span>}
      >
        {(rows) => (
          <DataTable<QueueRow>
            name={`risk-${year}-${scope}`}
            urlKey="queue"
            rows={rows}
            limit={50}
            initialSort={{ key: 'rank' }}
            rowKey={(r) => r.region_code}
            onRowClick={(r) => setQuery({ region: selected === r.region_code ? null : r.region_code })}
            rowLabel={(r) => `${r.rank} ${r.region_name ?? r.region_code}`}
            columns={[
              { key: 'rank', label: t('col.rank'), align: 'right' },
              {
                key: 'region_name',
                label: t('col.region_name'),
                value: (r) => r.region_name ?? r.region_code,
                render: (r) => (
                  <span className={r.region_code === selected ? 'selected-region' : undefined}>
                    {r.region_name ?? r.region_code} <span className="muted">{r.region_code}</span>
                  </span>
                ),
              },
              {
                key: 'province',
                label: t('col.province'),
                data: true,
                value: (r) => (r.province_code ? (provName[r.province_code] ?? r.province_code) : ''),
              },
              {
                key: 'tier',
                label: t('risk.col.tier'),
                value: (r) => label('tier', r.tier),
                sortValue: (r) => TIERS.indexOf(r.tier),
                render: (r) => <span className={`badge badge-tier-${r.tier}`}>{label('tier', r.tier)}</span>,
              },
              { key: 'score', label: t('risk.col.score'), align: 'right', value: (r) => r.score },
              {
                key: 'interval',
                label: t('risk.col.interval'),
                align: 'right',
                value: (r) => `${r.rank_low}–${r.rank_high}`,
              },
              {
                key: 'verdict',
                label: t('risk.filter.status'),
                value: (r) => (r.verdict === 'not_judged' ? t('risk.status.not_judged') : t(`status.${r.verdict}`)),
              },
              {
                key: 'reasons',
                label: t('risk.col.reasons'),
                wrap: true,
                value: (r) =>
                  [...r.reasons]
                    .sort((a, b) => b.points - a.points)
                    .filter((x) => x.points > 0)
                    .slice(0, 3)
                    .map((x) => `${label('riskRule', x.rule)}${i.p.open}${num(x.points, 1)}${i.p.close}`)
                    .join(i.p.semi),
              },
            ]}
          />
        )}
      </QueryLoad>
      {chosen && <ReasonsPanel key={`${chosen.region_code}-${year}`} row={chosen} year={year} onChanged={changed} />}
      <FlagList filters={flagParams(f, year, scope)} tick={tick} onChanged={changed} />
    </div>
  );
}
