// 抽查: the yearly draw as five steps (freeze the pool; then, in the ceremony ?draw=<id>: publish, seed, review,
// commit), the draws so far with their certificates, and findings. Who may not draw is told why.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useCanAct, useSession, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { api, type DrawRow } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { QueryLoad, Panel } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { autoColumns } from '../region/data.ts';
import { EXCLUSIONS, STRATA, useDraws, useFindings, wasPublished } from './data.ts';
import { Ceremony } from './Ceremony.tsx';
import { Steps } from './Steps.tsx';
import { useErrorState } from '../../components/error-state.ts';

function CannotAct() {
  const { t } = useI18n();
  const { user } = useSession();
  if (user?.role === 'admin') {
    return (
      <div className="banner banner-warn" role="note" data-testid="cannot-draw">
        {t('spot.cannotAct.admin')} <Link to="/accounts">{t('spot.toAccounts')}</Link>
      </div>
    );
  }
  return (
    <div className="banner banner-info" role="note" data-testid="cannot-draw">
      {t('spot.cannotAct.provincial')}
    </div>
  );
}

export default function SpotchecksPage() {
  const { t, date, label } = useI18n();
  const [year] = useYear();
  const { meta } = useSession();
  const provinceName = (code: string) => meta?.provinces.find((p) => p.code === code)?.name ?? code;
  const { query, setQuery, navigate } = useRouter();
  const draws = useDraws();
  const findings = useFindings(year);
  const ceremony = query.get('draw');
  // the year's draw still in the ceremony (the newest, not committed, not superseded)
  const open = (draws.data ?? [])
    .filter((d) => d.year === year && d.state !== 'committed' && d.superseded_by == null)
    .sort((a, b) => b.draw_id - a.draw_id)[0];
  const canAct = useCanAct();
  const inspectors = useQuery([year], () => api.inspectors(year), canAct);
  const names = new Map((inspectors.data ?? []).map((i) => [i.inspector_id, i.name]));
  const active = (inspectors.data ?? []).filter((i) => i.active).length;
  const [strata, setStrata] = useState<(typeof STRATA)[number]>('province');
  const [exclude, setExclude] = useState<typeof EXCLUSIONS>([...EXCLUSIONS]);
  const [error, setError] = useErrorState();
  const [busy, setBusy] = useState(false);
  const colLabel = (k: string) => {
    const key = `col.${k}`;
    const s = t(key as never);
    return s === key ? k : s;
  };

  const freeze = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.freeze({ year, strata, exclude });
      draws.reload();
      setQuery({ draw: String(res.draw_id), step: null }, { replace: false });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-page="spotchecks">
      <h1 className="page-title">
        {t('spot.title')} <span className="muted">{year}</span>
      </h1>
      {!canAct && <CannotAct />}
      {canAct &&
        inspectors.data &&
        (active === 0 ? (
          <div className="banner banner-warn" role="alert" data-testid="no-inspectors">
            {t('spot.noInspectors')} <Link to="/inspectors">{t('spot.toInspectors')}</Link>
          </div>
        ) : (
          <p className="note" data-testid="inspectors-ready">
            {t('spot.inspectorsReady', { n: active })} <Link to="/inspectors">{t('spot.toInspectors')}</Link>
          </p>
        ))}
      {canAct && !ceremony && open && (
        // a draw frozen or drawn but not committed is where the office left off: back to its step in one click
        <div className="banner banner-info" role="status" data-testid="open-draw">
          {t('spot.openDraw', { id: open.draw_id, state: label('spot.state', open.state) })}{' '}
          <button
            type="button"
            className="primary"
            data-testid="open-draw-button"
            onClick={() =>
              setQuery(
                {
                  draw: String(open.draw_id),
                  step: open.state === 'frozen' && wasPublished(String(open.draw_id)) ? 'seed' : null,
                },
                { replace: false },
              )
            }
          >
            {t('spot.continueDraw')}
          </button>
        </div>
      )}
      {canAct && !ceremony && (
        <Panel title={t('spot.freeze')} testId="freeze">
          <Steps current="freeze" />
          <p className="note">{t('spot.freezeHelp')}</p>
          <div className="row">
            <label>
              {t('spot.strata')}
              <select
                value={strata}
                onChange={(e) => setStrata(e.target.value as (typeof STRATA)[number])}
                data-testid="strata-select"
              >
                {STRATA.map((s) => (
                  <option key={s} value={s}>
                    {label('spot.strata', s)}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">{t('spot.exclude')}</span>
            {EXCLUSIONS.map((x) => (
              <label key={x}>
                <input
                  type="checkbox"
                  checked={exclude.includes(x)}
                  onChange={(e) => setExclude(e.target.checked ? [...exclude, x] : exclude.filter((y) => y !== x))}
                />
                {label('spot.exclusion', x)}
              </label>
            ))}
            <button
              type="button"
              className="primary"
              data-testid="freeze-button"
              disabled={busy}
              onClick={() => void freeze()}
            >
              {t('spot.freeze')} · {year}
            </button>
          </div>
          {error && (
            <div className="state-error" role="alert">
              {error}
            </div>
          )}
        </Panel>
      )}
      {ceremony && <Ceremony id={ceremony} onChange={draws.reload} names={names} />}
      <QueryLoad title={t('spot.list')} query={draws} testId="draws">
        {(rows) => (
          <DataTable<DrawRow>
            name="spotcheck-draws"
            testId="draw-list"
            rows={rows}
            initialSort={{ key: 'draw_id', desc: true }}
            rowKey={(r) => String(r.draw_id)}
            onRowClick={(r) => navigate(`/spotchecks/${r.draw_id}`)}
            rowLabel={(r) => `${t('spot.certificate')} #${r.draw_id}`}
            columns={[
              { key: 'draw_id', label: t('col.id'), align: 'right' },
              { key: 'year', label: t('col.year'), align: 'right' },
              {
                key: 'state',
                label: t('spot.status'),
                value: (r) =>
                  r.superseded_by != null
                    ? `${t('spot.superseded')} #${String(r.superseded_by)}`
                    : label('spot.state', r.state),
              },
              { key: 'pool_size', label: t('col.pool_size'), align: 'right' },
              { key: 'strata', label: t('spot.strata'), value: (r) => label('spot.strata', r.strata) },
              {
                key: 'size',
                label: `${t('spot.proportion')} / ${t('spot.count')}`,
                value: (r) => r.proportion ?? r.sample_count ?? '',
              },
              { key: 'selected', label: t('col.selected'), align: 'right' },
              { key: 'frozen_at', label: t('spot.frozenAt'), render: (r) => date(r.frozen_at, true) },
              { key: 'drawn_at', label: t('spot.drawnAt'), render: (r) => date(r.drawn_at, true) },
              {
                key: 'open',
                label: '',
                value: () => '',
                render: (r) => (
                  <span className="actions">
                    {r.state !== 'committed' && r.superseded_by == null && canAct && (
                      <button
                        type="button"
                        data-testid={`continue-${r.draw_id}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          setQuery({ draw: String(r.draw_id), step: null }, { replace: false });
                        }}
                      >
                        {t('spot.ceremony')}
                      </button>
                    )}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryLoad>
      <QueryLoad title={t('spot.findings')} query={findings} testId="findings">
        {(rows) => (
          <DataTable
            name={`findings-${year}`}
            rows={rows}
            columns={autoColumns(rows, colLabel).map((c) =>
              c.key === 'link'
                ? { ...c, render: (r: Record<string, unknown>) => label('findingLink', r.link) }
                : c.key === 'province_code'
                  ? { ...c, data: true, render: (r: Record<string, unknown>) => provinceName(String(r.province_code)) }
                  : c,
            )}
          />
        )}
      </QueryLoad>
    </div>
  );
}
