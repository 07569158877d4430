import type { Command } from 'commander';
import { listDisclosureReports } from '../../disclosure-reports/list.ts';
import { label, renderBalanceFailures } from '../../vocabulary/index.ts';
import { cliOut, optionsOf, printJson, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

/** The contract of `--json`: one object per report; litigation = both kinds of suit added. */
const JSON_FIELDS = [
  'region_code',
  'publisher',
  'year',
  'template',
  'received_new',
  'carried_over',
  'handled_total',
  'carried_forward',
  'reconsideration_corrected',
  'reconsideration_total',
  'litigation_corrected',
  'litigation_total',
  'penalties',
  'licences',
  'coercions',
  'balanced',
] as const;

export function registerDisclosureReports(program: Command): void {
  program
    .command('disclosure-reports')
    .description(
      'published 政府信息公开工作年度报告 loaded for a year: section 三 flow, section 四 corrections, balance status',
    )
    .requiredOption('--year <year>', 'report year')
    .option('--region <code>', 'only this region')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ year: string; region?: string }>(cmd);
      const year = Number(opts.year);
      if (!Number.isInteger(year)) throw new Error(`--year must be a year such as 2024, got "${opts.year}"`);
      const rows = await withDatabase(cmd, (db) => listDisclosureReports(db, { year, region: opts.region }));
      if (opts.json) return printJson(rows.map((r) => Object.fromEntries(JSON_FIELDS.map((f) => [f, r[f]]))));
      const rate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
      cliOut.write(
        `${formatTable(
          [
            '地区',
            '发布机关',
            '新收',
            '结转',
            '办结',
            '结转下年',
            '复议纠错/总计',
            '诉讼纠错/总计',
            '纠错率(审结案件)',
            '纠错率(办结申请)',
            label('action_type', 'penalty', 'zh'),
            label('action_type', 'license', 'zh'),
            '勾稽',
          ],
          rows.map(
            (r) =>
              [
                r.region_code,
                r.publisher,
                r.received_new,
                r.carried_over,
                r.handled_total,
                r.carried_forward,
                `${r.reconsideration_corrected}/${r.reconsideration_total}`,
                `${r.litigation_corrected}/${r.litigation_total}`,
                rate(r.corrected_per_concluded_case),
                rate(r.corrected_per_handled_request),
                r.penalties,
                r.licences,
                r.balanced ? '平衡' : `不平衡：${renderBalanceFailures(r.balance_failures, 'zh')}`,
              ] as never[],
          ),
        )}\n${rows.length} 份报告\n`,
      );
    });
}
