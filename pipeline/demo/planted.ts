// The planted problems: deliberate, documented defects for later features to find. Which region gets which
// problem is drawn from the seed among synthetic (not sourced) designated regions of batches 2020 and 2022, so the
// sourced names never carry an invented failing. Generators ask the plan for overrides; after generation the
// plan's entries get their measured figures (and, for bad rows, file and line) and become planted.json.
import { stream } from './random.ts';
import { enforcementForms } from './layout.ts';
import type { Region, World } from './world.ts';

export interface PlantedProblem {
  id: string;
  kind: string;
  region_code: string;
  year: number;
  detail: string;
  /** The check that should catch it, e.g. `report.submitted_on_time not_met`, `reject:bad_date`. */
  expect: string;
  /** For kind 'reject': the file (name inside the output folder) and its line (header = 1; XLSX: sheet row). */
  file?: string;
  line?: number;
}

export type RejectCode = 'bad_date' | 'bad_region_code' | 'certified_exceeds_officers' | 'bad_enum' | 'duplicate_key';
export interface RejectSpec {
  id: string;
  code: RejectCode;
  dataset: string;
  region: Region;
  year: number;
}

export const REPORT_YEAR = 2024;

export type ReportPlant = 'unbalanced' | 'contradiction' | 'unresolved';

export interface Plan {
  problems: PlantedProblem[];
  reportMissing: Set<string>;
  /** key → the ISO date the late report was submitted. */
  reportLate: Map<string, string>;
  reportUnpublished: Set<string>;
  /** key → probability that a disclosure request is answered on time. */
  disclosureOnTime: Map<string, number>;
  disclosureVolume: Map<string, number>;
  /** key → loss probability of cases concluded in that region-year. */
  lossRate: Map<string, number>;
  litigationVolume: Map<string, number>;
  /** key → share of the counted litigation losses the annual report states. */
  understatedLost: Map<string, number>;
  /** key → probability that an enforcement decision is published at all. */
  enforcementPublish: Map<string, number>;
  seriousViolation: { region: Region; year: number };
  lateOpinion: { region: Region; year: number };
  rejects: RejectSpec[];
  /** key → what is wrong with the region-year's published disclosure report (disclosure_annual_reports). */
  reportPlants: Map<string, ReportPlant>;
  byId(id: string): PlantedProblem;
  rejectsFor(dataset: string, region: Region, year: number): RejectSpec[];
}

export function key(region: Region | string, year: number): string {
  return `${typeof region === 'string' ? region : region.code}|${year}`;
}

export function makePlan(world: World): Plan {
  const rng = stream(world.seed, 'planted');
  const pool = rng.shuffled(world.regions.filter((r) => !r.named && r.designation !== 'none' && r.batch! <= 2022));
  if (pool.length < 11)
    throw new Error(
      `the demo world has only ${pool.length} synthetic designated regions; 11 are needed to plant problems`,
    );
  const [missing, late1, late2, unpublished, disclosure, lossHigh, lossLow, understated, serious, opinion, collapse] =
    pool;
  const forms = enforcementForms(world);
  const anyRegion = rng.shuffled(world.regions.filter((r) => !r.named));
  const inForm = (form: string) => anyRegion.find((r) => forms.get(r.provinceCode) === form)!;
  const Y = REPORT_YEAR;
  const problems: PlantedProblem[] = [];
  const add = ({
    id,
    kind,
    region_code,
    year,
    detail = '',
    expect,
  }: Omit<PlantedProblem, 'detail'> & { detail?: string }) =>
    problems.push({ id, kind, region_code, year, detail, expect });

  const plan: Plan = {
    problems,
    reportMissing: new Set([key(missing, Y)]),
    reportLate: new Map([
      [key(late1, Y), `${Y + 1}-02-18`],
      [key(late2, Y), `${Y + 1}-03-06`],
    ]),
    reportUnpublished: new Set([key(unpublished, Y)]),
    disclosureOnTime: new Map([
      [key(disclosure, Y - 2), 0.98],
      [key(disclosure, Y - 1), 0.85],
      [key(disclosure, Y), 0.7],
    ]),
    disclosureVolume: new Map([Y - 2, Y - 1, Y].map((y) => [key(disclosure, y), 150])),
    lossRate: new Map([
      [key(lossHigh, Y), 0.35],
      [key(lossLow, Y), 0.02],
      [key(understated, Y), 0.17],
    ]),
    litigationVolume: new Map([
      ...[Y - 1, Y].map((y) => [key(lossHigh, y), 300] as [string, number]),
      ...[Y - 1, Y].map((y) => [key(lossLow, y), 300] as [string, number]),
      ...[Y - 1, Y].map((y) => [key(understated, y), 62] as [string, number]),
    ]),
    understatedLost: new Map([[key(understated, Y), 0.2]]),
    enforcementPublish: new Map([[key(collapse, Y - 1), 0.35]]),
    seriousViolation: { region: serious, year: Y },
    lateOpinion: { region: opinion, year: Y },
    rejects: [
      { id: 'reject-bad-date', code: 'bad_date', dataset: 'litigation_cases', region: anyRegion[0], year: 2023 },
      {
        id: 'reject-bad-region-code',
        code: 'bad_region_code',
        dataset: 'disclosure_requests',
        region: anyRegion[1],
        year: 2024,
      },
      {
        id: 'reject-certified-exceeds-officers',
        code: 'certified_exceeds_officers',
        dataset: 'enforcement_stats',
        region: anyRegion[2],
        year: 2024,
      },
      { id: 'reject-bad-enum', code: 'bad_enum', dataset: 'enforcement_decisions', region: inForm('utf8'), year: 2023 },
      {
        id: 'reject-duplicate-key',
        code: 'duplicate_key',
        dataset: 'enforcement_decisions',
        region: inForm('gbk'),
        year: 2023,
      },
    ],
    reportPlants: new Map(),
    byId(id) {
      const p = problems.find((q) => q.id === id);
      if (!p) throw new Error(`no planted problem ${id}`);
      return p;
    },
    rejectsFor(dataset, region, year) {
      return this.rejects.filter((r) => r.dataset === dataset && r.region === region && r.year === year);
    },
  };

  add({
    id: 'report-missing',
    kind: 'report_missing',
    region_code: missing.code,
    year: Y,
    expect: 'report.submitted_on_time not_met',
    detail: `no annual report row for ${Y} (due ${Y + 1}-01-31), and no self-assessment`,
  });
  add({
    id: 'report-late-1',
    kind: 'report_late',
    region_code: late1.code,
    year: Y,
    expect: 'report.submitted_on_time not_met',
    detail: `annual report for ${Y} submitted ${plan.reportLate.get(key(late1, Y))} (due ${Y + 1}-01-31)`,
  });
  add({
    id: 'report-late-2',
    kind: 'report_late',
    region_code: late2.code,
    year: Y,
    expect: 'report.submitted_on_time not_met',
    detail: `annual report for ${Y} submitted ${plan.reportLate.get(key(late2, Y))} (due ${Y + 1}-01-31)`,
  });
  add({
    id: 'report-unpublished',
    kind: 'report_unpublished',
    region_code: unpublished.code,
    year: Y,
    expect: 'report.published not_met',
    detail: `annual report for ${Y} submitted on time but never published (published_on empty)`,
  });
  add({
    id: 'disclosure-worsening',
    kind: 'disclosure_worsening',
    region_code: disclosure.code,
    year: Y,
    expect: 'flag:worsening disclosure.answered_on_time_rate',
  });
  add({
    id: 'loss-rate-high',
    kind: 'loss_rate_outlier',
    region_code: lossHigh.code,
    year: Y,
    expect: 'flag:funnel_outlier litigation.loss_rate',
  });
  add({
    id: 'loss-rate-low',
    kind: 'loss_rate_outlier',
    region_code: lossLow.code,
    year: Y,
    expect: 'flag:funnel_outlier litigation.loss_rate',
  });
  add({
    id: 'self-report-contradiction',
    kind: 'self_report_contradiction',
    region_code: understated.code,
    year: Y,
    expect: 'flag:self_report_contradiction annual_reports.litigation_lost',
  });
  add({
    id: 'serious-violation',
    kind: 'serious_violation',
    region_code: serious.code,
    year: Y,
    expect: 'watchlist:serious_violation',
  });
  add({
    id: 'public-opinion-late',
    kind: 'public_opinion_late',
    region_code: opinion.code,
    year: Y,
    expect: 'incident.public_opinion_response not_met (indicator 82)',
  });
  add({
    id: 'enforcement-publication-collapse',
    kind: 'enforcement_publication_collapse',
    region_code: collapse.code,
    year: Y - 1,
    expect: 'flag:sudden_drop enforcement.published_on_time_rate',
  });
  for (const r of plan.rejects) {
    add({
      id: r.id,
      kind: 'reject',
      region_code: r.region.code,
      year: r.year,
      expect: `reject:${r.code}`,
      detail: REJECT_DETAIL[r.code],
    });
  }
  plantReports(world, plan, add);
  return plan;
}

/** Published disclosure reports: two that fail the template's balance check, two whose penalty count contradicts
 *  the case-level data, one whose publisher names no division. Drawn from their own stream, so the problems
 *  above stay where they were. */
function plantReports(
  world: World,
  plan: Plan,
  add: (p: Omit<PlantedProblem, 'detail'> & { detail?: string }) => void,
): void {
  const pool = stream(world.seed, 'planted-reports').shuffled(
    world.regions.filter((r) => !r.named && r.designation !== 'none'),
  );
  const Y = REPORT_YEAR;
  const plants: Array<[ReportPlant, Region, string, string]> = [
    [
      'unbalanced',
      pool[0],
      'flag:disclosure_report_unbalanced disclosure_annual_reports.balanced',
      '（七）总计 of section 三 overstated by 5: 第一项加第二项之和 no longer equals 第三项加第四项之和',
    ],
    [
      'unbalanced',
      pool[1],
      'flag:disclosure_report_unbalanced disclosure_annual_reports.balanced',
      '（七）总计 of section 三 overstated by 5: 第一项加第二项之和 no longer equals 第三项加第四项之和',
    ],
    [
      'contradiction',
      pool[2],
      'flag:disclosure_report_contradiction disclosure_annual_reports.penalties',
      'the report states 1.8× + 20 the penalty decisions the case-level data hold for the year',
    ],
    [
      'contradiction',
      pool[3],
      'flag:disclosure_report_contradiction disclosure_annual_reports.penalties',
      'the report states 1.8× + 20 the penalty decisions the case-level data hold for the year',
    ],
    [
      'unresolved',
      pool[4],
      'reject:unresolved_publisher',
      'published under a development-zone committee whose name holds no division name',
    ],
  ];
  plants.forEach(([plant, region, expect, detail], i) => {
    plan.reportPlants.set(key(region, Y), plant);
    add({
      id: `disclosure-report-${plant}-${i + 1}`,
      kind: `disclosure_report_${plant}`,
      region_code: region.code,
      year: Y,
      expect,
      detail,
    });
  });
}

const REJECT_DETAIL: Record<RejectCode, string> = {
  bad_date: 'a litigation case filed on 2023年2月30日 (no such day)',
  bad_region_code: 'a disclosure request whose region_code lost its last digit (5 digits)',
  certified_exceeds_officers: 'an agency reporting more certified officers than officers',
  bad_enum: 'an enforcement decision with action_type 行政奖励 (not an allowed value)',
  duplicate_key: 'an enforcement decision repeating the case_id of the row before it (the later row is the reject)',
};
