// 摘牌观察名单: the revocation watchlist; one entry's ground, reason, attached flags and source records, status history
// with who did it, and a status change limited to the moves allowed. A hand entry picks a region by name or code
// (or comes from a region page with ?add=<code>), the ground of 四(三), flags of that region as evidence, a reason.
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useCanAct, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import {
  api,
  type EvidenceRef as Evidence,
  type FlagRow,
  type WatchAttachedFlag,
  type WatchEntryRow,
  type WatchEvidence,
  type WatchReason,
  type WatchSourceRecord,
} from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { QueryLoad, Panel } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { actorName } from '../../components/actor.ts';
import { ActorName } from '../../components/ActorName.tsx';
import { positions } from '../../components/positions.ts';
import { EvidenceList } from '../region/Evidence.tsx';
import { MANUAL_GROUNDS, TRANSITIONS, useWatch, useWatchlist } from './data.ts';
import { useErrorState } from '../../components/error-state.ts';

type Status = keyof typeof TRANSITIONS;

/** An entry's basis in the user's language: its ground of 四(三), or why it is listed without being one. */
export function useBasis() {
  const { watchBasis } = useI18n();
  return (w: { is_ground?: unknown; ground?: unknown; kind?: unknown; [k: string]: unknown }) =>
    watchBasis({
      is_ground: w.is_ground !== false,
      ground: w.ground == null ? null : Number(w.ground),
      kind: String(w.kind ?? ''),
    });
}

/** A stored source record as the evidence list reads it (the watchlist stores file_name, flags store file). */
const asRecord = (e: {
  dataset: string;
  record_id: string | null;
  file_name: string | null;
  line: number | null;
  load_id?: number | null;
}): Evidence => ({
  dataset: e.dataset,
  record_id: e.record_id ?? '',
  file: e.file_name ?? '',
  line: e.line,
  load_id: e.load_id ?? null,
});

/** An entry's evidence in the parts the page shows, whichever way the entry was made (WatchEvidence's shapes). */
function evidenceParts(ev: WatchEvidence): { reasons: string[]; flags: WatchAttachedFlag[]; records: Evidence[] } {
  if (!Array.isArray(ev)) return { reasons: [ev.reason], flags: ev.flags, records: ev.records.map(asRecord) };
  const items: Array<WatchSourceRecord | WatchReason> = ev;
  return {
    reasons: items.flatMap((e) => ('reason' in e ? [e.reason] : [])),
    flags: [],
    records: items.flatMap((e) => ('dataset' in e ? [asRecord(e)] : [])),
  };
}

function StatusForm({ id, status, onDone }: { id: string; status: Status; onDone(): void }) {
  const { t, label } = useI18n();
  const moves = TRANSITIONS[status] ?? [];
  const [to, setTo] = useState<Status | undefined>(moves[0]);
  const [note, setNote] = useState('');
  const [error, setError] = useErrorState();
  if (moves.length === 0) return <p className="muted">{t('watch.noMove')}</p>;
  const submit = async () => {
    setError(null);
    try {
      if (to) await api.setWatchStatus(id, to, note);
      setNote('');
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="row"
      data-testid="watch-status-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim()) void submit();
      }}
    >
      <select aria-label={t('watch.change')} value={to ?? ''} onChange={(e) => setTo(e.target.value as Status)}>
        {moves.map((s) => (
          <option key={s} value={s}>
            {label('watch', s)}
          </option>
        ))}
      </select>
      <input
        className="wide"
        aria-label={t('common.note')}
        placeholder={t('common.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!note.trim()}>
        {t('watch.change')}
      </button>
      {error && (
        <span className="state-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function WatchDetail({ id, onChange }: { id: string; onChange(): void }) {
  const { t, lang, label, date, watchSummary, flagMessage, p, dataValues } = useI18n();
  const q = useWatch(id);
  const canAct = useCanAct();
  const basis = useBasis();
  return (
    <QueryLoad title={`${t('watch.title')} · ${id.slice(0, 10)}`} query={q} testId="watch-detail">
      {(w) => {
        const { reasons, flags, records } = evidenceParts(w.evidence);
        return (
          <>
            <div className="facts">
              <span>
                <Link to={`/regions/${w.region_code}${w.year ? `?year=${w.year}` : ''}`}>
                  <span translate="no">{w.region_name ?? w.region_code}</span>
                </Link>{' '}
                <span className="muted">{w.region_code}</span>
              </span>
              <span>
                {t('col.year')}
                {p.colon}
                {w.year ?? '—'}
              </span>
              <span>
                {t('col.status')}
                {p.colon}
                <strong data-testid="watch-status">{label('watch', w.status)}</strong>
              </span>
              <span>
                {t('watch.by')}
                {p.colon}
                <ActorName actor={w.status_by} />
              </span>
            </div>
            <h3>{t('watch.grounds')}</h3>
            <p data-testid="watch-ground">{basis(w)}</p>
            {reasons.length === 0 ? (
              <p className="note" data-value={dataValues(w.params)}>
                {watchSummary(w.kind, w.params)}
              </p>
            ) : null}
            {reasons.length > 0 && (
              <>
                <h3>{t('watch.reasonText')}</h3>
                {positions(reasons).map(({ at, value }) => (
                  <p key={at} data-testid="watch-reason">
                    {value}
                  </p>
                ))}
              </>
            )}
            <h3>{t('watch.evidence')}</h3>
            {flags.length ? (
              <>
                <h4>{t('watch.flagsAttached')}</h4>
                <ul className="flag-list" data-testid="watch-flags">
                  {flags.map((f) => (
                    <li key={f.flag_id}>
                      <Link to={`/regions/${w.region_code}?year=${f.year}&flag=${f.flag_id}`}>
                        {label('rule', f.rule_id)}
                      </Link>{' '}
                      · {f.year} · {label('severity', f.severity)} · {flagMessage(f.rule_id, f.numbers, f.year)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {records.length > 0 ? (
              <>
                <h4>{t('watch.records')}</h4>
                <EvidenceList evidence={records} />
              </>
            ) : !flags.length ? (
              <p className="muted">{t('common.empty')}</p>
            ) : null}
            <h3>{t('watch.history')}</h3>
            {w.history?.length ? (
              <DataTable
                name={`history-${id}`}
                testId="watch-history"
                urlKey={false}
                rows={w.history}
                filter={false}
                columns={[
                  { key: 'changed_at', label: t('col.changed_at'), value: (h) => date(h.changed_at as string, true) },
                  {
                    key: 'from_status',
                    label: t('col.from_status'),
                    value: (h) => (h.from_status ? label('watch', h.from_status) : '—'),
                  },
                  { key: 'to_status', label: t('col.to_status'), value: (h) => label('watch', h.to_status) },
                  {
                    key: 'changed_by',
                    label: t('watch.by'),
                    value: (h) => actorName(h.changed_by, lang),
                    render: (h) => <ActorName actor={h.changed_by} />,
                  },
                  { key: 'note', label: t('common.note'), wrap: true },
                ]}
              />
            ) : (
              <p className="muted">{t('common.empty')}</p>
            )}
            {canAct && (
              <>
                <h3>{t('watch.change')}</h3>
                <StatusForm
                  key={w.status}
                  id={id}
                  status={w.status as Status}
                  onDone={() => {
                    q.reload();
                    onChange();
                  }}
                />
              </>
            )}
          </>
        );
      }}
    </QueryLoad>
  );
}

function AddEntry({ onAdded }: { onAdded(id: string): void }) {
  const { t, label, flagMessage, p } = useI18n();
  const [year] = useYear();
  const { query } = useRouter();
  const regions = useQuery([year], () => api.regions(year, { all: true }));
  const [region, setRegion] = useState<string | null>(query.get('add'));
  const flags = useQuery(
    [region],
    () => api.flags({ region: region!, status: 'active', all_years: true, limit: 200 }),
    region != null,
  );
  const [ground, setGround] = useState<(typeof MANUAL_GROUNDS)[number]>(4);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useErrorState();
  const designated = (regions.data ?? []).filter((r) => r.designation !== 'none');
  const submit = async () => {
    setError(null);
    try {
      const r = await api.addWatch({ region_code: region!, year, reason: reason.trim(), ground, flag_ids: chosen });
      setReason('');
      setChosen([]);
      onAdded(r.entry_id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Panel title={t('watch.add')} testId="watch-add">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <span className="label">{t('watch.region')}</span>
          <RegionPicker
            regions={designated}
            value={region}
            onChange={(c) => {
              setRegion(c);
              setChosen([]);
            }}
            testId="region-picker"
          />
        </div>
        <fieldset className="field">
          <legend className="label">{t('watch.chooseGround')}</legend>
          {[1, 2, 3, 4].map((g) => {
            const allowed = (MANUAL_GROUNDS as readonly number[]).includes(g);
            return (
              <label key={g} className="choice" title={allowed ? undefined : t('watch.ground3Auto')}>
                <input
                  type="radio"
                  name="ground"
                  value={g}
                  checked={ground === g}
                  disabled={!allowed}
                  onChange={() => setGround(g as (typeof MANUAL_GROUNDS)[number])}
                  data-testid={`ground-${g}`}
                />
                {t(`watch.ground.${g}` as MessageKey)}
                {allowed ? null : (
                  <span className="muted">
                    {p.open}
                    {t('watch.ground3Auto')}
                    {p.close}
                  </span>
                )}
              </label>
            );
          })}
        </fieldset>
        {region && (
          <fieldset className="field" data-testid="attach-flags">
            <legend className="label">{t('watch.attachFlags')}</legend>
            {flags.loading ? (
              <span className="muted">{t('common.loading')}</span>
            ) : (flags.data ?? []).length === 0 ? (
              <span className="muted">{t('watch.noFlags')}</span>
            ) : (
              <div className="flag-choices">
                {(flags.data ?? []).map((f: FlagRow) => (
                  <label key={f.flag_id} className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(f.flag_id)}
                      data-flag={f.flag_id}
                      onChange={(e) =>
                        setChosen(e.target.checked ? [...chosen, f.flag_id] : chosen.filter((x) => x !== f.flag_id))
                      }
                    />
                    {f.year} · {label('rule', f.rule_id)} · {label('severity', f.severity)} ·{' '}
                    {flagMessage(f.rule_id, f.numbers, f.year)}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )}
        <div className="field">
          <label className="label" htmlFor="watch-reason">
            {t('watch.reason')}
          </label>
          <textarea
            id="watch-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="watch-reason-input"
          />
        </div>
        <button
          type="submit"
          className="primary"
          disabled={!region || reason.trim().length < 4}
          data-testid="watch-add-submit"
        >
          {t('watch.submit')} · {year}
        </button>
        {error && (
          <div className="state-error" role="alert">
            {error}
          </div>
        )}
      </form>
    </Panel>
  );
}

export default function WatchlistPage({ id }: { id?: string }) {
  const { t, lang, label, watchBasis, watchSummary, dataValues } = useI18n();
  const { navigate, query } = useRouter();
  const list = useWatchlist();
  const canAct = useCanAct();
  return (
    <div className="page" data-page="watchlist">
      <h1 className="page-title">{t('watch.title')}</h1>
      {canAct && query.get('add') != null && !id && (
        <AddEntry
          onAdded={(e) => {
            list.reload();
            navigate(`/watchlist/${e}`);
          }}
        />
      )}
      {id && <WatchDetail id={id} onChange={list.reload} />}
      <QueryLoad
        title={t('watch.list')}
        query={list}
        testId="watchlist-panel"
        actions={
          canAct && query.get('add') == null ? (
            <Link to="/watchlist?add=" className="button">
              {t('watch.add')}
            </Link>
          ) : undefined
        }
      >
        {(rows) => (
          <DataTable<WatchEntryRow>
            name="watchlist"
            testId="watchlist"
            rows={rows}
            rowKey={(r) => r.entry_id}
            onRowClick={(r) => navigate(`/watchlist/${r.entry_id}`)}
            rowLabel={(r) => `${r.region_name ?? r.region_code} ${label('watch', r.status)}`}
            columns={[
              { key: 'region_name', label: t('col.region_name'), value: (r) => r.region_name ?? r.region_code },
              { key: 'region_code', label: t('col.region_code') },
              { key: 'year', label: t('col.year'), align: 'right' },
              { key: 'status', label: t('col.status'), value: (r) => label('watch', r.status) },
              { key: 'ground', label: t('watch.grounds'), wrap: true, value: (r) => watchBasis(r) },
              {
                key: 'summary',
                label: t('col.reason'),
                wrap: true,
                value: (r) => watchSummary(r.kind, r.params),
                render: (r) => <span data-value={dataValues(r.params)}>{watchSummary(r.kind, r.params)}</span>,
              },
              {
                key: 'status_by',
                label: t('watch.by'),
                value: (r) => actorName(r.status_by, lang),
                render: (r) => <ActorName actor={r.status_by} />,
              },
            ]}
          />
        )}
      </QueryLoad>
    </div>
  );
}
