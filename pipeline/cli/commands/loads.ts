import type { Command } from 'commander';
import { optionsOf, printJson, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerLoads(program: Command): void {
  program
    .command('loads')
    .description('the load log: every file loaded, skipped or refused, with counts and timings')
    .option('--limit <n>', 'rows to show', '50')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ limit: string }>(cmd);
      const rows = await withDatabase(cmd, (db) => db.allFile('load/list_loads', { limit: Number(opts.limit) }));
      if (opts.json) return printJson(rows);
      process.stdout.write(`${formatTable(['id', 'file', 'dataset', 'status', 'records', 'loaded', 'rejected', 'superseded', 'ms', 'started'],
        rows.map((r) => [r.load_id, r.file_name, r.dataset, r.status, r.records, r.loaded, r.rejected, r.superseded, r.total_ms, r.started_at] as never[]))}\n`);
    });
}
