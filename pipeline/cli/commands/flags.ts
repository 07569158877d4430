// `shifan flags --year Y [--region CODE] [--rule ID] [--all] [--json]`: risk flags with their evidence, and the
// watchlist entries of that year. `flags ack|dismiss|escalate FLAG` records an analyst's triage decision
// (pipeline/flags/triage.ts): audit-logged, kept across refreshes; escalate adds a ground-4 watchlist entry.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import { readFlags, type TriageDecision, type TriageRecord, triageFlag } from '../../flags/index.ts';
import { loadSystems, metricNamer } from '../../indicators/index.ts';
import {
  cliWord,
  label,
  renderFlag,
  renderWatchBasis,
  renderWatchSummary,
  type Lang,
  type Params,
} from '../../vocabulary/index.ts';
import { listWatchlist } from '../../watchlist/index.ts';
import { cliOut, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerFlags(program: Command): void {
  const flags = program
    .command('flags')
    .description('risk flags (预警) of a year with their evidence, and the revocation watchlist entries of that year')
    .option('--year <year>', 'the year the flags are about (required to list)')
    .option('--region <code>', 'one region')
    .option('--rule <id>', 'one rule (sql/flags/<rule>.sql)')
    .option('--all', 'include resolved flags')
    .option('--evidence <n>', 'evidence records to print per flag (human output)', '3')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ year?: string; region?: string; rule?: string; all?: boolean; evidence: string }>(cmd);
      if (opts.year === undefined)
        throw new UsageError('flags needs --year Y (or a triage subcommand: ack, dismiss, escalate)');
      const year = Number(opts.year);
      if (!Number.isInteger(year)) throw new UsageError(`--year must be a year, got "${opts.year}"`);
      const { flags, watch } = await withDatabase(
        cmd,
        async (db) => ({
          flags: await readFlags(db, { year, region: opts.region, rule: opts.rule, all: opts.all }),
          watch: (await listWatchlist(db, { region: opts.region })).filter((w) => w.year === year),
        }),
        { readOnly: true },
      );
      if (opts.json) return printJson({ flags, watchlist: watch });
      const lang = langOf(cmd);
      const names = metricNamer(loadSystems());
      const perFlag = Number(opts.evidence);
      const out: string[] = [
        cliWord('flags.summary', lang, {
          year,
          n: flags.length,
          all_note: opts.all ? cliWord('flags.withResolved', lang) : '',
        }),
      ];
      for (const f of flags) {
        out.push(
          `[${label('severity', f.severity, lang)}] ${f.region_code} ${f.region_name ?? ''} ${f.rule_id}@${f.rule_version}${f.detail_key ? ` ${f.detail_key}` : ''}` +
            `${f.status === 'resolved' ? `（${label('flagStatus', f.status, lang)}）` : ''} #${f.flag_id.slice(0, 12)}`,
        );
        out.push(`  ${renderFlag(f.rule_id, f.numbers as Params, lang, names)}`);
        for (const e of f.evidence.slice(0, perFlag))
          out.push(
            `  ${cliWord('evidence', lang)} ${e.dataset} ${e.record_id}  ${e.file_name ?? '?'}:${e.line ?? '?'}`,
          );
        if (f.evidence_count > Math.min(perFlag, f.evidence.length))
          out.push(`  ${cliWord('evidence.kept', lang, { n: f.evidence_count, kept: f.evidence.length })}`);
      }
      if (watch.length) {
        out.push('', cliWord('flags.watchlist', lang, { year }));
        out.push(
          formatTable(
            (['head.entry', 'region', 'head.basis', 'status', 'head.summary'] as const).map((h) => cliWord(h, lang)),
            watch.map((w) => [
              w.entry_id.slice(0, 12),
              `${w.region_code} ${w.region_name ?? ''}`,
              renderWatchBasis(w, lang),
              label('watchStatus', w.status, lang),
              renderWatchSummary(w.kind, w.params as Params, lang, names),
            ]),
          ),
        );
      }
      cliOut.write(`${out.join('\n')}\n`);
    });
  registerTriage(
    flags,
    'ack',
    'acknowledged',
    'acknowledge a flag: seen, being handled (stays in the risk queue)',
    false,
  );
  registerTriage(
    flags,
    'dismiss',
    'dismissed',
    'dismiss a flag with a reason: out of the risk queue until its evidence changes',
    true,
  );
  registerTriage(
    flags,
    'escalate',
    'escalated',
    'escalate a flag to the revocation watchlist (ground 4, 其他情形) with a reason',
    true,
  );
}

function registerTriage(
  flags: Command,
  name: string,
  decision: TriageDecision,
  description: string,
  reasonRequired: boolean,
): void {
  const sub = flags.command(`${name} <flag>`).description(description);
  (reasonRequired
    ? sub.requiredOption('--reason <text>', 'why (kept in the triage history and the audit log)')
    : sub.option('--reason <text>', 'a note (optional)')
  )
    .option('--by <who>', 'who decides (default: the operating-system user)')
    .action(async (flag: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ reason?: string; by?: string }>(cmd);
      const record = await withDatabase(cmd, (db) =>
        triageFlag(db, { flagId: flag, decision, reason: opts.reason, by: opts.by ?? cliActor() }),
      );
      if (optionsOf(cmd).json) return printJson(record);
      cliOut.write(`${renderTriage(record, langOf(cmd))}\n`);
    });
}

function renderTriage(t: TriageRecord, lang: Lang): string {
  const sep = lang === 'zh' ? '，' : ', ';
  const reason = t.reason ? (lang === 'zh' ? `（${t.reason}）` : ` (${t.reason})`) : '';
  const lines = [
    `${t.flag_id.slice(0, 12)}: ${label('triageState', t.state, lang)}${reason}${sep}${t.decided_by}${sep}${t.decided_at}`,
  ];
  if (t.entry_id) lines.push(`${t.entry_id.slice(0, 12)}: ${label('watchGround', 4, lang)}`);
  return lines.join('\n');
}
