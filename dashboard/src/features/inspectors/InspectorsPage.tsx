// 检查员: the inspector register behind the 双随机 draw. Import a CSV with a preview that marks the cells the
// server would refuse, the register with each inspector's teams this year, and the load cap / active edit.
import { useState } from 'react';
import { FilePicker } from '../../components/FilePicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useMeta, useYear } from '../../app/session.tsx';
import { api, type Inspector } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { Panel, QueryLoad } from '../../components/QueryLoad.tsx';
import { PageMessage, useErrorState, useMessageState } from '../../components/error-state.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FIELDS, previewInspectors, TEMPLATE, type Field, type Preview } from './parse.ts';

const HEAD: Record<Field, 'insp.id' | 'insp.name' | 'insp.home' | 'insp.cap' | 'insp.active'> = {
  inspector_id: 'insp.id',
  name: 'insp.name',
  home_province_code: 'insp.home',
  load_cap: 'insp.cap',
  active: 'insp.active',
};

function downloadTemplate() {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([`\ufeff${TEMPLATE}`], { type: 'text/csv;charset=utf-8' }));
  a.download = 'inspectors-template.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function CapEditor({ row, onSaved }: { row: Inspector; onSaved(): void }) {
  const { t } = useI18n();
  const [cap, setCap] = useState(String(row.load_cap));
  const [active, setActive] = useState(row.active);
  const [state, setState] = useMessageState();
  const dirty = cap !== String(row.load_cap) || active !== row.active;
  const save = async () => {
    setState(null);
    try {
      await api.updateInspector(row.inspector_id, { load_cap: Number(cap), active });
      setState(new PageMessage('insp.saved'));
      onSaved();
    } catch (e) {
      setState(e);
    }
  };
  return (
    <span className="actions">
      <input
        className="tiny"
        type="number"
        min={0}
        step={1}
        value={cap}
        aria-label={`${t('insp.cap')} ${row.inspector_id}`}
        data-testid={`cap-${row.inspector_id}`}
        onChange={(e) => setCap(e.target.value)}
      />
      <label>
        <input
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          data-testid={`active-${row.inspector_id}`}
        />
        {t('insp.active')}
      </label>
      <button
        type="button"
        disabled={!dirty || !/^\d+$/.test(cap)}
        onClick={() => void save()}
        data-testid={`save-${row.inspector_id}`}
      >
        {t('acct.save')}
      </button>
      {state && (
        <span className="muted" role="status">
          {state}
        </span>
      )}
    </span>
  );
}

export default function InspectorsPage() {
  const { t, label, p } = useI18n();
  const meta = useMeta();
  const [year] = useYear();
  const list = useQuery([year], () => api.inspectors(year));
  const [file, setFile] = useState<{ name: string; preview: Preview } | null>(null);
  const [result, setResult] = useMessageState();
  const [error, setError] = useErrorState();
  const [busy, setBusy] = useState(false);
  const province = (code: string) => meta.provinces.find((p) => p.code === code)?.name ?? code;
  const bad = file ? file.preview.rows.filter((r) => r.problems.length > 0) : [];
  // every bad cell, not only a row's first: a row fixed one cell at a time would come back again and again
  const badCells = bad.flatMap((r) => r.problems.map((problem, i) => ({ line: r.line, problem, i })));
  const blocked =
    !file ||
    file.preview.rows.length === 0 ||
    bad.length > 0 ||
    file.preview.missing.length > 0 ||
    file.preview.unknown.length > 0;

  const choose = async (f: File | undefined) => {
    setResult(null);
    setError(null);
    if (!f) {
      setFile(null);
      return;
    }
    setFile({ name: f.name, preview: previewInspectors(await f.text()) });
  };
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.importInspectors(file.preview.csv, file.name);
      setResult(new PageMessage('insp.imported', { n: r.imported, file: r.file, active: r.total_active }));
      setFile(null);
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-page="inspectors">
      <h1 className="page-title">{t('insp.title')}</h1>
      <p className="note">{t('insp.help')}</p>
      <Panel title={t('insp.import')} testId="inspector-import">
        <p className="note">{t('insp.importHelp')}</p>
        <div className="row">
          <span>{t('insp.choose')}</span>
          <FilePicker testId="inspector-file" accept=".csv,text/csv" onChoose={(f) => void choose(f ?? undefined)} />
          <button type="button" className="linklike" onClick={downloadTemplate}>
            {t('insp.template')}
          </button>
        </div>
        {file && (
          <div data-testid="inspector-preview">
            <h3>{t('insp.preview', { n: file.preview.rows.length })}</h3>
            {file.preview.missing.length > 0 && (
              <p className="problems" role="alert">
                {t('insp.missingColumn', { cols: file.preview.missing.join(p.list) })}
              </p>
            )}
            {file.preview.unknown.length > 0 && (
              <p className="problems" role="alert">
                {t('insp.unknownColumn', { cols: file.preview.unknown.join(p.list) })}
              </p>
            )}
            {bad.length > 0 && (
              <ul className="problems" role="alert" data-testid="inspector-problems">
                {badCells.slice(0, 40).map((c) => (
                  <li key={`${c.line}-${c.i}`}>
                    <span translate="no">{file.name}</span> {t('insp.line', { n: c.line })}
                    {p.colon}
                    {t(c.problem.key, c.problem.vars)}
                  </li>
                ))}
                {badCells.length > 40 ? <li>…</li> : null}
                <li>
                  <strong>{t('insp.problems', { n: bad.length })}</strong>
                </li>
              </ul>
            )}
            <div className="table-scroll">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {FIELDS.map((f) => (
                      <th scope="col" key={f}>
                        {t(HEAD[f])}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {file.preview.rows.slice(0, 50).map((r) => (
                    <tr key={r.line} className={r.problems.length > 0 ? 'bad-row' : undefined}>
                      <td>{r.line}</td>
                      {FIELDS.map((f) => {
                        const here = r.problems.filter((x) => x.field === f);
                        return (
                          <td
                            key={f}
                            className={here.length > 0 ? 'bad' : undefined}
                            title={here.length > 0 ? here.map((x) => t(x.key, x.vars)).join(p.list) : undefined}
                          >
                            {r.values[f] || '—'}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="row">
              <button
                type="button"
                className="primary"
                disabled={blocked || busy}
                onClick={() => void send()}
                data-testid="inspector-send"
              >
                {t('insp.send', { n: file.preview.rows.length })}
              </button>
            </div>
          </div>
        )}
        {result && (
          <div className="banner banner-ok" role="status" data-testid="inspector-result">
            {result}
          </div>
        )}
        {error && (
          <div className="banner state-error" role="alert" data-testid="inspector-error">
            {error}
          </div>
        )}
      </Panel>
      <QueryLoad title={`${t('insp.list')} · ${year}`} query={list} testId="inspector-list" isEmpty={() => false}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="banner banner-warn" data-testid="inspectors-empty">
              {t('insp.none')}
            </p>
          ) : (
            <DataTable<Inspector>
              name="inspectors"
              testId="inspectors"
              rows={rows}
              rowKey={(r) => r.inspector_id}
              initialSort={{ key: 'inspector_id' }}
              columns={[
                { key: 'inspector_id', label: t('insp.id') },
                { key: 'name', label: t('insp.name') },
                {
                  key: 'home_province_code',
                  label: t('insp.home'),
                  data: true,
                  value: (r) => province(r.home_province_code),
                },
                { key: 'load_this_year', label: t('insp.load'), align: 'right' },
                {
                  key: 'load_cap',
                  label: t('insp.cap'),
                  align: 'right',
                  render: (r) => <CapEditor key={`${r.load_cap}-${r.active}`} row={r} onSaved={list.reload} />,
                },
                { key: 'active', label: t('insp.active'), value: (r) => label('yesNo', r.active) },
              ]}
            />
          )
        }
      </QueryLoad>
    </div>
  );
}
