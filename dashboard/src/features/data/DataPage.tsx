// 数据: the load log, rejected rows with line and reason (all, or of the load picked), freshness and who has not
// reported, the scheduled jobs with their runs (定时任务), and the quarterly packages (导出; central and admin).
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { useRouter } from '../../app/router.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { autoColumns } from '../region/data.ts';
import { useFreshness, useJobs, useLoads, useRejects } from './data.ts';
import { useSession } from '../../app/session.tsx';
import { ExportsSection, JobsSection } from './Jobs.tsx';
import { renderLoadMessage } from '../../../../pipeline/vocabulary/index.ts';
import { DisclosureReportsSection } from '../disclosure-reports/ReportsTable.tsx';

type Row = Record<string, unknown>;

/** Columns of rejected rows; the reason is worded from its code and column (dataset: when rows lack their own). */
export function rejectColumns(i: Pick<I18n, 't' | 'reject' | 'column'>, dataset?: string | null): Column<Row>[] {
  const T = i.t as (k: string) => string;
  const reject = i.reject;
  return [
    { key: 'file', label: T('col.file'), value: (r) => r.file ?? r.file_name ?? '' },
    { key: 'line', label: T('col.line'), align: 'right' },
    {
      key: 'column',
      label: T('col.column'),
      // a contract column by its header in the page's language; a reader's own column (several, or none) as written
      value: (r) => {
        const name = String(r.column ?? r.column_name ?? '');
        const d = (r.dataset as string | null | undefined) ?? dataset;
        return name && d && !name.includes(',') ? i.column(d, name) : name;
      },
    },
    { key: 'code', label: T('col.code') },
    {
      key: 'reason',
      label: T('col.reason'),
      wrap: true,
      value: (r) =>
        reject({
          code: String(r.code),
          dataset: (r.dataset as string | null | undefined) ?? dataset,
          column: r.column as string | null,
        }),
    },
    {
      key: 'raw',
      label: T('col.raw'),
      render: (r) => <code className="raw">{String(r.raw ?? r.raw_line ?? '')}</code>,
    },
  ];
}

/** The load log's columns: codes worded by the vocabulary, file names and encodings as data, the message from its
 *  code and figures (a row written before codes keeps its text). */
function loadColumns(i: I18n, colLabel: (k: string) => string): Column<Row>[] {
  const num = (k: string): Column<Row> => ({ key: k, label: colLabel(k), align: 'right' });
  return [
    num('load_id'),
    { key: 'file_name', label: colLabel('file_name') },
    { key: 'dataset', label: colLabel('dataset'), value: (r) => (r.dataset ? i.dataset(String(r.dataset)) : '—') },
    { key: 'format', label: colLabel('format'), data: true },
    { key: 'encoding', label: colLabel('encoding') },
    { key: 'source', label: colLabel('source'), value: (r) => i.label('loadSource', r.source) },
    // the user who uploaded the file: a name as typed, data in either language
    { key: 'loaded_by', label: colLabel('loaded_by'), data: true, value: (r) => (r.loaded_by as string | null) ?? '—' },
    { key: 'status', label: colLabel('status'), value: (r) => i.label('loadStatus', r.status) },
    num('records'),
    num('loaded'),
    num('rejected'),
    num('superseded'),
    { key: 'started_at', label: colLabel('started_at') },
    num('total_ms'),
    {
      key: 'message',
      label: colLabel('message'),
      wrap: true,
      value: (r) =>
        renderLoadMessage(
          r.message_code as string | null,
          r.message_params as string | null,
          i.lang,
          String(r.message ?? '—'),
        ),
    },
  ];
}

export default function DataPage() {
  const i = useI18n();
  const { t } = i;
  const { query, setQuery } = useRouter();
  const load = query.get('load');
  const loads = useLoads();
  const rejects = useRejects(load);
  const freshness = useFreshness();
  const jobs = useJobs();
  const role = useSession().user?.role;
  const colLabel = (k: string) => {
    const key = `col.${k}`;
    const s = t(key as never);
    return s === key ? k : s;
  };
  const loadId = (r: Row) => String(r.load_id ?? r.id ?? '');
  return (
    <div className="page" data-page="data">
      <h1 className="page-title">{t('data.title')}</h1>
      <QueryLoad
        title={t('data.loads')}
        query={loads}
        testId="loads"
        actions={<span className="muted">{t('data.pickLoad')}</span>}
      >
        {(rows) => (
          <DataTable
            name="loads"
            urlKey="loads"
            rows={rows}
            limit={50}
            onRowClick={(r) => setQuery({ load: loadId(r) })}
            initialSort={{ key: Object.keys(rows[0] ?? {}).includes('load_id') ? 'load_id' : 'id', desc: true }}
            columns={loadColumns(i, colLabel)}
          />
        )}
      </QueryLoad>
      <QueryLoad
        title={`${t('data.rejects')}${load ? ` · ${t('col.load_id')} ${load}` : ''}`}
        query={rejects}
        testId="rejects"
        actions={
          load ? (
            <button type="button" onClick={() => setQuery({ load: null })}>
              {t('common.all')}
            </button>
          ) : undefined
        }
      >
        {(rows) => (
          <DataTable
            name={`rejects${load ? `-${load}` : ''}`}
            urlKey="rejects"
            rows={rows}
            limit={100}
            columns={rejectColumns(i)}
          />
        )}
      </QueryLoad>
      <div>
        <QueryLoad
          title={t('data.freshness')}
          query={{ ...freshness, data: freshness.data?.filter((r) => r.kind !== 'missing_report') }}
          testId="freshness"
        >
          {(rows) => (
            <DataTable
              name="freshness"
              rows={rows}
              limit={50}
              filter={false}
              columns={autoColumns(rows, colLabel, ['kind', 'region_code', 'region_name', 'report_year']).map((c) =>
                c.key === 'dataset'
                  ? { ...c, render: (r: Row) => i.dataset(String(r.dataset ?? '')) }
                  : c.key === 'status'
                    ? { ...c, render: (r: Row) => i.label('loadStatus', r.status) }
                    : c,
              )}
            />
          )}
        </QueryLoad>
        <QueryLoad
          title={t('data.missingReports')}
          query={{ ...freshness, data: freshness.data?.filter((r) => r.kind === 'missing_report') }}
          testId="missing-reports"
        >
          {(rows) => (
            <DataTable
              name="missing-reports"
              rows={rows}
              limit={50}
              columns={autoColumns(rows, colLabel, [
                'kind',
                'dataset',
                'load_id',
                'file_name',
                'loaded_at',
                'status',
                'rows',
                'loads',
              ])}
            />
          )}
        </QueryLoad>
      </div>
      <DisclosureReportsSection balanced={false} testId="unbalanced-reports" />
      <h2 className="section-title" id="jobs">
        {t('jobs.title')}
      </h2>
      <JobsSection jobs={jobs} />
      {(role === 'central' || role === 'admin') && (
        <>
          <h2 className="section-title" id="exports">
            {t('exports.title')}
          </h2>
          <ExportsSection />
        </>
      )}
    </div>
  );
}
