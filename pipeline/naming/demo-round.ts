// The demo's naming round: the fourth batch (2026), whose applicants are the demo world's monitored and single-item
// regions. It is written after the demo's files are loaded and refreshed, because an honest applicant's
// self-assessment is what its own data say: every claim of an honest applicant matches the computed indicators, and
// only the planted ones contradict them. The round's files (applications, self-assessments, pre-reviews,
// third-party scores, satisfaction, field-check findings) go through the ordinary ingest; each applicant's
// self-assessment report is a DOCX, written beside the database (not into the inbox) and loaded with its SHA-256. What is planted is appended to planted.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import type { DatasetContract } from '../contracts/index.ts';
import { namingApplications } from '../contracts/naming-applications.ts';
import { namingFieldChecks } from '../contracts/naming-field-checks.ts';
import { namingPrereviews } from '../contracts/naming-prereviews.ts';
import { namingSatisfaction } from '../contracts/naming-satisfaction.ts';
import { namingSelfAssessments } from '../contracts/naming-self-assessments.ts';
import { namingThirdParty } from '../contracts/naming-third-party.ts';
import { csvText } from '../csv/safe-csv.ts';
import type { Database } from '../db/index.ts';
import { seededRandom } from '../indicators/weight-draws.ts';
import { ingestFile, type IngestResult } from '../load/index.ts';
import { loadApplicationReport } from './report-file.ts';
import { rankRound } from './rank-round.ts';
import { createRound, getRound, queryOf } from './rounds.ts';
import { makeFieldCheckList } from './steps.ts';

export const DEMO_ROUND = {
  round_id: '2026',
  batch: 4,
  year: 2026,
  data_from: 2023,
  data_to: 2024,
  applications_due: '2026-09-30',
} as const;

/** The same shape as the demo's other planted problems (pipeline/demo/planted.ts). */
export interface PlantedNaming {
  id: string;
  kind: string;
  region_code: string;
  year: number;
  detail: string;
  expect: string;
}

export interface DemoRoundResult {
  round_id: string;
  applicants: number;
  files: string[];
  loads: IngestResult[];
  planted: PlantedNaming[];
  field_check_list: string[];
}

interface ValueRow {
  region_code: string;
  indicator_no: number;
  metric_id: string;
  unit: string;
  value: number | null;
  threshold: number | null;
  status: 'met' | 'not_met' | 'no_data';
}

interface Claim {
  region_code: string;
  indicator_no: number;
  status: 'met' | 'not_met' | 'not_applicable';
  metric: string | null;
  claimed_value: number | null;
  note: string | null;
}

const AREAS = [1, 2, 3, 4, 5, 6, 7, 8];
const FIXED = new Date('2026-01-01T00:00:00Z');
const ONE_DECIMAL = (x: number) => Math.round(x * 10) / 10;
const shown = (v: ValueRow) => (v.value === null ? null : v.unit === 'rate' ? v.value * 100 : v.value);

export async function writeDemoRound(
  db: Database,
  options: { seed: number; outDir: string; plantedFile?: string; maxApplicants?: number; reportsDir?: string },
): Promise<DemoRoundResult> {
  const random = seededRandom(options.seed * 7919 + DEMO_ROUND.year);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const shuffled = <T>(xs: T[]): T[] => {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const pool = await db.allFile<{
    region_code: string;
    region_name: string;
    designation: string;
    conformance: number;
  }>('naming/demo_applicants', { year: DEMO_ROUND.data_to });
  const monitored = pool.filter((r) => r.designation === 'none');
  const single = pool.filter((r) => r.designation === 'single');
  const max = options.maxApplicants ?? 16;
  // Regions that believe they meet the bar apply: the likelier the better their own figures (a seeded jitter).
  const likely = <T extends { conformance: number }>(xs: T[]) =>
    xs
      .map((x) => ({ x, key: x.conformance + 0.25 * random() }))
      .sort((a, b) => b.key - a.key)
      .map(({ x }) => x);
  const chosen = [...likely(monitored).slice(0, Math.min(monitored.length, Math.ceil(max / 2))), ...likely(single)]
    .slice(0, max)
    .sort((a, b) => a.region_code.localeCompare(b.region_code));
  if (chosen.length < 8) throw new Error(`the demo world has only ${chosen.length} possible applicants; 8 are needed`);

  const values = await db.allFile<ValueRow>('naming/demo_values', {
    year: DEMO_ROUND.data_to,
    regions: JSON.stringify(chosen.map((c) => c.region_code)),
  });
  const byRegion = new Map<string, ValueRow[]>();
  for (const v of values) byRegion.set(v.region_code, [...(byRegion.get(v.region_code) ?? []), v]);

  // Honest self-assessments: the data's verdict per No. (met when no metric of it is not met), the figure of a No.
  // with one metric as computed (one decimal), and 'met' on the Nos. the data cannot test.
  const claims = new Map<string, Claim[]>();
  for (const a of chosen) {
    const rows = byRegion.get(a.region_code) ?? [];
    const nos = new Map<number, ValueRow[]>();
    for (const v of rows) nos.set(v.indicator_no, [...(nos.get(v.indicator_no) ?? []), v]);
    const list: Claim[] = [];
    for (let no = 1; no <= 100; no++) {
      const vs = nos.get(no);
      if (!vs) {
        list.push({
          region_code: a.region_code,
          indicator_no: no,
          status: 'met',
          metric: null,
          claimed_value: null,
          note: null,
        });
        continue;
      }
      const notMet = vs.some((v) => v.status === 'not_met');
      const one = vs.length === 1 && vs[0].value !== null ? vs[0] : null;
      list.push({
        region_code: a.region_code,
        indicator_no: no,
        status: notMet ? 'not_met' : 'met',
        metric: null,
        claimed_value: one ? ONE_DECIMAL(shown(one)!) : null,
        note: notMet ? '正在整改' : null,
      });
    }
    claims.set(a.region_code, list);
  }

  // Planted contradictions, on applicants that have something to hide.
  const planted: PlantedNaming[] = [];
  const Y = DEMO_ROUND.data_to;
  const withMiss = shuffled(
    chosen.filter((a) => (byRegion.get(a.region_code) ?? []).some((v) => v.status === 'not_met')),
  );
  const claimOf = (code: string, no: number) => claims.get(code)!.find((c) => c.indicator_no === no)!;
  const misses = (code: string) => [
    ...new Set((byRegion.get(code) ?? []).filter((v) => v.status === 'not_met').map((v) => v.indicator_no)),
  ];
  // 1. claimed met where the data say not met: three applicants, up to two Nos. each
  for (const a of withMiss.slice(0, 3)) {
    for (const no of misses(a.region_code).slice(0, 2)) {
      const c = claimOf(a.region_code, no);
      c.status = 'met';
      c.note = null;
      c.claimed_value = null;
      planted.push({
        id: `naming-claimed-met-${a.region_code}-${no}`,
        kind: 'naming_claimed_met',
        region_code: a.region_code,
        year: Y,
        detail: `自评称第${no}项达标，${Y}年数据未达标`,
        expect: `naming:claimed_met ${no}`,
      });
    }
  }
  // 2. claimed not applicable where the data say not met: one applicant
  const na = withMiss[3];
  if (na) {
    const no = misses(na.region_code)[0];
    const c = claimOf(na.region_code, no);
    c.status = 'not_applicable';
    c.note = '本地区无此项工作';
    c.claimed_value = null;
    planted.push({
      id: `naming-claimed-na-${na.region_code}-${no}`,
      kind: 'naming_claimed_not_applicable',
      region_code: na.region_code,
      year: Y,
      detail: `自评称第${no}项不适用，${Y}年数据未达标`,
      expect: `naming:claimed_not_applicable ${no}`,
    });
  }
  // 3. a claimed rate inflated by 8–15 percentage points (or a figure by 50%): two applicants not used above
  const used = new Set(planted.map((p) => p.region_code));
  for (const a of shuffled(chosen.filter((x) => !used.has(x.region_code))).slice(0, 2)) {
    const candidates = (byRegion.get(a.region_code) ?? []).filter(
      (v) =>
        v.value !== null &&
        (byRegion.get(a.region_code) ?? []).filter((w) => w.indicator_no === v.indicator_no).length === 1 &&
        (v.unit === 'rate' ? v.value <= 0.9 : v.unit !== 'workdays' && v.value >= 4),
    );
    if (!candidates.length) continue;
    const v = pick(candidates);
    const c = claimOf(a.region_code, v.indicator_no);
    const claimed =
      v.unit === 'rate' ? ONE_DECIMAL(Math.min(100, v.value! * 100 + 8 + 7 * random())) : Math.round(v.value! * 1.5);
    c.claimed_value = claimed;
    planted.push({
      id: `naming-claimed-figure-${a.region_code}-${v.indicator_no}`,
      kind: 'naming_claimed_figure',
      region_code: a.region_code,
      year: Y,
      detail: `第${v.indicator_no}项 ${v.metric_id} 自报 ${claimed}，数据为 ${ONE_DECIMAL(shown(v)!)}`,
      expect: `naming:claimed_figure ${v.indicator_no}`,
    });
  }
  // Applications: half comprehensive; the single-item regions apply for a comprehensive designation, monitored
  // regions for a field of their choice or comprehensive.
  const fields = [
    'business_environment',
    'ongoing_supervision',
    'administrative_rules',
    'three_enforcement_systems',
    'reconsideration',
  ];
  const apps = chosen.map((a, i) => {
    const kind = a.designation === 'single' || i % 3 !== 0 ? 'comprehensive' : 'single';
    const field = kind === 'single' ? pick(fields) : null;
    return {
      round_id: DEMO_ROUND.round_id,
      region_code: a.region_code,
      region_name: a.region_name,
      kind,
      field,
      project_name: field ? `${a.region_name}${FIELD_PROJECT[field]}` : null,
      applied_on: `2026-09-${String(10 + Math.floor(random() * 18)).padStart(2, '0')}`,
      report_file: `自评报告_${a.region_code}.docx`,
    };
  });

  // Comprehensive applicants below the bar by their own data (二(一): 90%以上): listed, not planted — the data decide.
  for (const a of apps.filter((x) => x.kind === 'comprehensive')) {
    const conformance = chosen.find((c) => c.region_code === a.region_code)!.conformance;
    if (conformance < 0.9 - 1e-9)
      planted.push({
        id: `naming-below-bar-${a.region_code}`,
        kind: 'naming_below_bar',
        region_code: a.region_code,
        year: Y,
        detail: `综合示范申报，${Y}年按指标序号计达标率 ${(100 * conformance).toFixed(1)}%，低于90%`,
        expect: 'naming:conformance < 0.9',
      });
  }

  // Pre-review: each province recommends its applicants in order of their own data, except one it holds back.
  const held = pick(chosen).region_code;
  const byProvince = new Map<string, typeof chosen>();
  for (const a of chosen) {
    const p = `${a.region_code.slice(0, 2)}0000`;
    byProvince.set(p, [...(byProvince.get(p) ?? []), a]);
  }
  const prereviews = chosen.map((a) => {
    const mates = byProvince
      .get(`${a.region_code.slice(0, 2)}0000`)!
      .filter((m) => m.region_code !== held)
      .sort((x, y) => y.conformance - x.conformance || x.region_code.localeCompare(y.region_code));
    const recommended = a.region_code !== held;
    return {
      round_id: DEMO_ROUND.round_id,
      region_code: a.region_code,
      recommended,
      province_rank: recommended ? mates.findIndex((m) => m.region_code === a.region_code) + 1 : null,
      opinion: recommended ? '经初审，该地区法治政府建设成效明显，同意推荐。' : '经初审，部分指标尚有差距，暂不推荐。',
      reviewed_on: '2026-10-20',
    };
  });

  // Third-party area scores follow the data with noise; satisfaction 80–96% on 400–1,200 respondents.
  const thirdParty = chosen.flatMap((a) =>
    AREAS.map((area) => ({
      round_id: DEMO_ROUND.round_id,
      region_code: a.region_code,
      area,
      score: ONE_DECIMAL(Math.min(100, Math.max(0, 62 + 30 * a.conformance + 8 * (random() - 0.5)))),
      evaluator: '某大学法治政府研究院（演示）',
      opinion: null,
    })),
  );
  const satisfaction = chosen.map((a) => {
    const respondents = 400 + Math.floor(random() * 800);
    return {
      round_id: DEMO_ROUND.round_id,
      region_code: a.region_code,
      respondents,
      satisfied: Math.round(respondents * (0.8 + 0.16 * random())),
      surveyor: '某统计调查机构（演示）',
    };
  });

  const files: string[] = [];
  const write = (contract: DatasetContract, name: string, rows: Record<string, unknown>[]) => {
    const path = join(options.outDir, name);
    const cols = contract.columns.filter((c) => !c.optional || rows.some((r) => r[c.name] !== undefined));
    writeFileSync(
      path,
      csvText(
        cols.map((c) => c.zh),
        rows.map((r) => cols.map((c) => cellOf(r[c.name], contract, c.name))),
      ),
    );
    files.push(path);
    return path;
  };
  write(namingApplications, 'naming_applications_2026.csv', apps);
  write(
    namingSelfAssessments,
    'naming_self_assessments_2026.csv',
    chosen.flatMap((a) => claims.get(a.region_code)!.map((c) => ({ round_id: DEMO_ROUND.round_id, ...c }))),
  );
  write(namingPrereviews, 'naming_prereviews_2026.csv', prereviews);
  write(namingThirdParty, 'naming_third_party_2026.csv', thirdParty);
  write(namingSatisfaction, 'naming_satisfaction_2026.csv', satisfaction);

  if (!(await db.allFile('naming/rounds', { round: DEMO_ROUND.round_id })).length)
    await createRound(
      db,
      {
        round_id: DEMO_ROUND.round_id,
        batch: DEMO_ROUND.batch,
        year: DEMO_ROUND.year,
        data_from: DEMO_ROUND.data_from,
        data_to: DEMO_ROUND.data_to,
        applications_due: DEMO_ROUND.applications_due,
        field_check_rule: { rule: 'top_k', k: Math.min(8, Math.max(3, Math.floor(chosen.length / 2))) },
      },
      'system:demo',
    );
  const loads: IngestResult[] = [];
  for (const f of files) loads.push(await ingestFile(db, f, { source: 'demo' }));

  // The reports go beside the database, not into the inbox: the inbox job would take a DOCX there for a published
  // disclosure report and reject it. The office keeps such files in its records; the database keeps name and hash.
  const reportsDir =
    options.reportsDir ??
    (db.path === ':memory:'
      ? join(options.outDir, 'reports')
      : join(dirname(db.path), 'naming-reports', DEMO_ROUND.round_id));
  mkdirSync(reportsDir, { recursive: true });
  for (const a of apps) {
    const path = join(reportsDir, a.report_file);
    await writeReportDocx(path, a.region_name, claims.get(a.region_code)!);
    await loadApplicationReport(db, DEMO_ROUND.round_id, a.region_code, path, 'system:demo');
  }

  // The field-check list by the round's rule, then the inspectors' findings on the Nos. the data can test (they
  // find what the data show, so a padded self-assessment is caught on site too) and on ten others.
  const round = await getRound(db, DEMO_ROUND.round_id);
  const ranking = await rankRound(queryOf(db), round);
  const list = ranking.some((r) => r.rank !== null)
    ? await makeFieldCheckList(db, DEMO_ROUND.round_id, 'system:demo')
    : null;
  const findings = (list?.regions ?? []).flatMap((code) => {
    const tested = new Map<number, boolean>();
    for (const v of byRegion.get(code) ?? [])
      if (v.status !== 'no_data')
        tested.set(v.indicator_no, (tested.get(v.indicator_no) ?? true) && v.status === 'met');
    const others = [3, 11, 17, 22, 39, 47, 52, 66, 78, 91].filter((n) => !tested.has(n));
    return [...[...tested].map(([no, met]) => ({ no, met })), ...others.map((no) => ({ no, met: random() > 0.03 }))]
      .sort((x, y) => x.no - y.no)
      .map(({ no, met }) => ({
        round_id: DEMO_ROUND.round_id,
        region_code: code,
        indicator_no: no,
        met,
        checked_on: '2026-12-15',
        note: met ? null : '现场核查未达标',
      }));
  });
  if (findings.length) {
    const path = write(namingFieldChecks, 'naming_field_checks_2026.csv', findings);
    loads.push(await ingestFile(db, path, { source: 'demo' }));
  }

  if (options.plantedFile) {
    const existing = JSON.parse(readFileSync(options.plantedFile, 'utf8')) as PlantedNaming[];
    const kept = existing.filter((p) => !p.kind.startsWith('naming_'));
    writeFileSync(options.plantedFile, `${JSON.stringify([...kept, ...planted], null, 2)}\n`);
  }
  return {
    round_id: DEMO_ROUND.round_id,
    applicants: chosen.length,
    files,
    loads,
    planted,
    field_check_list: list?.regions ?? [],
  };
}

const FIELD_PROJECT: Record<string, string> = {
  business_environment: '优化法治化营商环境',
  ongoing_supervision: '加强事中事后监管',
  administrative_rules: '完善依法行政制度',
  three_enforcement_systems: '全面推行行政执法“三项制度”',
  reconsideration: '健全行政复议体制机制',
};

/** A cell as the contract's Chinese senders write it: enums by their Chinese label, booleans 是/否. */
function cellOf(value: unknown, contract: DatasetContract, name: string): string | number | null {
  if (value === null || value === undefined) return null;
  const col = contract.columns.find((c) => c.name === name)!;
  if (col.type === 'enum') return col.values?.find((v) => v.value === value)?.zh ?? String(value);
  if (col.type === 'boolean') return value ? '是' : '否';
  return value as string | number;
}

/** The report as a small Word document, byte-identical for the same content (fixed zip and document times). */
async function writeReportDocx(path: string, name: string, claims: Claim[]): Promise<void> {
  const met = claims.filter((c) => c.status === 'met').length;
  const doc = new Document({
    creator: 'shifan demo',
    sections: [
      {
        children: [
          new Paragraph({ text: `${name}法治政府建设示范创建自评报告`, heading: HeadingLevel.TITLE }),
          new Paragraph('（演示用合成数据，synthetic demo data）'),
          new Paragraph({ text: '一、主要工作举措', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(
            `${name}按照《市县法治政府建设示范指标体系》开展自查自评，健全依法决策机制，推进严格规范公正文明执法。`,
          ),
          new Paragraph({ text: '二、自评结果', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(`对照指标体系 ${claims.length} 项指标，自评达标 ${met} 项。`),
          ...claims
            .filter((c) => c.claimed_value !== null)
            .map(
              (c) =>
                new Paragraph(
                  `第${c.indicator_no}项：${c.status === 'met' ? '达标' : '未达标'}，自报数值 ${c.claimed_value}`,
                ),
            ),
          new Paragraph({ text: '三、成效和亮点', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('行政执法公示、执法全过程记录、重大执法决定法制审核制度全面落实。'),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const core = zip.file('docProps/core.xml');
  if (core)
    zip.file(
      'docProps/core.xml',
      (await core.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12026-01-01T00:00:00Z'),
    );
  zip.forEach((_, file) => {
    file.date = FIXED;
  });
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
}
