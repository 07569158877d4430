// 抽查: the draws so far, freezing a pool, the public draw ceremony (?draw=<id>), and findings.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useCanAct, useYear } from '../../app/session.tsx';
import { useRouter } from '../../app/router.tsx';
import { api, drawIdOf, type SpotcheckRow } from '../../api/index.ts';
import { QueryLoad, Panel } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { autoColumns } from '../region/data.ts';
import { EXCLUSIONS, STRATA, useDraws, useFindings } from './data.ts';
import { Ceremony } from './Ceremony.tsx';

export default function SpotchecksPage() {
  const { t, date, label } = useI18n();
  const [year] = useYear();
  const { query, setQuery, navigate } = useRouter();
  const draws = useDraws();
  const findings = useFindings(year);
  const ceremony = query.get('draw');
  const canAct = useCanAct();
  const [strata, setStrata] = useState('none');
  const [exclude, setExclude] = useState<string[]>([...EXCLUSIONS]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const colLabel = (k: string) => { const key = `col.${k}`; const s = t(key as never); return s === key ? k : s; };

  const freeze = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.freeze({ year, strata, exclude });
      draws.reload();
      setQuery({ draw: drawIdOf(res) }, { replace: false });
    } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  };

  return (
    <div className="page" data-page="spotchecks">
      <h1 className="page-title">{t('spot.title')} <span className="muted">{year}</span></h1>
      {canAct && <Panel title={t('spot.freeze')} testId="freeze">
        <p className="note">{t('spot.freezeHelp')}</p>
        <div className="row">
          <label>{t('spot.strata')}
            <select value={strata} onChange={(e) => setStrata(e.target.value)}>{STRATA.map((s) => <option key={s} value={s}>{label('spot.strata', s)}</option>)}</select>
          </label>
          <span className="muted">{t('spot.exclude')}</span>
          {EXCLUSIONS.map((x) => (
            <label key={x}><input type="checkbox" checked={exclude.includes(x)} onChange={(e) => setExclude(e.target.checked ? [...exclude, x] : exclude.filter((y) => y !== x))} />{label('spot.exclusion', x)}</label>
          ))}
          <button type="button" className="primary" data-testid="freeze-button" disabled={busy} onClick={() => void freeze()}>{t('spot.freeze')} · {year}</button>
        </div>
        {error && <div className="state-error" role="alert">{error}</div>}
      </Panel>}
      {ceremony && <Ceremony id={ceremony} onDrawn={draws.reload} />}
      <QueryLoad title={t('spot.list')} query={draws} testId="draws">
        {(rows) => (
          <DataTable<SpotcheckRow> name="spotcheck-draws" rows={rows} initialSort={{ key: 'id', desc: true }} rowKey={(r) => String(r.id)}
            columns={[
              { key: 'id', label: t('col.id'), align: 'right' },
              { key: 'year', label: t('col.year'), align: 'right' },
              { key: 'status', label: t('spot.status'), value: (r) => (r.superseded_by != null ? `${t('spot.superseded')} #${String(r.superseded_by)}` : label('spot.state', r.status)) },
              { key: 'pool_size', label: t('col.pool_size'), align: 'right' },
              { key: 'strata', label: t('spot.strata'), value: (r) => label('spot.strata', r.strata) },
              { key: 'size', label: `${t('spot.proportion')} / ${t('spot.count')}`, value: (r) => r.proportion ?? r.sample_count ?? '' },
              { key: 'selected', label: t('col.selected'), align: 'right' },
              { key: 'frozen_at', label: t('spot.frozenAt'), render: (r) => date(r.frozen_at as string, true) },
              { key: 'drawn_at', label: t('spot.drawnAt'), render: (r) => date(r.drawn_at as string, true) },
              { key: 'open', label: '', value: () => '', render: (r) => (
                <span className="actions">
                  {r.status === 'frozen' && r.superseded_by == null && canAct && <button type="button" onClick={() => setQuery({ draw: String(r.id) }, { replace: false })}>{t('spot.ceremony')}</button>}
                  <button type="button" onClick={() => navigate(`/spotchecks/${r.id}`)}>{t('spot.certificate')}</button>
                </span>
              ) },
            ]} />
        )}
      </QueryLoad>
      <QueryLoad title={t('spot.findings')} query={findings} testId="findings">
        {(rows) => <DataTable name={`findings-${year}`} rows={rows} columns={autoColumns(rows, colLabel)} />}
      </QueryLoad>
    </div>
  );
}
