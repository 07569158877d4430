// 摘牌预警: the revocation watchlist; one entry's grounds, evidence (down to source rows), status history, and
// a status change with a note. Entries can be added by hand.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useCanAct, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { api, type Evidence, type WatchEntryRow } from '../../api/index.ts';
import { QueryLoad, Panel } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EvidenceList } from '../region/Evidence.tsx';
import { autoColumns } from '../region/data.ts';
import { useWatch, useWatchlist, WATCH_STATUSES } from './data.ts';

function StatusForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t, label } = useI18n();
  const [status, setStatus] = useState<string>('under_review');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try { await api.setWatchStatus(id, status, note); setNote(''); onDone(); } catch (e) { setError((e as Error).message); }
  };
  return (
    <div className="row" data-testid="watch-status-form">
      <select value={status} onChange={(e) => setStatus(e.target.value)}>{WATCH_STATUSES.map((s) => <option key={s} value={s}>{label('watch', s)}</option>)}</select>
      <input className="wide" placeholder={t('common.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" className="primary" disabled={!note.trim()} onClick={() => void submit()}>{t('watch.change')}</button>
      {error && <span className="state-error">{error}</span>}
    </div>
  );
}

function WatchDetail({ id, onChange }: { id: string; onChange(): void }) {
  const { t, label, date, watchSummary, watchBasis } = useI18n();
  const q = useWatch(id);
  const canAct = useCanAct();
  const colLabel = (k: string) => { const key = `col.${k}`; const s = t(key as never); return s === key ? k : s; };
  return (
    <QueryLoad title={`${t('watch.title')} · #${id}`} query={q} testId="watch-detail">
      {(w) => (
        <>
          <div className="facts">
            <span><Link to={`/regions/${w.region_code}?year=${w.year}`}>{w.region_name ?? w.region_code}</Link></span>
            <span>{t('col.year')}：{w.year}</span>
            <span>{t('col.status')}：{label('watch', w.status)}</span>
          </div>
          <h3>{t('watch.grounds')}</h3>
          <p className="note">{watchBasis(w)}：{watchSummary(w.kind, w.params)}</p>
          <h3>{t('watch.evidence')}</h3>
          {Array.isArray(w.evidence) && w.evidence.length ? <EvidenceList evidence={w.evidence as Evidence[]} /> : <p className="muted">{t('common.empty')}</p>}
          <h3>{t('watch.history')}</h3>
          {w.history?.length ? <DataTable name={`history-${id}`} rows={w.history} filter={false} columns={[
            ...autoColumns(w.history, colLabel, ['from_status', 'to_status', 'changed_at']),
            { key: 'from_status', label: colLabel('from_status'), value: (h) => (h.from_status ? label('watch', h.from_status) : '—') },
            { key: 'to_status', label: colLabel('to_status'), value: (h) => label('watch', h.to_status) },
            { key: 'changed_at', label: colLabel('changed_at'), value: (h) => date(h.changed_at as string, true) },
          ]} /> : <p className="muted">{t('common.empty')}</p>}
          {canAct && <><h3>{t('watch.change')}</h3>
          <StatusForm id={id} onDone={() => { q.reload(); onChange(); }} /></>}
        </>
      )}
    </QueryLoad>
  );
}

export default function WatchlistPage({ id }: { id?: string }) {
  const { t, label, watchSummary } = useI18n();
  const [year] = useYear();
  const { navigate } = useRouter();
  const list = useWatchlist();
  const canAct = useCanAct();
  const [add, setAdd] = useState({ region_code: '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try { await api.addWatch(add.region_code, year, add.reason); setAdd({ region_code: '', reason: '' }); list.reload(); } catch (e) { setError((e as Error).message); }
  };
  return (
    <div className="page" data-page="watchlist">
      <h1 className="page-title">{t('watch.title')}</h1>
      <QueryLoad title={t('watch.list')} query={list} testId="watchlist">
        {(rows) => (
          <DataTable<WatchEntryRow> name="watchlist" rows={rows} rowKey={(r) => r.entry_id} onRowClick={(r) => navigate(`/watchlist/${r.entry_id}`)}
            columns={[
              { key: 'entry_id', label: t('col.id'), render: (r) => <code title={r.entry_id}>{r.entry_id.slice(0, 10)}</code> },
              { key: 'region_name', label: t('col.region_name'), value: (r) => r.region_name ?? r.region_code },
              { key: 'region_code', label: t('col.region_code') },
              { key: 'year', label: t('col.year'), align: 'right' },
              { key: 'status', label: t('col.status'), value: (r) => label('watch', r.status) },
              { key: 'reason', label: t('watch.grounds'), wrap: true, value: (r) => watchSummary(r.kind, r.params) },
            ]} />
        )}
      </QueryLoad>
      {id && <WatchDetail id={id} onChange={list.reload} />}
      {canAct && <Panel title={t('watch.add')}>
        <div className="row">
          <input placeholder={t('col.region_code')} value={add.region_code} onChange={(e) => setAdd({ ...add, region_code: e.target.value })} />
          <input className="wide" placeholder={t('col.reason')} value={add.reason} onChange={(e) => setAdd({ ...add, reason: e.target.value })} />
          <button type="button" disabled={!/^\d{6}$/.test(add.region_code) || !add.reason.trim()} onClick={() => void submit()}>{t('watch.add')} · {year}</button>
          {error && <span className="state-error">{error}</span>}
        </div>
      </Panel>}
    </div>
  );
}
