// The naming round's data hooks. The answers' types are Static<> of the /api/naming route schemas
// (pipeline/api/schemas/naming.ts), the one definition of their shapes.
import { getJson, post } from '../../api/client.ts';
import { useQuery } from '../../api/useQuery.ts';
import type * as N from '../../../../pipeline/api/schemas/naming.ts';

export type {
  ApplicantItem,
  Candidates,
  Contradiction,
  DecisionBody,
  FieldCheck,
  NamingEvidence as EvidenceRow,
  Ranked,
  ReportRow,
  Round,
  RoundStatus,
  Scorecard,
  TimetableStep,
} from '../../../../pipeline/api/schemas/naming.ts';

const base = (round: string) => `/naming/rounds/${encodeURIComponent(round)}`;

export const namingApi = {
  rounds: () => getJson<N.Round[]>('/naming/rounds'),
  status: (round: string) => getJson<N.RoundStatus>(base(round)),
  applicants: (round: string) => getJson<N.Scorecard[]>(`${base(round)}/applicants`),
  ranking: (round: string) => getJson<N.Ranked[]>(`${base(round)}/ranking`),
  fieldCheck: (round: string) => getJson<N.FieldCheck>(`${base(round)}/field-check`),
  candidates: (round: string) => getJson<N.Candidates>(`${base(round)}/candidates`),
  reports: (round: string, search: string) =>
    getJson<N.ReportRow[]>(`${base(round)}/reports`, search ? { search } : undefined),
  makeFieldCheck: (round: string) => post<N.NewFieldCheckList>(`${base(round)}/field-check`, {}),
  addCandidates: (round: string, regions: string[]) =>
    post<N.AddedCandidates>(`${base(round)}/candidates`, { regions }),
  notice: (round: string, starts_on: string, medium: string) =>
    post<N.Notice>(`${base(round)}/notice`, { starts_on, medium }),
  decide: (round: string, body: N.DecisionBody) => post<N.Decision>(`${base(round)}/decisions`, body),
  /** What of the round's exports is written (none before the first export): links are shown only for these. */
  exports: (round: string) => getJson<N.RoundExportStatus>(`${base(round)}/export`),
  makeExport: (round: string) => post<N.RoundExport>(`${base(round)}/export`, {}),
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
