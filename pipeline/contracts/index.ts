// The registry of dataset contracts, in DATA.md order.
import type { DatasetContract } from './types.ts';
import { regions } from './regions.ts';
import { annualReports } from './annual-reports.ts';
import { selfAssessments } from './self-assessments.ts';
import { enforcementDecisions } from './enforcement-decisions.ts';
import { enforcementStats } from './enforcement-stats.ts';
import { litigationCases } from './litigation-cases.ts';
import { disclosureRequests } from './disclosure-requests.ts';
import { normativeDocuments } from './normative-documents.ts';
import { incidents } from './incidents.ts';
import { satisfactionSurveys } from './satisfaction-surveys.ts';
import { spotcheckFindings } from './spotcheck-findings.ts';
import { nationalBenchmarks } from './national-benchmarks.ts';
import { disclosureAnnualReports } from './disclosure-annual-reports.ts';
import { namingApplications } from './naming-applications.ts';
import { namingSelfAssessments } from './naming-self-assessments.ts';
import { namingPrereviews } from './naming-prereviews.ts';
import { namingThirdParty } from './naming-third-party.ts';
import { namingSatisfaction } from './naming-satisfaction.ts';
import { namingFieldChecks } from './naming-field-checks.ts';
import { namingObjections } from './naming-objections.ts';

export * from './types.ts';
export { NAMING_FIELDS, ROUND_ID_PATTERN } from './naming-fields.ts';
export * from './disclosure-report-template.ts';

/** Every dataset, in the order the command line, the templates and the load order list them. A contract by itself is
 *  imported from its own file (`contracts/enforcement-decisions.ts`), so this is the one list of them. */
export const datasets: readonly DatasetContract[] = [
  regions,
  annualReports,
  selfAssessments,
  enforcementDecisions,
  enforcementStats,
  litigationCases,
  disclosureRequests,
  normativeDocuments,
  incidents,
  satisfactionSurveys,
  spotcheckFindings,
  nationalBenchmarks,
  disclosureAnnualReports,
  // the naming round (认定程序, pipeline/naming)
  namingApplications,
  namingSelfAssessments,
  namingPrereviews,
  namingThirdParty,
  namingSatisfaction,
  namingFieldChecks,
  namingObjections,
];

export function datasetByName(name: string): DatasetContract {
  const found = datasets.find((d) => d.name === name);
  if (!found) throw new Error(`unknown dataset "${name}"; known datasets: ${datasets.map((d) => d.name).join(', ')}`);
  return found;
}
