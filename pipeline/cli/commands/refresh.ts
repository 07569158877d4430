// `shifan refresh [--as-of DATE] [--scoring threshold|binary]`: recomputes indicators, scorecard, funnel limits,
// flags and the watchlist from what is loaded, and prints seconds and rows/s.
import type { Command } from 'commander';
import { OVERDISPERSION_MODELS, type OverdispersionModel } from '../../indicators/funnel.ts';
import { refresh, SCORING_METHODS, type ScoringMethod } from '../../indicators/index.ts';
import { cliOut, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
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
      const lines = [
        `刷新完成 run ${result.run_id}：数据日期 ${result.as_of}（${result.as_of_source === 'data' ? '取自数据' : '--as-of'}），评分方法 ${result.scoring_method}，漏斗图过度离散模型 ${result.funnel_model}，FDR q=${result.fdr_q}`,
        `${result.mode === 'full' ? '全量刷新 (full)' : `增量刷新 (incremental)：重算 ${result.years_recomputed.length ? result.years_recomputed.join('、') : '无'} 年度`}`,
        `${result.seconds.toFixed(2)} s，读取 ${result.source_rows.toLocaleString('en-US')} 行，${Math.round(result.rows_per_second).toLocaleString('en-US')} rows/s`,
        `指标值 ${result.metric_rows.toLocaleString('en-US')} 条；预警 ${result.flags_active} 条有效（新增 ${result.flags_new}，解除 ${result.flags_resolved}）；摘牌观察名单新增 ${result.watchlist_added} 条`,
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
