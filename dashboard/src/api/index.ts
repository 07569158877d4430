// The dashboard's API surface: one function per endpoint, all through client.ts. Every answer's type is Static<> of
// the route's TypeBox schema (pipeline/api/schemas), the one definition of the API's shapes: the dashboard reads the
// fields by the names the server sends, with no renaming layer (tests/dashboard/api-types.test.ts keeps it so).
import { getJson, getPage, getRows, post, setCsrfToken } from './client.ts';
import type * as A from '../../../pipeline/api/schemas/auth.ts';
import type * as D from '../../../pipeline/api/schemas/data.ts';
import type * as DR from '../../../pipeline/api/schemas/disclosure-reports.ts';
import type * as F from '../../../pipeline/api/schemas/flags.ts';
import type * as I from '../../../pipeline/api/schemas/indicators.ts';
import type * as IN from '../../../pipeline/api/schemas/inspectors.ts';
import type * as J from '../../../pipeline/api/schemas/jobs.ts';
import type * as M from '../../../pipeline/api/schemas/meta.ts';
import type * as R from '../../../pipeline/api/schemas/regions.ts';
import type * as UC from '../../../pipeline/api/schemas/upload-check.ts';
import type * as RK from '../../../pipeline/api/schemas/risk.ts';
import type * as SC from '../../../pipeline/api/schemas/spotchecks.ts';
import type * as U from '../../../pipeline/api/schemas/users.ts';
import type * as W from '../../../pipeline/api/schemas/watchlist.ts';

export type { Role, User, Session } from '../../../pipeline/api/schemas/auth.ts';
export type { LoadRow, RejectRow, FreshnessRow, UploadResult } from '../../../pipeline/api/schemas/data.ts';
export type { DisclosureReport } from '../../../pipeline/api/schemas/disclosure-reports.ts';
export type {
  FlagRow,
  FlagDetail,
  FlagNumbers,
  NewestFlag,
  RegionFlag,
  EvidenceRow,
  EvidenceRef,
  SourceRecord,
  TriageRecord,
} from '../../../pipeline/api/schemas/flags.ts';
export type { IndicatorRow, TrendRow, MetricStatus } from '../../../pipeline/api/schemas/indicators.ts';
export type { Inspector, RegisterRow } from '../../../pipeline/api/schemas/inspectors.ts';
export type {
  JobRun,
  JobSchedule,
  JobsOverview,
  ExportPackage,
  NewExportPackage,
  JobDetails,
} from '../../../pipeline/api/schemas/jobs.ts';
export type { Meta, Metric, FiguresStatus, Overview, Headline, CountRow } from '../../../pipeline/api/schemas/meta.ts';
export type { RegionRow, RegionDetail, RegionMetric } from '../../../pipeline/api/schemas/regions.ts';
export type { UploadCheck, CheckedReject } from '../../../pipeline/api/schemas/upload-check.ts';
export type { RiskQueue, RiskRow, RiskReason, RiskTier } from '../../../pipeline/api/schemas/risk.ts';
export type {
  DrawRow,
  Certificate,
  Finding,
  Verification,
  SelectedRegion,
} from '../../../pipeline/api/schemas/spotchecks.ts';
export type { Account } from '../../../pipeline/api/schemas/users.ts';
export type {
  WatchEntryRow,
  WatchEntry,
  WatchHistoryRow,
  WatchEvidence,
  WatchSourceRecord,
  WatchReason,
  WatchAttachedFlag,
} from '../../../pipeline/api/schemas/watchlist.ts';
export { ApiError, setCsrfToken, decodeArrow, onSessionEnded } from './client.ts';

/** Triage decisions and states, as the flag route schemas define them. */
export type TriageDecision = F.TriageRecord['decision'];
export type TriageState = F.TriageRecord['state'];
/** The risk queue's filters of the flag list (GET /api/flags), in the route's own query names. */
export type FlagFilters = Partial<Omit<F.FlagsQuery, 'limit' | 'offset' | 'format' | 'all_years' | 'status'>>;

const path = (...parts: Array<string | number>) => parts.map((p) => encodeURIComponent(String(p))).join('/');

export const api = {
  async login(username: string, password: string) {
    const s = await post<A.Session>('/auth/login', { username, password });
    setCsrfToken(s.csrf_token);
    return s;
  },
  /** Whether the browser holds a live session: public and always 200, so the login page probes without an error. */
  async session() {
    const s = await getJson<A.SessionProbe>('/auth/session');
    setCsrfToken(s.authenticated ? s.csrf_token : null);
    return s;
  },
  async logout() {
    await post<U.Ok>('/auth/logout', {});
    setCsrfToken(null);
  },
  changePassword: (current: string, password: string) => post<U.Ok>('/auth/password', { current, password }),
  meta: () => getJson<M.Meta>('/meta'),
  figures: () => getJson<M.FiguresStatus>('/figures'),
  overview: (year?: number) => getJson<M.Overview>('/overview', { year }),
  indicator: (metric: string, year?: number) => getRows<I.IndicatorRow>(`/indicators/${path(metric)}`, { year }),
  indicatorTrend: (metric: string) => getRows<I.TrendRow>(`/indicators/${path(metric)}/trend`),
  regions: (year?: number, opts: { province?: string; all?: boolean } = {}) =>
    getRows<R.RegionRow>('/regions', {
      year,
      province: opts.province || undefined,
      scope: opts.all ? 'all' : undefined,
    }),
  region: (code: string, year?: number) => getJson<R.RegionDetail>(`/regions/${path(code)}`, { year }),
  flags: (p: Pick<F.FlagsQuery, 'year' | 'region'> & Partial<Pick<F.FlagsQuery, 'status' | 'all_years' | 'limit'>>) =>
    getRows<F.FlagRow>('/flags', p),
  /** A page of the flag list with the risk queue's filters, and how many flags match in all. */
  flagPage: (p: FlagFilters & Pick<F.FlagsQuery, 'limit' | 'offset'>) =>
    getPage<F.FlagRow>('/flags', { ...p, format: undefined }),
  triage: (id: string, decision: TriageDecision, reason?: string) =>
    post<F.TriageRecord>(`/flags/${path(id)}/triage`, { decision, reason }),
  risk: (year: number, scope: RK.RiskQueue['scope'] = 'designated') =>
    getJson<RK.RiskQueue>('/risk', { year, scope, limit: 5000 }),
  flag: (id: string) => getJson<F.FlagDetail>(`/flags/${path(id)}`),
  record: (dataset: string, loadId: string | number, line: number) =>
    getJson<F.SourceRecord>(`/records/${path(dataset, loadId, line)}`),
  spotchecks: () => getRows<SC.DrawRow>('/spotchecks'),
  spotcheck: (id: string | number) => getJson<SC.Certificate>(`/spotchecks/${path(id)}`),
  freeze: (body: SC.FreezeBody) => post<SC.FrozenPool>('/spotchecks/freeze', body),
  draw: (id: string | number, body: SC.DrawBody) => post<SC.DrawRecord>(`/spotchecks/${path(id)}/draw`, body),
  verify: (id: string | number) => post<SC.Verification>(`/spotchecks/${path(id)}/verify`, {}),
  commit: (id: string | number) => post<SC.DrawRecord>(`/spotchecks/${path(id)}/commit`),
  findings: (year?: number) => getRows<SC.Finding>('/spotchecks/findings', { year }),
  /** A draw's public file (pool, strata) as a download link; the session cookie goes with it. */
  spotcheckFileUrl: (id: string | number, name: string) => `/api/spotchecks/${path(id)}/files/${path(name)}`,
  watchlist: () => getRows<W.WatchEntryRow>('/watchlist'),
  watch: (id: string) => getJson<W.WatchEntry>(`/watchlist/${path(id)}`),
  setWatchStatus: (id: string | number, status: W.SetStatusBody['status'], note: string) =>
    post<W.WatchEntry>(`/watchlist/${path(id)}/status`, { status, note }),
  addWatch: (body: W.AddBody) => post<W.WatchEntry>('/watchlist', body),
  watchlistOf: (region: string) => getRows<W.WatchEntryRow>('/watchlist', { region }),
  users: () => getJson<U.Account[]>('/users'),
  addUser: (body: U.AddUserBody) => post<U.NewAccount>('/users', body),
  disableUser: (name: string) => post<U.Ok>(`/users/${path(name)}/disable`),
  enableUser: (name: string) => post<U.Ok>(`/users/${path(name)}/enable`),
  resetPassword: (name: string) => post<U.NewPassword>(`/users/${path(name)}/password`),
  setProvince: (name: string, province_code: string) => post<U.Ok>(`/users/${path(name)}/province`, { province_code }),
  inspectors: (year?: number) => getJson<IN.RegisterRow[]>('/inspectors', { year }),
  importInspectors: (csv: string, file_name: string) => post<IN.ImportResult>('/inspectors/import', { csv, file_name }),
  updateInspector: (id: string, change: IN.InspectorChange) => post<IN.Inspector>(`/inspectors/${path(id)}`, change),
  loads: () => getRows<D.LoadRow>('/data/loads'),
  rejects: (load?: string | number) => getRows<D.RejectRow>('/data/rejects', { load }),
  freshness: () => getRows<D.FreshnessRow>('/data/freshness'),
  disclosureReports: (p: { year?: number; region?: string; balanced?: boolean }) =>
    getRows<DR.DisclosureReport>('/disclosure-reports', {
      year: p.year,
      region: p.region,
      balanced: p.balanced === undefined ? undefined : String(p.balanced),
    }),
  jobs: () => getJson<J.JobsOverview>('/jobs'),
  runJob: (id: string) => post<J.RunStarted>(`/jobs/${path(id)}/run`),
  ackRun: (runId: number) => post<J.JobRun>(`/jobs/runs/${runId}/ack`),
  exports: () => getJson<J.ExportPackage[]>('/exports'),
  createExport: (quarter: string, rebuild = false) =>
    post<J.NewExportPackage>('/exports', rebuild ? { quarter, rebuild } : { quarter }),
  /** The download address of one file of a package (a plain link: the session cookie goes with it). */
  exportFileUrl: (quarter: string, file: string) => `/api/exports/${path(quarter, file)}`,
  /** What the server would load and reject of a file, without loading it (the upload page's preview). */
  checkUpload: (file: File, dataset?: string) => {
    const form = new FormData();
    if (dataset) form.append('dataset', dataset);
    form.append('file', file);
    return post<UC.UploadCheck>('/upload/check', form);
  },
  /** The download address of a dataset's fill-in template (a plain link: the session cookie goes with it). */
  templateUrl: (file: string) => `/api/templates/${path(file)}`,
  upload: (file: File, dataset?: string) => {
    const form = new FormData();
    if (dataset) form.append('dataset', dataset);
    form.append('file', file);
    return post<D.UploadResult>('/upload', form);
  },
};
