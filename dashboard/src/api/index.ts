// The dashboard's API surface: one function per endpoint, all through client.ts.
import { getJson, getPage, getRows, post, setCsrfToken } from './client.ts';
import type * as T from './types.ts';
// Response shapes defined once, by the API's route schemas (TypeBox): the types are Static<> of them.
import type * as W from '../../../pipeline/api/schemas/watchlist.ts';
import type * as F from '../../../pipeline/api/schemas/flags.ts';
import type * as R from '../../../pipeline/api/schemas/regions.ts';
import type { UploadCheck } from '../../../pipeline/api/schemas/upload-check.ts';

export * from './types.ts';
export type { WatchEntryRow, WatchEntry, WatchHistoryRow } from '../../../pipeline/api/schemas/watchlist.ts';
export type {
  FlagRow,
  FlagDetail,
  NewestFlag,
  RegionFlag,
  EvidenceRow,
  TriageRecord,
} from '../../../pipeline/api/schemas/flags.ts';
export type { RegionRow, RegionDetail, RegionMetric } from '../../../pipeline/api/schemas/regions.ts';
export type { UploadCheck, CheckedReject } from '../../../pipeline/api/schemas/upload-check.ts';
export { ApiError, setCsrfToken, decodeArrow } from './client.ts';

export const api = {
  async login(username: string, password: string) {
    const s = await post<T.Session>('/auth/login', { username, password });
    setCsrfToken(s.csrf_token);
    return s;
  },
  async me() {
    const s = await getJson<T.Session>('/auth/me');
    setCsrfToken(s.csrf_token ?? null);
    return s;
  },
  async logout() {
    await post('/auth/logout', {});
    setCsrfToken(null);
  },
  meta: () => getJson<T.Meta>('/meta'),
  figures: () => getJson<T.FiguresStatus>('/figures'),
  overview: (year?: number) => getJson<T.Overview>('/overview', { year }),
  indicator: (metric: string, year?: number) =>
    getRows<T.IndicatorRow>(`/indicators/${encodeURIComponent(metric)}`, { year }),
  indicatorTrend: (metric: string) => getRows<T.TrendRow>(`/indicators/${encodeURIComponent(metric)}/trend`),
  regions: (year?: number, opts: { province?: string; all?: boolean } = {}) =>
    getRows<R.RegionRow>('/regions', {
      year,
      province: opts.province || undefined,
      scope: opts.all ? 'all' : undefined,
    }),
  region: (code: string, year?: number) => getJson<R.RegionDetail>(`/regions/${encodeURIComponent(code)}`, { year }),
  flags: (p: {
    year?: number;
    region?: string;
    status?: 'active' | 'resolved' | 'all';
    all_years?: boolean;
    limit?: number;
  }) => getRows<F.FlagRow>('/flags', p),
  /** A page of the flag list with the risk queue's filters, and how many flags match in all. */
  flagPage: (p: T.FlagFilters & { limit: number; offset: number }) =>
    getPage<F.FlagRow>('/flags', { ...p, format: undefined }),
  triage: (id: string, decision: F.TriageRecord['decision'], reason?: string) =>
    post<F.TriageRecord>(`/flags/${encodeURIComponent(id)}/triage`, { decision, reason }),
  risk: (year: number, scope: 'designated' | 'monitored' = 'designated') =>
    getJson<T.RiskQueue>('/risk', { year, scope, limit: 5000 }),
  flag: (id: string) => getJson<F.FlagDetail>(`/flags/${encodeURIComponent(id)}`),
  record: (dataset: string, loadId: string | number, line: number) =>
    getJson<Record<string, unknown>>(
      `/records/${encodeURIComponent(dataset)}/${encodeURIComponent(String(loadId))}/${line}`,
    ),
  spotchecks: async () => (await getRows<T.SpotcheckRow>('/spotchecks')).map(normaliseDraw),
  spotcheck: async (id: string | number) =>
    normaliseCertificate(await getJson<T.Certificate>(`/spotchecks/${encodeURIComponent(String(id))}`)),
  freeze: (body: { year: number; strata?: string; exclude?: string[] }) =>
    post<Record<string, unknown>>('/spotchecks/freeze', body),
  draw: (id: string | number, body: { seed: string; proportion?: string; count?: number }) =>
    post<Record<string, unknown>>(`/spotchecks/${encodeURIComponent(String(id))}/draw`, body),
  verify: (id: string | number) =>
    post<Record<string, unknown>>(`/spotchecks/${encodeURIComponent(String(id))}/verify`, {}),
  findings: (year?: number) => getRows<Record<string, unknown>>('/spotchecks/findings', { year }),
  watchlist: () => getRows<W.WatchEntryRow>('/watchlist'),
  watch: (id: string) => getJson<W.WatchEntry>(`/watchlist/${encodeURIComponent(id)}`),
  setWatchStatus: (id: string | number, status: string, note: string) =>
    post<W.WatchEntry>(`/watchlist/${encodeURIComponent(String(id))}/status`, { status, note }),
  addWatch: (body: W.AddBody) => post<W.WatchEntry>('/watchlist', body),
  watchlistOf: (region: string) => getRows<W.WatchEntryRow>('/watchlist', { region }),
  commit: (id: string | number) =>
    post<Record<string, unknown>>(`/spotchecks/${encodeURIComponent(String(id))}/commit`),
  /** A draw's public file (pool, strata) as a download link; the session cookie goes with it. */
  spotcheckFileUrl: (id: string | number, name: string) =>
    `/api/spotchecks/${encodeURIComponent(String(id))}/files/${encodeURIComponent(name)}`,
  users: () => getJson<T.Account[]>('/users'),
  addUser: (body: { username: string; role: string; province_code: string | null }) =>
    post<{ user: T.User; password: string }>('/users', body),
  disableUser: (name: string) => post<{ ok: boolean }>(`/users/${encodeURIComponent(name)}/disable`),
  enableUser: (name: string) => post<{ ok: boolean }>(`/users/${encodeURIComponent(name)}/enable`),
  resetPassword: (name: string) =>
    post<{ username: string; password: string }>(`/users/${encodeURIComponent(name)}/password`),
  setProvince: (name: string, province_code: string) =>
    post<{ ok: boolean }>(`/users/${encodeURIComponent(name)}/province`, { province_code }),
  inspectors: (year?: number) => getJson<T.Inspector[]>('/inspectors', { year }),
  importInspectors: (csv: string, file_name: string) =>
    post<{ file: string; imported: number; total_active: number }>('/inspectors/import', { csv, file_name }),
  updateInspector: (id: string, change: { load_cap?: number; active?: boolean }) =>
    post<T.Inspector>(`/inspectors/${encodeURIComponent(id)}`, change),
  loads: () => getRows<Record<string, unknown>>('/data/loads'),
  rejects: (load?: string | number) => getRows<Record<string, unknown>>('/data/rejects', { load }),
  freshness: () => getRows<Record<string, unknown>>('/data/freshness'),
  disclosureReports: (p: { year?: number; region?: string; balanced?: boolean }) =>
    getRows<Record<string, unknown>>('/disclosure-reports', {
      year: p.year,
      region: p.region,
      balanced: p.balanced === undefined ? undefined : String(p.balanced),
    }),
  jobs: () => getJson<T.JobsOverview>('/jobs'),
  runJob: (id: string) =>
    post<{ run_id: number; job_id: string; status: string }>(`/jobs/${encodeURIComponent(id)}/run`),
  ackRun: (runId: number) => post<T.JobRun>(`/jobs/runs/${runId}/ack`),
  exports: () => getJson<T.ExportPackage[]>('/exports'),
  createExport: (quarter: string) => post<T.ExportPackage>('/exports', { quarter }),
  /** The download address of one file of a package (a plain link: the session cookie goes with it). */
  exportFileUrl: (quarter: string, file: string) =>
    `/api/exports/${encodeURIComponent(quarter)}/${encodeURIComponent(file)}`,
  /** What the server would load and reject of a file, without loading it (the upload page's preview). */
  checkUpload: (file: File, dataset?: string) => {
    const form = new FormData();
    if (dataset) form.append('dataset', dataset);
    form.append('file', file);
    return post<UploadCheck>('/upload/check', form);
  },
  upload: (file: File, dataset?: string) => {
    const form = new FormData();
    if (dataset) form.append('dataset', dataset);
    form.append('file', file);
    return post<T.UploadResult>('/upload', form);
  },
};

// The draw tables call their id `draw_id` and their status `state`; the dashboard uses id / status.
function normaliseDraw(r: T.SpotcheckRow): T.SpotcheckRow {
  return {
    ...r,
    id: r.id ?? (r as { draw_id?: number }).draw_id!,
    status: r.status ?? (r as { state?: string }).state ?? '',
  };
}
function normaliseCertificate(c: T.Certificate): T.Certificate {
  const pool = c.pool as { sha256?: string; size?: number } | undefined;
  return {
    ...c,
    id: c.id ?? (c.draw_id as number),
    pool_sha256: c.pool_sha256 ?? pool?.sha256 ?? '',
    seed: c.seed ?? null,
    selected: c.selected ?? [],
  };
}
/** The id a freeze answer names, whatever its shape. */
export function drawIdOf(r: Record<string, unknown>): string {
  const d = (r.draw ?? r.certificate ?? r) as Record<string, unknown>;
  return String(d.id ?? d.draw_id ?? '');
}
