// `shifan refresh [--as-of DATE] [--scoring threshold|binary]`: recomputes indicators, scorecard, funnel limits,
// flags and the watchlist from what is loaded, and prints seconds and rows/s.
import type { Command } from 'commander';
import { OVERDISPERSION_MODELS, type OverdispersionModel } from '../../indicators/funnel.ts';
import { refresh, SCORING_METHODS, type ScoringMethod } from '../../indicators/index.ts';
import { cliWord } from '../../vocabulary/index.ts';
import { cliOut, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerRefresh(program: Command): void {
  program
    .command('refresh')
    .description('recompute indicator values, scorecard, funnel limits, risk flags and the revocation watchlist')
    .option('--as-of <date>', "the data's date (YYYY-MM-DD); default: the latest date found in the loaded data")
    .option(
      '--scoring <method>',
      `composite score normalisation: ${SCORING_METHODS.join(' | ')} (default: from the indicator system)`,
    )
    .option(
      '--funnel-model <model>',
      `funnel limits where the χ² test finds over-dispersion: ${OVERDISPERSION_MODELS.join(' | ')} (default additive)`,
    )
    .option('--fdr-q <q>', "Benjamini–Hochberg false-discovery rate over each year's funnel tests (default 0.05)")
    .option('--steps', 'print the time of every step')
    .option(
      '--incremental',
      'recompute only the years whose data changed since the latest refresh (and the year after each); same results as a full refresh',
    )
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{
        asOf?: string;
        scoring?: string;
        steps?: boolean;
        funnelModel?: string;
        fdrQ?: string;
        incremental?: boolean;
      }>(cmd);
      if (opts.scoring && !SCORING_METHODS.includes(opts.scoring as ScoringMethod)) {
        throw new UsageError(`--scoring must be one of ${SCORING_METHODS.join(', ')}, got "${opts.scoring}"`);
      }
      if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
        throw new UsageError(`--as-of must be YYYY-MM-DD, got "${opts.asOf}"`);
      if (opts.funnelModel && !OVERDISPERSION_MODELS.includes(opts.funnelModel as OverdispersionModel)) {
        throw new UsageError(
          `--funnel-model must be one of ${OVERDISPERSION_MODELS.join(', ')}, got "${opts.funnelModel}"`,
        );
      }
      const fdrQ = opts.fdrQ === undefined ? undefined : Number(opts.fdrQ);
      if (fdrQ !== undefined && !(fdrQ > 0 && fdrQ < 1))
        throw new UsageError(`--fdr-q must be a number between 0 and 1, got "${opts.fdrQ}"`);
      const result = await withDatabase(cmd, (db) =>
        refresh(db, {
          asOf: opts.asOf,
          method: opts.scoring as ScoringMethod | undefined,
          funnelModel: opts.funnelModel as OverdispersionModel | undefined,
          fdrQ,
          incremental: opts.incremental === true,
        }),
      );
      if (opts.json) return printJson(result);
      const lang = langOf(cmd);
      const n = (x: number) => x.toLocaleString('en-US');
      const lines = [
        cliWord('refresh.done', lang, {
          run: result.run_id,
          as_of: result.as_of,
          as_of_source: result.as_of_source === 'data' ? cliWord('refresh.fromData', lang) : '--as-of',
          scoring: result.scoring_method,
          model: result.funnel_model,
          q: result.fdr_q,
        }),
        result.mode === 'full'
          ? cliWord('refresh.full', lang)
          : cliWord('refresh.incremental', lang, {
              years: result.years_recomputed.length ? result.years_recomputed : cliWord('refresh.none', lang),
            }),
        cliWord('refresh.speed', lang, {
          seconds: result.seconds.toFixed(2),
          rows: n(result.source_rows),
          per_second: n(Math.round(result.rows_per_second)),
        }),
        cliWord('refresh.counts', lang, {
          metric_rows: n(result.metric_rows),
          active: result.flags_active,
          new: result.flags_new,
          resolved: result.flags_resolved,
          watch: result.watchlist_added,
        }),
      ];
      cliOut.write(`${lines.join('\n')}\n`);
      if (opts.steps)
        cliOut.write(
          `${formatTable(
            ['step', 'ms'],
            result.steps.map((s) => [s.step, s.ms]),
          )}\n`,
        );
    });
}
