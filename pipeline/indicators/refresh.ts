// `shifan refresh`: recompute every indicator, the scorecard, funnel limits, risk flags and the watchlist from what
// is loaded, in one transaction. The heavy work is set-based SQL (one file per metric, sql/indicators/); this file
// only orders the steps and times them.
import type { Database } from '../db/index.ts';
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
      await step('thresholds', async () => {
        await db.runFile('indicators/refresh/clear_latest');
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
