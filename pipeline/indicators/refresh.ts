// `shifan refresh`: recompute every indicator, the scorecard, funnel limits, risk flags and the watchlist from what
// is loaded, in one transaction. The heavy work is set-based SQL (one file per metric, sql/indicators/); this file
// only orders the steps and times them. An incremental refresh (the server's refresh after new loads) recomputes the
// year-local results (indicator values, scorecard with rank intervals, funnel limits) only for the years whose
// metric results changed and the year after each, and gives exactly the rows a full refresh gives (README.md
// "Incremental refresh"; tests/indicators/incremental.test.ts compares every result table).
import { createHash } from 'node:crypto';
import { type Database, sqlText } from '../db/index.ts';
import { flagRules } from '../flags/rules.ts';
import { findingsBelowBar } from '../spotcheck/findings.ts';
import { FUNNEL_SETTINGS, OVERDISPERSION_MODELS, type OverdispersionModel } from './funnel.ts';
import { computeFunnels } from './funnel-store.ts';
import { computeRankIntervals } from './rank-intervals.ts';
import {
  allMetrics,
  designationBars,
  type IndicatorSystem,
  loadSystems,
  type ScoringMethod,
  storeSystems,
} from './system.ts';

export interface RefreshOptions {
  /** The data's date (YYYY-MM-DD); default: the latest date found in the data (sql/indicators/refresh/as_of.sql). */
  asOf?: string;
  method?: ScoringMethod;
  systemDir?: string;
  actor?: string;
  /** Funnel model where the χ² test finds over-dispersion (default additive, FUNNEL_SETTINGS). */
  funnelModel?: OverdispersionModel;
  /** Benjamini–Hochberg false-discovery rate over each year's funnel tests (default 0.05). */
  fdrQ?: number;
  /** Called after each step, for progress output. */
  onStep?: (step: string, ms: number) => void;
  /** Recompute only the years whose metric results changed since the latest run, and the year after each
   *  (a full refresh when anything every year reads changed: data's date, methods, definitions, regions). */
  incremental?: boolean;
}

/** Bump when the TypeScript of a year-local step changes its results (funnel.ts, weight-draws.ts, rank-intervals.ts,
 *  funnel-store.ts): stored years are then recomputed. Their SQL is covered by its text (yearStepsDigest). */
const YEAR_STEPS_VERSION = 1;
const YEAR_STEP_FILES = [
  'indicators/refresh/apply_thresholds',
  'indicators/refresh/scorecard',
  'indicators/refresh/rank_scores',
  'indicators/refresh/funnel_input',
];

function yearStepsDigest(): string {
  const h = createHash('sha256').update(`v${YEAR_STEPS_VERSION}\n`);
  for (const name of YEAR_STEP_FILES) h.update(sqlText(name));
  return h.digest('hex');
}

export interface RefreshResult {
  run_id: number;
  as_of: string;
  as_of_source: 'data' | 'option';
  scoring_method: ScoringMethod;
  funnel_model: OverdispersionModel;
  fdr_q: number;
  seconds: number;
  source_rows: number;
  rows_per_second: number;
  metric_rows: number;
  flags_active: number;
  flags_new: number;
  flags_resolved: number;
  watchlist_added: number;
  steps: Array<{ step: string; ms: number }>;
  /** full, or incremental: only years_recomputed were recomputed */
  mode: 'full' | 'incremental';
  years_recomputed: number[];
}

export async function refresh(db: Database, options: RefreshOptions = {}): Promise<RefreshResult> {
  const started = performance.now();
  const systems = loadSystems(options.systemDir);
  const method = options.method ?? systems[systems.length - 1].scoring.method;
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw new Error(`--as-of must be YYYY-MM-DD, got ${options.asOf}`);
  const funnelModel = options.funnelModel ?? FUNNEL_SETTINGS.overdispersionModel;
  if (!OVERDISPERSION_MODELS.includes(funnelModel))
    throw new Error(`--funnel-model must be one of ${OVERDISPERSION_MODELS.join(', ')}, got ${funnelModel}`);
  const fdrQ = options.fdrQ ?? FUNNEL_SETTINGS.fdrQ;
  if (!(fdrQ > 0 && fdrQ < 1)) throw new Error(`--fdr-q must be between 0 and 1, got ${fdrQ}`);
  const dataAsOf = (await db.allFile<{ as_of: string | null }>('indicators/refresh/as_of'))[0]?.as_of ?? null;
  const asOf = options.asOf ?? dataAsOf ?? new Date().toISOString().slice(0, 10);
  const systemsJson = JSON.stringify(systems.map((s) => ({ version: s.version, years: s.years, sha256: s.sha256 })));
  const [{ run_id: runId }] = await db.allFile<{ run_id: number }>('indicators/refresh/start_run', {
    as_of: asOf,
    as_of_source: options.asOf ? 'option' : 'data',
    method,
    systems: systemsJson,
    funnel_model: funnelModel,
    fdr_q: fdrQ,
  });
  const steps: Array<{ step: string; ms: number }> = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    const ms = Math.round(performance.now() - t);
    steps.push({ step: name, ms });
    options.onStep?.(name, ms);
  };
  let sourceRows = 0;
  let watchlistAdded = 0;
  let mode: 'full' | 'incremental' = 'full';
  let yearsRecomputed: number[] = [];
  try {
    await db.transaction(async () => {
      await step('definitions', () => storeSystems(db, systems));
      await step('stage', async () => {
        await db.runFile('indicators/refresh/context', {
          run_id: runId,
          as_of: asOf,
          actor: options.actor ?? 'system:refresh',
        });
        await db.runFile('indicators/refresh/reports_owed');
        await db.runFile('indicators/refresh/stage');
      });
      for (const m of allMetrics(systems)) await step(m.id, () => db.runFile(m.sql, m.params));
      await step('scope', async () => {
        const settings = JSON.stringify({
          asOf,
          method,
          funnelModel,
          fdrQ,
          systems: systemsJson,
          steps: yearStepsDigest(),
        });
        await db.runFile('indicators/refresh/digests', { settings });
        const unchanged =
          options.incremental === true &&
          (await db.allFile<{ unchanged: boolean }>('indicators/refresh/inputs_unchanged'))[0].unchanged;
        mode = unchanged ? 'incremental' : 'full';
        await db.runFile('indicators/refresh/years', { full: !unchanged });
        yearsRecomputed = (await db.all<{ year: number }>('SELECT year FROM refresh_years ORDER BY year')).map((r) =>
          Number(r.year),
        );
        await db.runFile('indicators/refresh/record_scope', {
          run_id: runId,
          mode,
          years: JSON.stringify(yearsRecomputed),
        });
      });
      await step('thresholds', async () => {
        if (mode === 'full') await db.runFile('indicators/refresh/clear_latest');
        else {
          await db.runFile('indicators/refresh/clear_years');
          await db.runFile('indicators/refresh/keep_latest');
        }
        await db.runFile('indicators/refresh/apply_thresholds');
      });
      await step('scorecard', async () => {
        await db.runFile('indicators/refresh/scorecard', { method });
        await computeRankIntervals(db, method);
      });
      await step('funnel', async () => {
        await computeFunnels(db, runId, { model: funnelModel, fdrQ });
        await db.runFile('indicators/refresh/rate_steps');
      });
      for (const rule of flagRules()) await step(`flag:${rule}`, () => db.runFile(`flags/${rule}`));
      await step('persist flags', () => db.runFile('indicators/refresh/persist_flags'));
      await step('watchlist', async () => {
        watchlistAdded = await syncWatchlist(db, systems);
      });
      await db.runFile('indicators/refresh/store_digests');
      sourceRows = (await db.allFile<{ source_rows: number }>('indicators/refresh/source_rows'))[0].source_rows;
    });
  } catch (err) {
    await db
      .runFile('indicators/refresh/finish_run', {
        run_id: runId,
        status: 'failed',
        seconds: (performance.now() - started) / 1000,
        source_rows: null,
      })
      .catch(() => undefined);
    throw err;
  }
  const seconds = (performance.now() - started) / 1000;
  await db.runFile('indicators/refresh/finish_run', {
    run_id: runId,
    status: 'done',
    seconds,
    source_rows: sourceRows,
  });
  const run = (
    await db.all<Record<string, number>>(
      'SELECT metric_rows, flags_active, flags_new, flags_resolved FROM refresh_runs WHERE run_id = $1',
      [runId],
    )
  )[0];
  return {
    run_id: runId,
    as_of: asOf,
    as_of_source: options.asOf ? 'option' : 'data',
    scoring_method: method,
    funnel_model: funnelModel,
    fdr_q: fdrQ,
    seconds,
    source_rows: sourceRows,
    rows_per_second: sourceRows / seconds,
    metric_rows: run.metric_rows,
    flags_active: run.flags_active,
    flags_new: run.flags_new,
    flags_resolved: run.flags_resolved,
    watchlist_added: watchlistAdded,
    steps,
    mode,
    years_recomputed: yearsRecomputed,
  };
}

/** Adds what the data puts on the watchlist (grounds 1–3 and integrity signals); returns how many entries are new. */
async function syncWatchlist(db: Database, systems: IndicatorSystem[]): Promise<number> {
  const below = await findingsBelowBar(db, { bars: designationBars(systems) });
  await db.runFile('watchlist/stage_spotcheck', { rows: JSON.stringify(below) });
  await db.runFile('watchlist/candidates');
  const before = (await db.one<{ n: number }>('SELECT count(*) AS n FROM watchlist_entries'))!.n;
  await db.runFile('watchlist/sync');
  const after = (await db.one<{ n: number }>('SELECT count(*) AS n FROM watchlist_entries'))!.n;
  return after - before;
}
