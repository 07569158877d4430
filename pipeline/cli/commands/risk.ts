// `shifan risk --year Y [--scope designated|monitored] [--json] [--limit N]`: the ranked risk queue (pipeline/risk):
// one row per region of the scope, tier, score and the reasons behind every point (flag or watchlist entry).
import type { Command } from 'commander';
import { loadSystems, metricNamer } from '../../indicators/index.ts';
import { RISK_SCOPES, type RiskScope, riskQueue } from '../../risk/index.ts';
import { cliWord, label, renderRiskReason, renderSharedProblem } from '../../vocabulary/index.ts';
import { cliOut, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerRisk(program: Command): void {
  program
    .command('risk')
    .description(
      'the ranked risk queue of a year: designated regions in their term (or monitored regions), with every reason',
    )
    .requiredOption('--year <year>', 'the year')
    .option('--scope <scope>', `${RISK_SCOPES.join(' | ')}`, 'designated')
    .option('--limit <n>', 'rows to print (human output; --json gives all)', '20')
    .option('--reasons <n>', 'reasons to print per region (human output)', '4')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ year: string; scope: string; limit: string; reasons: string }>(cmd);
      const year = Number(opts.year);
      if (!Number.isInteger(year)) throw new UsageError(`--year must be a year, got "${opts.year}"`);
      if (!RISK_SCOPES.includes(opts.scope as RiskScope))
        throw new UsageError(`--scope must be one of ${RISK_SCOPES.join(', ')}, got "${opts.scope}"`);
      const queue = await withDatabase(
        cmd,
        (db) => riskQueue((name, params) => db.allFile(name, params), { year, scope: opts.scope as RiskScope }),
        { readOnly: true },
      );
      if (opts.json) {
        return printJson(
          queue.rows.map((r) => ({
            rank: r.rank,
            region_code: r.region_code,
            region_name: r.region_name,
            score: r.score,
            tier: r.tier,
            rank_low: r.rank_low,
            rank_high: r.rank_high,
            reasons: r.reasons.map((x) => ({
              rule: x.rule,
              flag_id: x.flag_id,
              entry_id: x.entry_id,
              points: x.points,
              params: x.params,
              text: x.text,
            })),
          })),
        );
      }
      const lang = langOf(cmd);
      const names = metricNamer(loadSystems());
      const tier = (t: string) => label('riskTier', t, lang);
      const scope = cliWord(queue.scope === 'designated' ? 'risk.scope.designated' : 'risk.scope.monitored', lang);
      if (!queue.complete) {
        cliOut.write(`${cliWord('risk.open', lang, { year, as_of: queue.as_of ?? '—' })}\n`);
        return;
      }
      const listed = queue.rows.filter((r) => r.score > 0);
      const out = [
        cliWord('risk.summary', lang, { year, scope, n: queue.rows.length, listed: listed.length, as_of: queue.as_of }),
      ];
      for (const p of queue.shared) out.push(renderSharedProblem(p, lang));
      const limit = Number(opts.limit);
      const per = Number(opts.reasons);
      out.push(
        formatTable(
          (['head.rank', 'region', 'head.tier', 'head.score', 'head.rankInterval'] as const).map((h) =>
            cliWord(h, lang),
          ),
          listed
            .slice(0, limit)
            .map((r) => [
              r.rank,
              `${r.region_code} ${r.region_name ?? ''}`,
              tier(r.tier),
              r.score.toFixed(1),
              `${r.rank_low}–${r.rank_high}`,
            ]),
        ),
      );
      for (const r of listed.slice(0, limit)) {
        out.push(
          '',
          cliWord('risk.region', lang, {
            rank: r.rank,
            region: `${r.region_code} ${r.region_name ?? ''}`,
            score: r.score.toFixed(1),
            tier: tier(r.tier),
          }),
        );
        for (const x of r.reasons.slice(0, per))
          out.push(
            `  +${x.points} ${renderRiskReason(x.rule, x.params, lang, names)} #${(x.flag_id ?? x.entry_id ?? '').slice(0, 12)}`,
          );
        if (r.reasons.length > per) out.push(`  ${cliWord('risk.moreReasons', lang, { n: r.reasons.length })}`);
      }
      cliOut.write(`${out.join('\n')}\n`);
    });
}
