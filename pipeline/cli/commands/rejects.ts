import type { Command } from 'commander';
import { optionsOf, printJson, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerRejects(program: Command): void {
  program
    .command('rejects')
    .description('rejected records with file, line, column and reason, kept verbatim')
    .option('--load <id>', 'only this load')
    .option('--limit <n>', 'rows to show', '1000')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ load?: string; limit: string }>(cmd);
      const rows = await withDatabase(cmd, (db) =>
        db.allFile('load/list_rejects', { load_id: opts.load === undefined ? null : Number(opts.load), limit: Number(opts.limit) }),
      );
      if (opts.json) return printJson(rows);
      process.stdout.write(`${formatTable(['load', 'file', 'line', 'column', 'code', 'reason', 'raw'],
        rows.map((r) => [r.load_id, r.file, r.line, r.column, r.code, r.reason, String(r.raw ?? '').slice(0, 60)] as never[]))}\n`);
    });
}
