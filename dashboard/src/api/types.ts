// Shapes of the API's answers not yet defined by a TypeBox route schema (flags and the watchlist are: their types
// are Static<> of pipeline/api/schemas/*). Optional fields are those the server may omit.
import type { NewestFlag } from '../../../pipeline/api/schemas/flags.ts';
export type Role = 'admin' | 'central' | 'provincial';
export interface User {
  username: string;
  role: Role;
  province_code: string | null;
}
export interface Session {
  user: User;
  csrf_token: string;
}

export type Status = 'met' | 'not_met' | 'no_data';

export interface Metric {
  id: string;
  indicator_no: number | null;
  area: number | string;
  name_zh: string;
  name_en: string;
  unit: string;
  direction: 'higher' | 'lower' | 'equal';
  funnel: boolean;
}
export interface Meta {
  years: number[];
  latest_year: number;
  provinces: { code: string; name: string }[];
  metrics: Metric[];
  batches: { batch: number; regions: number }[];
  as_of: string | null;
  last_refresh: string | null;
  weights_note?: string | null;
  /** Indicator-system versions and the first year each judges (trends mark the changes). */
  systems?: { version: string; label: string; from: number }[];
}

export interface CountRow {
  key?: string | number;
  batch?: string | number;
  designation?: string;
  level?: string;
  count: number;
  [k: string]: unknown;
}
/** The year's headline over the regions in their designation term (sql/indicators/results/year_counts.sql). */
export interface Headline {
  year: number;
  regions: number;
  met: number;
  not_met: number;
  not_judged: number;
  high_flags: number;
  high_regions: number;
  watchlist_regions: number;
}
export interface Overview {
  headline: Headline | null;
  regions_by: { batch: CountRow[]; designation: CountRow[]; level: CountRow[] };
  conformance_hist: { bucket: number | string; count: number }[];
  national_trends: { year: number; metric_id: string; value: number | null }[];
  newest_flags: NewestFlag[];
  reports_outstanding: { region_code: string; region_name: string; report_year: number; status: string }[];
}

export interface IndicatorRow {
  region_code: string;
  region_name: string;
  province_code: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  threshold: number | null;
  status: Status;
  provisional: boolean;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  target: number | null;
  position: string | null;
}
export interface TrendRow {
  year: number;
  regions: number;
  met: number;
  not_met: number;
  no_data: number;
  median: number | null;
  p10: number | null;
  p90: number | null;
}

/** Triage decisions and states, as the flag route schemas define them. */
import type { TriageRecord } from '../../../pipeline/api/schemas/flags.ts';
export type TriageDecision = TriageRecord['decision'];
export type TriageState = TriageRecord['state'];
/** The flag list's filters (GET /api/flags), the risk queue's filters in the server's names. */
export interface FlagFilters {
  year?: number;
  region?: string;
  severity?: string;
  rule?: string;
  only_province?: string;
  designation?: string;
  batch?: number;
  level?: string;
  triage?: string;
  region_status?: string;
  scope?: 'designated' | 'all';
}
export type RiskTier = 'grounds' | 'breach' | 'review' | 'watch' | 'clear';
export interface RiskReason {
  rule: string;
  flag_id: string | null;
  entry_id: string | null;
  points: number;
  /** What the reason rests on (codes and figures); the vocabulary's renderRiskReason words it. */
  params: Record<string, unknown>;
  text: string;
}
export interface RiskRow {
  rank: number;
  region_code: string;
  region_name: string | null;
  score: number;
  tier: RiskTier;
  rank_low: number;
  rank_high: number;
  reasons: RiskReason[];
}
export interface RiskQueue {
  year: number;
  scope: 'designated' | 'monitored';
  as_of: string | null;
  complete: boolean;
  total: number;
  rows: RiskRow[];
}
/** Evidence as flags (FlagDetail.evidence) and watchlist entries (their evidence JSON) carry it. */
export interface Evidence {
  dataset: string;
  record_id?: string | number | null;
  file?: string | null;
  file_name?: string | null;
  line?: number | null;
  load_id?: string | number | null;
  [k: string]: unknown;
}

export interface SpotcheckRow {
  id: string | number;
  year: number;
  status: string;
  pool_size?: number;
  pool_sha256?: string;
  seed?: string | null;
  selected?: number;
  [k: string]: unknown;
}
export interface Certificate {
  id?: string | number;
  year?: number;
  protocol: unknown;
  pool: unknown;
  pool_sha256: string;
  seed: string | null;
  selected: {
    region_code: string;
    region_name?: string;
    ticket: string | number;
    stratum?: string;
    inspectors?: unknown;
  }[];
  command?: string;
  [k: string]: unknown;
}

export interface UploadResult {
  result: {
    file: string;
    dataset: string | null;
    status: string;
    loaded: number;
    rejected: number;
    message: string;
    /** the message as a code and its figures (pipeline/vocabulary loadMessage) */
    code?: string;
    params?: Record<string, unknown>;
  };
  rejects: { line: number; column: string | null; code: string; reason: string; raw: string }[];
}

export interface JobSchedule {
  job_id: string;
  cron: string;
  timezone: string;
  workday_filter: string | null;
  enabled: boolean;
  description_zh: string;
  description_en: string;
  next_runs: string[];
  running: boolean;
  provisional_years: number[];
}
export interface JobRun {
  run_id: number;
  job_id: string;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  attempts: number;
  summary: string | null;
  details: unknown;
  error: string | null;
  triggered_by: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}
export interface JobsOverview {
  schedules: JobSchedule[];
  runs: JobRun[];
  unacknowledged: number;
  unacknowledged_runs: JobRun[];
}
export interface ExportPackage {
  quarter: string;
  generated_at: string;
  as_of: string;
  indicator_system_version: string;
  pdf: string;
  zip: string | null;
  zip_bytes: number | null;
  files: { name: string; bytes: number; sha256: string }[];
  message?: string;
}

export interface Account extends User {
  disabled: boolean;
  created_at: string;
  last_login_at: string | null;
  sessions: number;
}
export interface Inspector {
  inspector_id: string;
  name: string;
  home_province_code: string;
  load_cap: number;
  active: boolean;
  load_this_year?: number;
}
/** GET /api/figures: when the figures were computed and whether newer loads wait for the automatic refresh. */
export interface FiguresStatus {
  computed_at: string | null;
  as_of: string | null;
  newest_load_at: string | null;
  loads_waiting: number;
  auto_refresh: 'off' | 'idle' | 'scheduled' | 'running';
  due_at: string | null;
  last_error: string | null;
}
