// 上传: choose a file, preview it and check its columns in the browser (CSV), then load it through the server's
// ingest (the same as `shifan ingest`) and show the result and the rejected rows.
import { useState } from 'react';
import { FilePicker } from '../../components/FilePicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { renderLoadMessage } from '../../../../pipeline/vocabulary/index.ts';
import { Link } from '../../app/router.tsx';
import { useCanAct } from '../../app/session.tsx';
import { api, type UploadCheck, type UploadResult } from '../../api/index.ts';
import { Panel } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { rejectColumns } from '../data/DataPage.tsx';
import { datasetNames, isCsv, previewCsv, type Preview } from './preview.ts';
import { positions } from '../../components/positions.ts';
import { ColumnGuide } from './ColumnGuide.tsx';
import { useErrorState } from '../../components/error-state.ts';

export default function UploadPage() {
  const i = useI18n();
  const { t, lang } = i;
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  // The server's check of the chosen file: the cells the load would reject, marked in the preview before sending.
  const [check, setCheck] = useState<UploadCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useErrorState();
  const [busy, setBusy] = useState(false);
  const canAct = useCanAct();

  const choose = async (f: File | null, ds = dataset) => {
    setFile(f);
    setResult(null);
    setError(null);
    setCheck(null);
    setPreview(f && isCsv(f.name) ? previewCsv(await f.slice(0, 256 * 1024).text(), f.name, ds || undefined) : null);
    if (!f || !canAct) return;
    setChecking(true);
    try {
      setCheck(await api.checkUpload(f, ds || undefined));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  };
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.upload(file, dataset || undefined));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const m = preview?.match;
  // line → contract column → why the load would refuse that cell (a duplicate key marks each of its columns)
  const bad = new Map<string, string>();
  for (const r of check?.rejects ?? []) {
    for (const column of (r.column ?? '').split(','))
      bad.set(`${r.line}|${column}`, i.reject({ code: r.code, dataset: check?.dataset, column: r.column }));
  }

  return (
    <div className="page" data-page="upload">
      <h1 className="page-title">{t('upload.title')}</h1>
      <Panel title={t('upload.choose')}>
        <div className="row">
          <FilePicker
            testId="upload-file"
            accept=".csv,.txt,.xlsx,.jsonl,.json,.parquet"
            onChoose={(f) => void choose(f)}
          />
          <label>
            {t('upload.dataset')}
            <select
              value={dataset}
              onChange={(e) => {
                setDataset(e.target.value);
                void choose(file, e.target.value);
              }}
            >
              <option value="">—</option>
              {datasetNames().map((d) => (
                <option key={d.name} value={d.name}>
                  {i.dataset(d.name)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            data-testid="upload-send"
            disabled={!file || busy || !canAct}
            title={canAct ? undefined : t('common.centralOnly')}
            onClick={() => void send()}
          >
            {busy ? t('upload.sending') : t('upload.send')}
          </button>
        </div>
        {error && (
          <div className="state-error" role="alert">
            {error}
          </div>
        )}
      </Panel>
      {file && !preview && (
        <Panel>
          <p className="note">{t('upload.notPreviewable')}</p>
        </Panel>
      )}
      {(checking || check) && (
        <Panel title={t('upload.check')} testId="upload-check">
          {checking || !check ? (
            <p className="muted">{t('upload.checking')}</p>
          ) : check.status === 'refused' ? (
            <div className="state-error" role="alert" data-testid="upload-check-refused">
              {t('upload.checkRefused', {
                reason: renderLoadMessage(check.code, check.params, lang, check.message),
              })}
            </div>
          ) : (
            <>
              <p data-testid="upload-check-summary" data-rejected={check.rejected}>
                {t('upload.checkSummary', { records: check.records, good: check.good, rejected: check.rejected })}
              </p>
              {check.already_loaded && (
                <p className="note">
                  {t('upload.alreadyLoaded', {
                    load: check.already_loaded.load_id,
                    file: check.already_loaded.file_name,
                  })}
                </p>
              )}
              {check.rejects.length > 0 && (
                <DataTable
                  name="upload-check"
                  testId="upload-check-rejects"
                  rows={check.rejects.map((r) => ({
                    line: r.line,
                    column: r.column
                      ? r.column
                          .split(',')
                          .map((c) => i.column(check.dataset ?? '', c))
                          .join(lang === 'zh' ? '、' : ', ')
                      : '',
                    value: r.value,
                    reason: i.reject({ code: r.code, dataset: check.dataset, column: r.column }),
                  }))}
                  columns={[
                    { key: 'line', label: t('col.line') },
                    { key: 'column', label: t('col.column') },
                    { key: 'value', label: t('col.value') },
                    { key: 'reason', label: t('col.reason') },
                  ]}
                />
              )}
            </>
          )}
        </Panel>
      )}
      {preview && (
        <Panel
          title={`${t('upload.columns')} · ${preview.dataset ? `${i.dataset(preview.dataset.name)} (${preview.dataset.name})` : '?'}`}
          testId="column-check"
        >
          {m ? (
            m.ok ? (
              <div className="ok">✓ {t('upload.columnsOk')}</div>
            ) : (
              <ul className="problems">
                {m.missing.length > 0 && (
                  <li>
                    {t('upload.missing', {
                      columns: m.missing
                        .map((c) => i.column(preview.dataset!.name, c))
                        .join(lang === 'zh' ? '、' : ', '),
                    })}
                  </li>
                )}
                {m.unknown.length > 0 && (
                  <li>{t('upload.unknown', { columns: m.unknown.join(lang === 'zh' ? '、' : ', ') })}</li>
                )}
                {m.duplicated.length > 0 && (
                  <li>
                    {t('upload.duplicated', {
                      columns: m.duplicated
                        .map((c) => i.column(preview.dataset!.name, c))
                        .join(lang === 'zh' ? '、' : ', '),
                    })}
                  </li>
                )}
              </ul>
            )
          ) : (
            <div className="muted">{t('upload.dataset')}</div>
          )}
          <h3>{t('upload.preview')}</h3>
          <div className="table-scroll">
            <table className="data" data-testid="upload-preview">
              <thead>
                <tr>
                  <th>#</th>
                  {positions(preview.fields).map(({ at, value }) => {
                    // a recognised column under its name in the page's language, the file's own header beneath
                    // when it differs; an unrecognised header is the file's text as it stands
                    const column = m?.columns[at];
                    const label = column === undefined ? null : i.column(preview.dataset!.name, column);
                    return (
                      <th key={at} className={m && column === undefined ? 'bad' : undefined}>
                        {label ?? <span translate="no">{value}</span>}
                        {label !== null && label !== value && (
                          <div className="muted small" translate="no">
                            {value}
                          </div>
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {positions(preview.rows).map(({ at, value }) => (
                  <tr key={at}>
                    <td className="muted">{at + 2}</td>
                    {positions(value).map((c) => {
                      const why = m?.columns[c.at] === undefined ? undefined : bad.get(`${at + 2}|${m.columns[c.at]}`);
                      return (
                        <td
                          key={c.at}
                          className={why ? 'bad' : undefined}
                          title={why}
                          data-bad={why ? 'true' : undefined}
                        >
                          {c.value}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
      )}
      {result && (
        <Panel title={t('upload.result')} testId="upload-result">
          <div className="facts">
            <span>
              {t('col.file')}
              {i.p.colon}
              <span translate="no">{result.result.file}</span>
            </span>
            <span>
              {t('col.dataset')}
              {i.p.colon}
              {result.result.dataset ? i.dataset(result.result.dataset) : '—'}
            </span>
            <span>
              {t('col.status')}
              {i.p.colon}
              <strong data-status={result.result.status}>{i.label('loadStatus', result.result.status)}</strong>
            </span>
            <span>
              {t('col.loaded')}
              {i.p.colon}
              {result.result.loaded}
            </span>
            <span>
              {t('col.rejected')}
              {i.p.colon}
              <strong data-testid="upload-rejected">{result.result.rejected}</strong>
            </span>
          </div>
          {/* The counts are above; the loader's own text says why a file was refused or skipped. */}
          {result.result.status !== 'loaded' && (
            <p className="note">
              {renderLoadMessage(result.result.code, result.result.params, i.lang, result.result.message ?? '')}
            </p>
          )}
          {result.rejects.length > 0 && (
            <>
              <h3>{t('upload.rejects')}</h3>
              <DataTable
                name="upload-rejects"
                testId="upload-rejects"
                rows={result.rejects as unknown as Record<string, unknown>[]}
                columns={rejectColumns(i, result.result.dataset)}
              />
            </>
          )}
          {result.result.status === 'loaded' && <p className="note">{t('upload.figures')}</p>}
          <Link to="/data">{t('nav.data')} →</Link>
        </Panel>
      )}
      {/* what each column accepts, for the dataset chosen or recognised */}
      {(dataset || preview?.dataset?.name || check?.dataset) && (
        <ColumnGuide dataset={(dataset || preview?.dataset?.name || check?.dataset)!} />
      )}
    </div>
  );
}
