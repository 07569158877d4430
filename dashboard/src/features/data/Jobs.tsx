// The Data page's 定时任务 and 导出 sections: every schedule with its next run times and a run-now button
// (central), the recent runs with failures and warnings marked and acknowledgeable (central), the past quarterly
// packages with download links, and the button that generates a quarter's package (central).
import { useEffect, useState } from 'react';
import { actorName } from '../../components/actor.ts';
import { ActorName } from '../../components/ActorName.tsx';
import { jobSummary } from '../../components/job-summary.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCanAct, useMeta } from '../../app/session.tsx';
import { useRouter } from '../../app/router.tsx';
import { useQuery } from '../../api/useQuery.ts';
import {
  defaultExportQuarter,
  formatQuarter,
  parseQuarter,
  reportingYear,
} from '../../../../pipeline/export/quarter.ts';
import {
  api,
  type ExportPackage,
  type JobRun,
  type JobSchedule,
  type JobsOverview,
  type NewExportPackage,
} from '../../api/index.ts';
import { renderJobMessage } from '../../../../pipeline/vocabulary/index.ts';
import { QueryLoad, Panel } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Query } from '../../api/useQuery.ts';
import { useExports } from './data.ts';
import { remountKeeper } from './remount-keeper.ts';
import { useErrorState } from '../../components/error-state.ts';

const STATUS_CLASS: Record<string, string> = {
  ok: 'badge-met',
  warning: 'badge-provisional',
  failed: 'badge-not_met',
  running: 'badge-no_data',
  skipped_overlap: 'badge-no_data',
};

/** Today as a civil date in the browser's calendar (the quarter that ended is the office's, not UTC's). */
function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function RunStatus({ run }: { run: JobRun }) {
  const { label } = useI18n();
  return (
    <span className={`badge ${STATUS_CLASS[run.status] ?? ''}`} data-status={run.status}>
      {label('job.status', run.status)}
    </span>
  );
}

export function JobsSection({ jobs }: { jobs: Query<JobsOverview> }) {
  const { t, date, lang, label, p } = useI18n();
  const canAct = useCanAct();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useErrorState();
  const act = async (key: string, fn: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      jobs.reload();
    }
  };
  // A run started through the server's scheduler answers at once; look again until it has finished.
  const runNow = (id: string) =>
    act(`run:${id}`, async () => {
      const r = await api.runJob(id);
      for (let i = 0; i < 60 && r.status === 'running'; i++) {
        await new Promise((res) => setTimeout(res, 500));
        const now = await api.jobs();
        if (now.runs.find((x) => x.run_id === r.run_id)?.status !== 'running') break;
      }
    });
  const jobName = (id: string) => {
    const s = jobs.data?.schedules.find((x) => x.job_id === id);
    return s ? (lang === 'zh' ? s.description_zh : s.description_en).split(/[：:]/)[0]! : id;
  };
  return (
    <>
      <QueryLoad
        title={t('jobs.schedules')}
        query={{ ...jobs, data: jobs.data?.schedules }}
        testId="job-schedules"
        actions={canAct ? undefined : <span className="muted">{t('common.centralOnly')}</span>}
      >
        {(rows) => (
          <DataTable<JobSchedule>
            name="job-schedules"
            rows={rows}
            filter={false}
            rowKey={(r) => r.job_id}
            columns={[
              {
                key: 'job_id',
                label: t('jobs.job'),
                render: (r) => (
                  <span data-job={r.job_id}>
                    <code translate="no">{r.job_id}</code>
                  </span>
                ),
              },
              {
                key: 'description',
                label: t('jobs.description'),
                wrap: true,
                value: (r) => (lang === 'zh' ? r.description_zh : r.description_en),
              },
              {
                key: 'cron',
                label: t('jobs.cron'),
                render: (r) => (
                  <code>
                    {r.cron}
                    {r.workday_filter ? ` + ${t('jobs.workdayFilter')}` : ''}
                  </code>
                ),
              },
              {
                key: 'next_runs',
                label: t('jobs.nextRuns'),
                render: (r) => (
                  <span data-testid={`next-run-${r.job_id}`}>
                    {r.enabled ? r.next_runs.map((x) => date(x, true)).join(p.semi) : t('jobs.disabled')}
                    {r.provisional_years.length > 0 && ' '}
                    {r.provisional_years.length > 0 && (
                      <span className="badge badge-provisional" title={t('jobs.provisionalHelp')}>
                        {t('status.provisional')}
                      </span>
                    )}
                  </span>
                ),
              },
              {
                key: 'run',
                label: '',
                value: () => '',
                render: (r) =>
                  canAct ? (
                    <button
                      type="button"
                      data-testid={`run-${r.job_id}`}
                      disabled={busy !== null || r.running}
                      onClick={() => void runNow(r.job_id)}
                    >
                      {r.running || busy === `run:${r.job_id}` ? t('jobs.running') : t('jobs.runNow')}
                    </button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryLoad>
      {error && (
        <div className="state-error" role="alert">
          {error}
        </div>
      )}
      <QueryLoad title={t('jobs.runs')} query={{ ...jobs, data: jobs.data?.runs }} testId="job-runs">
        {(rows) => (
          <DataTable<JobRun>
            name="job-runs"
            rows={rows}
            limit={50}
            rowKey={(r) => String(r.run_id)}
            initialSort={{ key: 'run_id', desc: true }}
            columns={[
              { key: 'run_id', label: t('col.run_id'), align: 'right' },
              {
                key: 'job_id',
                label: t('jobs.job'),
                value: (r) => jobName(r.job_id),
                render: (r) => <span data-job={r.job_id}>{jobName(r.job_id)}</span>,
              },
              { key: 'trigger', label: t('jobs.trigger'), value: (r) => label('jobTrigger', r.trigger) },
              { key: 'started_at', label: t('jobs.startedAt'), value: (r) => date(r.started_at, true) },
              { key: 'status', label: t('col.status'), value: (r) => r.status, render: (r) => <RunStatus run={r} /> },
              {
                key: 'summary',
                label: t('jobs.summary'),
                wrap: true,
                value: (r) => [jobSummary(r, lang), r.error].filter(Boolean).join(' — '),
              },
              {
                key: 'triggered_by',
                label: t('jobs.by'),
                value: (r) => (r.triggered_by ? actorName(r.triggered_by, lang) : ''),
                render: (r) => (r.triggered_by ? <ActorName actor={r.triggered_by} /> : null),
              },
              {
                key: 'ack',
                label: t('jobs.acknowledged'),
                value: (r) => (r.acknowledged_by ? actorName(r.acknowledged_by, lang) : ''),
                render: (r) =>
                  r.status !== 'failed' && r.status !== 'warning' ? null : r.acknowledged_at ? (
                    <span className="muted">
                      <ActorName actor={r.acknowledged_by} /> · {date(r.acknowledged_at, true)}
                    </span>
                  ) : canAct ? (
                    <button
                      type="button"
                      data-testid={`ack-${r.run_id}`}
                      disabled={busy !== null}
                      onClick={() => void act(`ack:${r.run_id}`, () => api.ackRun(r.run_id))}
                    >
                      {t('jobs.ack')}
                    </button>
                  ) : (
                    <span className="badge badge-not_met">{t('jobs.unacknowledged')}</span>
                  ),
              },
            ]}
          />
        )}
      </QueryLoad>
    </>
  );
}

function bytes(n: number | null | undefined): string {
  if (n == null) return '';
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * What a quarter's package will report on, before it is generated: its reporting year and that year's headline
 * (the figures the package's cover prints), or a warning that the year has no scored data yet.
 */
function QuarterContents({ quarter }: { quarter: string }) {
  const { t } = useI18n();
  const meta = useMeta();
  const year = reportingYear(parseQuarter(quarter));
  const scored = meta.years.includes(year);
  const overview = useQuery([year], () => api.overview(year), scored);
  const h = overview.data?.headline;
  if (!scored || (overview.data && (!h || h.regions === h.not_judged)))
    return (
      <div className="banner banner-warn" role="note" data-testid="export-contents" data-empty="true">
        {t('exports.emptyYear', {
          quarter,
          year,
          suggest: meta.latest_year == null ? '—' : formatQuarter(defaultExportQuarter(today(), meta.latest_year)),
        })}
      </div>
    );
  if (!h) return null;
  return (
    <p className="note" data-testid="export-contents" data-empty="false">
      {t('exports.contents', { quarter, year, regions: h.regions, met: h.met, high: h.high_flags })}
    </p>
  );
}

/**
 * The export asked for and not yet answered. It outlives the panel: new figures (a refresh finishing, e.g. one a load
 * started) remount the page (App.tsx), and the remounted panel must still show the export's outcome and list its
 * package, not an idle button while the export goes on unseen. An export takes seconds to a minute (its PDF).
 */
let exportInFlight: Promise<NewExportPackage> | null = null;

/** What the last export came to here (its package, or its refusal), shown again by a panel that new figures remount. */
const exportOutcome = remountKeeper<{ made: NewExportPackage | null; error: unknown }>({ made: null, error: null });

/** 导出: central office and admin only (a package holds every province). */
export function ExportsSection() {
  const { t, date, p, label, lang } = useI18n();
  const canAct = useCanAct();
  const exportsQ = useExports();
  const meta = useMeta();
  const { query, setQuery } = useRouter();
  // the latest ended quarter whose reporting year is scored, not merely the latest ended quarter (often empty); a
  // quarter typed here is kept in the address too, since new figures remount the page (App.tsx) and would reset it
  const [quarter, setQuarterState] = useState(
    () => query.get('export.quarter') ?? formatQuarter(defaultExportQuarter(today(), meta.latest_year)),
  );
  const setQuarter = (value: string) => {
    setQuarterState(value);
    setQuery({ 'export.quarter': value });
  };
  const [rebuild, setRebuild] = useState(false);
  const [busy, setBusy] = useState(exportInFlight !== null);
  const [error, showError] = useErrorState(exportOutcome.get().error);
  // the package just made, worded when shown (its message is a code: it follows the language toggle)
  const [made, showMade] = useState<NewExportPackage | null>(exportOutcome.get().made);
  const setError = (e: unknown) => {
    exportOutcome.set({ ...exportOutcome.get(), error: e });
    showError(e);
  };
  const setMade = (m: NewExportPackage | null) => {
    exportOutcome.set({ ...exportOutcome.get(), made: m });
    showMade(m);
  };
  const wanted = /^\d{4}Q[1-4]$/i.test(quarter.trim()) ? formatQuarter(parseQuarter(quarter.trim())) : null;
  const existing = wanted ? exportsQ.data?.find((x) => x.quarter === wanted) : undefined;
  /** Shows the outcome of an export asked for, here or by this panel before a remount. */
  const follow = async (request: Promise<NewExportPackage>) => {
    setBusy(true);
    try {
      setMade(await request);
      setRebuild(false);
    } catch (e) {
      setError(e);
    } finally {
      if (exportInFlight === request) exportInFlight = null;
      setBusy(false);
      exportsQ.reload();
    }
  };
  // an export asked for before new figures remounted the page is followed to its end here
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at mount: the request is the one in flight then
  useEffect(() => {
    exportOutcome.mounted();
    if (exportInFlight) void follow(exportInFlight);
    return exportOutcome.unmounted;
  }, []);
  const generate = async () => {
    if (!wanted) return;
    if (existing && rebuild && !window.confirm(t('exports.confirmRebuild', { quarter: wanted }))) return;
    setError(null);
    setMade(null);
    exportInFlight = api.createExport(wanted, existing ? rebuild : false);
    await follow(exportInFlight);
  };
  const link = (p: ExportPackage, name: string, text: string) => (
    <a href={api.exportFileUrl(p.quarter, name)} download={name} data-file={name}>
      {text}
    </a>
  );
  const kind = (name: string) =>
    name.endsWith('.pdf') ? 'PDF' : name.endsWith('.html') ? 'HTML' : name.endsWith('.xlsx') ? 'XLSX' : null;
  return (
    <>
      {canAct && (
        <Panel title={t('exports.generate')} testId="export-generate">
          <p className="note">{t('exports.help')}</p>
          <div className="row">
            <label>
              {t('exports.quarter')}
              <input
                name="quarter"
                value={quarter}
                onChange={(e) => setQuarter(e.target.value)}
                pattern="\d{4}Q[1-4]"
                size={8}
                placeholder="2025Q3"
              />
            </label>
            <button
              type="button"
              className="primary"
              data-testid="export-button"
              disabled={busy || !/^\d{4}Q[1-4]$/i.test(quarter.trim())}
              onClick={() => void generate()}
            >
              {busy ? t('exports.generating') : t('exports.generate')}
            </button>
          </div>
          {wanted && <QuarterContents quarter={wanted} />}
          {existing && (
            <div className="banner banner-warn" data-testid="export-exists">
              {t('exports.exists', { quarter: existing.quarter, at: date(existing.generated_at, true) })}
              <label>
                <input
                  type="checkbox"
                  checked={rebuild}
                  data-testid="export-rebuild"
                  onChange={(e) => setRebuild(e.target.checked)}
                />
                {t('exports.rebuild')}
              </label>
            </div>
          )}
          {made && (
            <div className="note" role="status">
              {`${made.quarter}${p.colon}${renderJobMessage(made.message, lang)}${
                made.replaced_generated_at
                  ? ` ${t('exports.rebuilt', { at: date(made.replaced_generated_at, true) })}`
                  : ''
              }`}
            </div>
          )}
          {error && (
            <div className="state-error" role="alert">
              {error}
            </div>
          )}
        </Panel>
      )}
      <QueryLoad title={t('exports.list')} query={exportsQ} testId="exports">
        {(rows) => (
          <DataTable<ExportPackage>
            name="exports"
            rows={rows}
            filter={false}
            rowKey={(r) => r.quarter}
            columns={[
              {
                key: 'quarter',
                label: t('exports.quarter'),
                render: (r) => <strong data-quarter={r.quarter}>{r.quarter}</strong>,
              },
              { key: 'generated_at', label: t('exports.generatedAt'), value: (r) => date(r.generated_at, true) },
              { key: 'as_of', label: t('common.asof') },
              { key: 'indicator_system_version', label: t('exports.system') },
              {
                key: 'downloads',
                label: t('exports.files'),
                value: () => '',
                render: (r) => (
                  <span className="actions">
                    {r.zip && link(r, r.zip, `ZIP ${bytes(r.zip_bytes)}`)}
                    {r.files
                      .filter((f) => kind(f.name))
                      .map((f) => (
                        <span key={f.name}>{link(r, f.name, `${kind(f.name)} ${bytes(f.bytes)}`)}</span>
                      ))}
                    {r.pdf !== 'ok' && <span className="muted">{t('exports.noPdf')}</span>}
                  </span>
                ),
              },
              {
                key: 'csv',
                label: t('exports.tables'),
                value: () => '',
                render: (r) => (
                  <span className="actions">
                    {r.files
                      .filter((f) => f.name.endsWith('.csv') || f.name === 'manifest.json')
                      .map((f) => (
                        <span key={f.name}>
                          {link(r, f.name, label('exportTable', f.name.replace(/\.(csv|json)$/, '')))}
                        </span>
                      ))}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryLoad>
    </>
  );
}
