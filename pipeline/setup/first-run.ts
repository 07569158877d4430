// What the README's first command does on a fresh machine: the embedded default database gets the shipped
// reference data and, when it holds no data yet, the small synthetic demo — so every feature has something
// to show. A database that already has loads is left as it is.
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { defaultInboxDir } from '../db/index.ts';
import { generateDemo } from '../demo/index.ts';
import { type IngestProgress, ingestPaths, type IngestResult } from '../load/index.ts';
import { referenceFile } from '../reference/index.ts';
import { importInspectorsText } from '../spotcheck/register.ts';
import { refresh } from '../indicators/index.ts';
import { writeDemoRound } from '../naming/demo-round.ts';
import { firstRunStep } from '../vocabulary/index.ts';
import { appendAudit } from '../audit/index.ts';

/** The steps of a first start, in order (their words: the vocabulary's firstRunStep), so a person watching the
 *  terminal or the page the server shows meanwhile knows what the minute is spent on. */
export type FirstRunStep = keyof typeof firstRunStep;
export const FIRST_RUN_STEPS = Object.keys(firstRunStep) as FirstRunStep[];

export interface FirstRunReport {
  fresh: boolean;
  /** the demo sample of a first setup that had been stopped midway, taken up again */
  resumed?: boolean;
  reference: IngestResult[];
  demo?: { outDir: string; files: number; results: IngestResult[]; planted: number; inspectors: number };
}

export async function ensureSampleData(
  db: Database,
  options: {
    seed?: number;
    onStep?: (step: FirstRunStep) => void;
    /** files, rows/s and ETA while the demo's files load (the longest step) */
    onLoadProgress?: (p: IngestProgress) => void;
  } = {},
): Promise<FirstRunReport> {
  const step = options.onStep ?? (() => {});
  const [state] = await db.allFile<{ others: number; demo: number; complete: boolean }>('setup/sample_state');
  // The published benchmark ships with the product; loading it again is a no-op (same content).
  step('reference');
  const reference = await ingestPaths(db, [referenceFile('nationalBenchmarks')], {
    source: 'reference',
    dataset: 'national_benchmarks',
  });
  if (Number(state?.others ?? 0) > 0 || state?.complete) return { fresh: false, reference };
  // A first setup stopped midway runs again: the same seed writes the same files, the ones already loaded are
  // skipped as the same content, the register is upserted and the naming round made once.
  const resumed = Number(state?.demo ?? 0) > 0;
  const seed = options.seed ?? 1;
  const outDir = join(defaultInboxDir(), `demo-small-${seed}`);
  step('generate');
  const demo = await generateDemo({ scale: 'small', seed, outDir });
  step('load');
  const results = await ingestPaths(db, demo.files, { source: 'demo', onProgress: options.onLoadProgress });
  // the demo's inspector register, so that a spot-check draw on the demo finds its teams
  step('inspectors');
  const inspectors = await importInspectorsText(db, demo.inspectorsCsv, 'demo-inspectors.csv', 'system:first-start');
  // the demo's naming round (fourth batch, 2026) is written from the refreshed figures (pipeline/naming/demo-round.ts)
  step('refresh');
  await refresh(db);
  step('naming');
  const round = await writeDemoRound(db, { seed, outDir, plantedFile: demo.plantedFile });
  results.push(...round.loads);
  // the mark that the sample is complete (sql/setup/sample_state.sql): a start stopped before it runs the steps again
  await appendAudit(db, {
    action: 'setup.sample',
    actor: 'system:first-start',
    subject: `demo-small-${seed}`,
    details: { seed, files: demo.files.length, planted: demo.planted.length, resumed },
  });
  return {
    fresh: true,
    resumed,
    reference,
    demo: { outDir, files: demo.files.length, results, planted: demo.planted.length, inspectors: inspectors.imported },
  };
}
