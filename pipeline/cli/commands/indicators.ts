// `shifan indicators --year Y [--region CODE] [--json]`: every metric of a region-year with value, threshold and
// status (met / not met / no data), and the scorecard line. JSON: the public array of IndicatorValue.
import type { Command } from 'commander';
import {
  hasRefreshed,
  type IndicatorRow,
  publicShape,
  readIndicators,
  readScorecard,
  yearCounts,
} from '../../indicators/index.ts';
import { cliWord, formatAgainst, label, type Lang } from '../../vocabulary/index.ts';
import { cliErr, cliOut, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerIndicators(program: Command): void {
  program
    .command('indicators')
    .description('the scorecard: every metric of a year, value, threshold, met / not met / no data (run refresh first)')
    .requiredOption('--year <year>', 'the year the metrics are about')
    .option('--region <code>', 'one region (6-digit code)')
    .option(
      '--summary',
      "the year's headline only: regions in their designation term, met / not met / not judged, high-severity flags, on the watchlist (the dashboard's and the export's figures)",
    )
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ year: string; region?: string; summary?: boolean }>(cmd);
      const year = Number(opts.year);
      if (!Number.isInteger(year)) throw new UsageError(`--year must be a year, got "${opts.year}"`);
      if (opts.summary) {
        const h = await withDatabase(cmd, (db) => yearCounts((name, params) => db.allFile(name, params), { year }), {
          readOnly: true,
        });
        if (opts.json) return printJson(h);
        const share = (n: number) => (h.regions ? `${((100 * n) / h.regions).toFixed(1)}%` : '—');
        cliOut.write(
          `${year}年 命名期内示范地区 ${h.regions} 个：达到示范标准 ${h.met} 个（${share(h.met)}），未达到 ${h.not_met} 个（${share(h.not_met)}），暂不判断 ${h.not_judged} 个；` +
            `高等级有效预警 ${h.high_flags} 条（涉及 ${h.high_regions} 个地区）；在摘牌观察名单 ${h.watchlist_regions} 个地区\n`,
        );
        return;
      }
      if (opts.region !== undefined && !/^\d{6}$/.test(opts.region))
        throw new UsageError(`--region must be a 6-digit code, got "${opts.region}"`);
      const { rows, cards, refreshed } = await withDatabase(
        cmd,
        async (db) => ({
          refreshed: await hasRefreshed(db),
          rows: await readIndicators(db, year, opts.region),
          cards: await readScorecard(db, year, opts.region),
        }),
        { readOnly: true },
      );
      if (!refreshed) cliErr.write('shifan: no refresh has run on this database yet; run `shifan refresh` first\n');
      if (opts.json) return printJson(rows.map(publicShape));
      const byRegion = new Map<string, IndicatorRow[]>();
      for (const r of rows) byRegion.set(r.region_code, [...(byRegion.get(r.region_code) ?? []), r]);
      const out: string[] = [];
      const lang = langOf(cmd);
      for (const [code, list] of byRegion) {
        const card = cards.find((c) => c.region_code === code);
        out.push(
          cliWord('indicators.header', lang, {
            region: code,
            name: list[0].region_name ?? '',
            year,
            version: list[0].system_version,
          }),
        );
        if (card) {
          const verdict = card.meets_bar === null ? '年度未结束，暂不判断' : card.meets_bar ? '符合' : '不符合';
          const rank =
            card.rank === null
              ? card.year_complete
                ? '不排名（无综合得分）'
                : '年度未结束，不排名'
              : `排名 ${card.rank}/${card.ranked_of}（仅与参评指标相同的地区比较）` +
                (card.rank_low !== null ? `，权重随机扰动下90%区间 ${card.rank_low}–${card.rank_high}` : '');
          out.push(
            `达标指标 ${card.items_met}/${card.items_assessed} 项（按指标序号计，${pct(card.conformance)}；综合示范要求 ≥${pct(card.bar)}：${verdict}），` +
              `按细项计 ${card.metrics_met}/${card.metrics_assessed}（${pct(card.metric_conformance)}）`,
          );
          out.push(
            `综合得分 ${card.composite?.toFixed(1) ?? '—'}（${card.scoring_method}），${rank}` +
              (card.composite_change !== null
                ? `，较上年 ${card.composite_change >= 0 ? '+' : ''}${card.composite_change.toFixed(1)}`
                : ''),
          );
        }
        out.push(
          formatTable(
            [
              ...(['head.no', 'head.metric', 'head.value', 'head.fraction', 'head.threshold', 'status'] as const).map(
                (h) => cliWord(h, lang),
              ),
              label('metricStatus', 'provisional', lang),
            ],
            list.map((r) => [
              r.indicator_no ?? '—',
              `${r.name_zh} ${r.indicator}`,
              r.value === null ? label('metricStatus', 'no_data', lang) : formatAgainst(r.value, r.threshold, r.unit),
              r.denominator === null ? '' : `${num(r.numerator)}/${num(r.denominator)}`,
              r.threshold === null
                ? cliWord('indicators.noBenchmark', lang)
                : `${r.direction === 'higher' ? '≥' : r.direction === 'lower' ? '≤' : '='}${fmt(r.threshold, r.unit, lang)}`,
              label('metricStatus', r.status, lang),
              r.provisional ? label('metricStatus', 'provisional', lang) : '',
            ]),
          ),
        );
        out.push('');
      }
      if (rows.length === 0)
        out.push(
          cliWord('indicators.none', lang, {
            year,
            region_note: opts.region ? cliWord('indicators.regionNote', lang, { region: opts.region }) : '',
          }),
        );
      out.push(
        '权重：中央依法治国办未公布正式权重，默认各指标等权（data/indicator-systems/*.json 可调整）；排名区间表示在其他合理权重下名次的变动范围。',
      );
      cliOut.write(`${out.join('\n')}\n`);
    });
}

function fmt(v: number | null, unit: string, lang: Lang): string {
  if (v === null) return label('metricStatus', 'no_data', lang);
  if (unit === 'rate') return `${(100 * v).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function num(v: number | null): string {
  return v === null ? '' : Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function pct(v: number | null): string {
  return v === null ? '—' : `${(100 * v).toFixed(1)}%`;
}
