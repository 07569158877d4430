// The naming round's data hooks and the shapes the /api/naming routes answer with (pipeline/naming), kept in this
// feature until the shared route-schema types cover them.
import { getJson, post } from '../../api/client.ts';
import { useQuery } from '../../api/useQuery.ts';
import type { ContradictionMetric } from '../../../../pipeline/vocabulary/naming-messages.ts';

export interface TimetableStep {
  step: string;
  due: string;
  workdays: number | null;
  provisional: boolean;
  state?: 'done' | 'overdue' | 'open';
}
export interface Round {
  round_id: string;
  batch: number;
  year: number;
  title: string;
  data_from: number;
  data_to: number;
  bar: number;
  notice_workdays: number;
  field_check_rule: { rule: 'top_k'; k: number } | { rule: 'threshold'; min: number };
  method: { weights: Record<string, number>; draws: number; coverage: number };
  timetable: TimetableStep[];
}
export interface RoundStatus {
  round: Round;
  today: string;
  counts: Record<string, number>;
  steps: TimetableStep[];
}
export interface EvidenceRow {
  dataset: string;
  record_id: string;
  file_name: string | null;
  line: number | null;
}
export interface Contradiction {
  region_code: string;
  region_name: string;
  year: number;
  indicator_no: number;
  kind: string;
  claimed_value: number | null;
  metrics: ContradictionMetric[];
  evidence: EvidenceRow[];
  evidence_count: number;
}
export interface ApplicantItem {
  item: string;
  indicator_no: number | null;
  data_status: string;
  claimed_status: string | null;
  claimed_value: number | null;
  metrics: { metric_id: string; name_zh: string; unit: string; value: number | null; status: string }[];
}
export interface Scorecard {
  region_code: string;
  region_name: string;
  province_code: string;
  kind: string;
  field: string | null;
  project_name: string | null;
  conformance: number | null;
  meets_bar: boolean | null;
  years: { year: number; items_met: number | null; items_assessed: number | null; provisional: boolean | null }[];
  items: ApplicantItem[];
  contradictions: Contradiction[];
  field_position: {
    metric_id: string;
    name_zh: string | null;
    value: number | null;
    unit: string | null;
    percentile: number | null;
    funnel_position: string | null;
  }[];
}
export interface Ranked {
  rank: number | null;
  region_code: string;
  region_name: string;
  province_code: string;
  kind: string;
  recommended: boolean | null;
  conformance: number | null;
  contradictions: number;
  third_party: number | null;
  satisfaction: number | null;
  satisfaction_ci: [number, number] | null;
  score: number | null;
  rank_interval: [number, number] | null;
  unranked_reason: string | null;
  field_check: boolean;
}
export interface FieldCheck {
  list: {
    list_id: number;
    made_at: string;
    made_by: string;
    inputs_sha256: string;
    regions: string[];
    size: number;
  } | null;
  verification: { inputs_intact: boolean; reproduces: boolean; inputs_current: boolean } | null;
  results: {
    region_code: string;
    region_name: string;
    kind: string;
    checked: number;
    confirmed: number;
    share: number | null;
  }[];
}
export interface Candidates {
  notice: { starts_on: string; ends_on: string; workdays: number; provisional: boolean; medium: string | null } | null;
  candidates: {
    region_code: string;
    region_name: string;
    kind: string;
    basis: string;
    objections: number;
    objections_pending: number;
    decision: string | null;
    decision_reason: string | null;
    decided_on: string | null;
  }[];
  objections: {
    objection_id: string;
    region_code: string;
    region_name: string | null;
    received_on: string;
    summary: string;
    handling: string;
    handled_on: string | null;
    file_name: string | null;
    line: number | null;
  }[];
}

export interface ReportRow {
  region_code: string;
  region_name: string | null;
  file_name: string;
  bytes: number;
  sha256: string;
  loaded_at: string;
}

const base = (round: string) => `/naming/rounds/${encodeURIComponent(round)}`;

export const namingApi = {
  rounds: () => getJson<Round[]>('/naming/rounds'),
  status: (round: string) => getJson<RoundStatus>(base(round)),
  applicants: (round: string) => getJson<Scorecard[]>(`${base(round)}/applicants`),
  ranking: (round: string) => getJson<Ranked[]>(`${base(round)}/ranking`),
  fieldCheck: (round: string) => getJson<FieldCheck>(`${base(round)}/field-check`),
  candidates: (round: string) => getJson<Candidates>(`${base(round)}/candidates`),
  reports: (round: string, search: string) =>
    getJson<ReportRow[]>(`${base(round)}/reports`, search ? { search } : undefined),
  makeFieldCheck: (round: string) => post(`${base(round)}/field-check`, {}),
  addCandidates: (round: string, regions: string[]) => post(`${base(round)}/candidates`, { regions }),
  notice: (round: string, starts_on: string, medium: string) => post(`${base(round)}/notice`, { starts_on, medium }),
  decide: (round: string, body: { region_code: string; decision: string; reason: string; decided_on: string }) =>
    post(`${base(round)}/decisions`, body),
  exports: (round: string) =>
    getJson<{ manifest_sha256: string | null; files: { name: string; bytes: number; sha256: string }[] }>(
      `${base(round)}/export`,
    ),
  makeExport: (round: string) => post<{ manifest_sha256: string; pdf: string }>(`${base(round)}/export`, {}),
  exportUrl: (round: string, file: string) => `/api${base(round)}/export/${file}`,
};

export const useRounds = () => useQuery([], () => namingApi.rounds());
export const useRoundStatus = (r: string | undefined) => useQuery([r], () => namingApi.status(r!), r != null);
export const useApplicants = (r: string | undefined) => useQuery([r], () => namingApi.applicants(r!), r != null);
export const useRanking = (r: string | undefined) => useQuery([r], () => namingApi.ranking(r!), r != null);
export const useFieldCheck = (r: string | undefined) => useQuery([r], () => namingApi.fieldCheck(r!), r != null);
export const useCandidates = (r: string | undefined) => useQuery([r], () => namingApi.candidates(r!), r != null);
export const useExports = (r: string, enabled: boolean) => useQuery([r], () => namingApi.exports(r), enabled);
export const useReports = (r: string, search: string) => useQuery([r, search], () => namingApi.reports(r, search));
