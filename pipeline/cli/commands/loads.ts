import type { Command } from 'commander';
import { cliWord, label, renderLoadMessage } from '../../vocabulary/index.ts';
import { cliOut, langOf, optionsOf, printJson, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

interface LoadLine {
  load_id: number;
  file_name: string;
  dataset: string | null;
  status: string;
  records: number | null;
  loaded: number | null;
  rejected: number | null;
  superseded: number | null;
  total_ms: number | null;
  started_at: string;
  message: string | null;
  message_code: string | null;
  message_params: string | null;
}

export function registerLoads(program: Command): void {
  program
    .command('loads')
    .description('the load log: every file loaded, skipped, refused or interrupted, with counts, timings and why')
    .option('--limit <n>', 'rows to show', '50')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ limit: string }>(cmd);
      const rows = await withDatabase(cmd, (db) =>
        db.allFile<LoadLine>('load/list_loads', { limit: Number(opts.limit) }),
      );
      if (opts.json) return printJson(rows);
      const lang = langOf(cmd);
      const heads = [
        'head.load',
        'file',
        'head.dataset',
        'status',
        'head.records',
        'head.loaded',
        'head.rejected',
        'head.superseded',
        'head.ms',
        'head.started',
        'head.message',
      ] as const;
      cliOut.write(
        `${formatTable(
          heads.map((h) => cliWord(h, lang)),
          rows.map((r) => [
            r.load_id,
            r.file_name,
            r.dataset,
            label('loadStatus', r.status, lang),
            r.records,
            r.loaded,
            r.rejected,
            r.superseded,
            r.total_ms,
            r.started_at,
            // why a file was refused or a load cut off; a load that went in is said by its counts
            r.status === 'loaded' ? '' : renderLoadMessage(r.message_code, r.message_params, lang, r.message ?? ''),
          ]),
        )}\n`,
      );
    });
}
