// `shifan watchlist [--region CODE] [--status S] [--json]` lists the revocation watchlist with grounds, evidence and
// status history; `watchlist set ENTRY STATUS --note TEXT` moves an entry; `watchlist add REGION --reason TEXT`
// enters a ground-4 case (其他情形).
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import {
  addOtherEntry,
  listWatchlist,
  setStatus,
  TRANSITIONS,
  type WatchEntry,
  type WatchStatus,
} from '../../watchlist/index.ts';
import {
  cliWord,
  label,
  renderWatchBasis,
  renderWatchSummary,
  type Lang,
  type Params,
} from '../../vocabulary/index.ts';
import { cliOut, langOf, optionsOf, printJson, withDatabase } from '../context.ts';

export function registerWatchlist(program: Command): void {
  const watch = program
    .command('watchlist')
    .description('the revocation watchlist (摘牌观察名单): grounds, evidence, status history; set / add')
    .option('--region <code>', 'one region')
    .option('--status <status>', `only entries in this status (${Object.keys(TRANSITIONS).join(', ')})`)
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ region?: string; status?: string }>(cmd);
      const entries = await withDatabase(cmd, (db) => listWatchlist(db, { region: opts.region, status: opts.status }), {
        readOnly: true,
      });
      if (opts.json) return printJson(entries);
      cliOut.write(`${render(entries, langOf(cmd))}\n`);
    });
  watch
    .command('set <entry> <status>')
    .description(`move an entry: flagged|needs_review → under_review → cleared | revoked (cleared may reopen)`)
    .requiredOption('--note <text>', 'why (kept in the history and the audit log)')
    .option('--by <who>', 'who decides (default: the operating-system user)')
    .option('--on <date>', 'date of a revocation (YYYY-MM-DD; default today)')
    .action(async (entry: string, status: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ note: string; by?: string; on?: string }>(cmd);
      const updated = await withDatabase(cmd, (db) =>
        setStatus(db, entry, status as WatchStatus, { note: opts.note, by: opts.by ?? cliActor(), on: opts.on }),
      );
      if (opts.json) return printJson(updated);
      cliOut.write(`${render([updated], langOf(cmd))}\n`);
    });
  watch
    .command('add <region>')
    .description('enter a ground-4 case (其他应当撤销示范命名的情形) with its reason')
    .requiredOption('--reason <text>', 'the reason')
    .option('--year <year>', 'the year it concerns')
    .option('--by <who>', 'who enters it (default: the operating-system user)')
    .action(async (region: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ reason: string; year?: string; by?: string }>(cmd);
      const added = await withDatabase(cmd, (db) =>
        addOtherEntry(db, {
          region,
          reason: opts.reason,
          by: opts.by ?? cliActor(),
          year: opts.year ? Number(opts.year) : undefined,
        }),
      );
      if (opts.json) return printJson(added);
      cliOut.write(`${render([added], langOf(cmd))}\n`);
    });
}

function render(entries: WatchEntry[], lang: Lang): string {
  if (entries.length === 0) return cliWord('watch.empty', lang);
  const out: string[] = [];
  for (const w of entries) {
    const basis = renderWatchBasis(w, lang);
    const status = (s: string) => label('watchStatus', s, lang);
    out.push(
      `#${w.entry_id.slice(0, 12)} ${w.region_code} ${w.region_name ?? ''} ${w.year ? cliWord('watch.year', lang, { year: w.year }) : ''}  ${basis}  ${cliWord('watch.status', lang, { status: status(w.status) })}${w.source_active ? '' : cliWord('watch.sourceGone', lang)}`,
    );
    out.push(`  ${renderWatchSummary(w.kind, w.params as Params, lang)}`);
    const evidence: Array<Record<string, unknown>> = Array.isArray(w.evidence) ? w.evidence : [];
    for (const e of evidence.slice(0, 3))
      out.push(
        `  ${cliWord('evidence', lang)} ${e.dataset ?? ''} ${e.record_id ?? e.reason ?? ''}  ${e.file_name ? `${e.file_name}:${e.line}` : ''}`,
      );
    for (const h of w.history)
      out.push(
        `  ${h.changed_at} ${h.changed_by}: ${h.from_status ? status(h.from_status) : '—'} → ${status(h.to_status)}  ${h.note ?? ''}`,
      );
  }
  return out.join('\n');
}
