// `generateDemo`: writes deterministic synthetic input files for every dataset into a folder, plus
// planted.json listing the problems planted for later features to find. Same scale and seed → byte-identical
// files. It only generates; loading is the loader's job (pipeline/load), called by the `demo` command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWorkday } from '../calendar/index.ts';
import type { DemoContext, Progress } from './context.ts';
import { buildDayTable, type DayTable } from './days.ts';
import { FILES } from './layout.ts';
import { makePlan, type PlantedProblem } from './planted.ts';
import { completePlanted } from './planted-figures.ts';
import { SCALES, type ScaleName } from './scale.ts';
import { Tallies } from './tallies.ts';
import { buildWorld } from './world.ts';
import { generateRegions } from './datasets/regions.ts';
import { generateEnforcementDecisions } from './datasets/enforcement-decisions.ts';
import { generateLitigationCases } from './datasets/litigation-cases.ts';
import { generateDisclosureRequests } from './datasets/disclosure-requests.ts';
import { generateAnnualReports } from './datasets/annual-reports.ts';
import { generateEnforcementStats } from './datasets/enforcement-stats.ts';
import { generateNormativeDocuments } from './datasets/normative-documents.ts';
import { generateIncidents } from './datasets/incidents.ts';
import { generateSatisfactionSurveys } from './datasets/satisfaction-surveys.ts';
import { generateSpotcheckFindings } from './datasets/spotcheck-findings.ts';
import { generateNationalBenchmarks } from './datasets/national-benchmarks.ts';
import { generateDisclosureAnnualReports } from './datasets/disclosure-annual-reports.ts';
import { demoInspectorsCsv } from './inspectors.ts';

export type { PlantedProblem } from './planted.ts';
export type { Progress as DemoProgress } from './context.ts';
export { SCALES, AS_OF, type ScaleName } from './scale.ts';

export interface DemoOptions {
  scale: ScaleName;
  seed: number;
  outDir: string;
  onProgress?: (p: Progress) => void;
}

export interface DemoResult {
  /** Paths of the data files written (planted.json not included), in the order written. */
  files: string[];
  /** The same files with their dataset and data rows. */
  byFile: Array<{ path: string; dataset: string; rows: number }>;
  planted: PlantedProblem[];
  /** Data rows per dataset, planted bad rows included. */
  counts: Record<string, number>;
  /** Path of planted.json. */
  plantedFile: string;
  /** The inspector register for the draw's teams, as CSV text (imported by the demo and start commands). */
  inspectorsCsv: string;
}

/**
 * The case-level datasets come first: annual reports state what they counted. Each generator draws from its own
 * named random streams, so the order only matters for that dependency.
 */
const GENERATORS: Array<(ctx: DemoContext) => Promise<void>> = [
  generateRegions,
  generateEnforcementDecisions,
  generateLitigationCases,
  generateDisclosureRequests,
  generateAnnualReports,
  generateEnforcementStats,
  generateNormativeDocuments,
  generateIncidents,
  generateSatisfactionSurveys,
  generateSpotcheckFindings,
  generateNationalBenchmarks,
  generateDisclosureAnnualReports,
];

let dayTable: DayTable | undefined;

export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  if (!Number.isSafeInteger(options.seed)) throw new Error(`the seed must be a whole number, got ${options.seed}`);
  const scale = SCALES[options.scale];
  if (!scale) throw new Error(`unknown scale "${options.scale}"; use small or national`);
  mkdirSync(options.outDir, { recursive: true });
  dayTable ??= buildDayTable(isWorkday);
  const world = buildWorld(scale, options.seed, dayTable);
  const plan = makePlan(world);
  const ctx: DemoContext = {
    world,
    days: dayTable,
    plan,
    tallies: new Tallies(world.regions.length),
    outDir: options.outDir,
    files: [],
    counts: {},
    progress: options.onProgress ?? (() => undefined),
  };
  for (const generate of GENERATORS) await generate(ctx);
  completePlanted(ctx);
  const plantedFile = join(options.outDir, FILES.planted);
  writeFileSync(plantedFile, `${JSON.stringify(plan.problems, null, 2)}\n`);
  const byFile = ctx.files.map(({ file, dataset, rows }) => ({ path: join(options.outDir, file), dataset, rows }));
  return {
    files: byFile.map((f) => f.path),
    byFile,
    planted: plan.problems,
    counts: ctx.counts,
    plantedFile,
    inspectorsCsv: demoInspectorsCsv(world),
  };
}
