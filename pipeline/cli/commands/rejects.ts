import type { Command } from 'commander';
import { cliWord, renderReject } from '../../vocabulary/index.ts';
import { cliOut, langOf, optionsOf, printJson, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

interface RejectLine {
  load_id: number;
  file: string;
  line: number;
  column: string | null;
  code: string;
  dataset: string | null;
  reason: string;
  value: string | null;
  raw: string | null;
}

export function registerRejects(program: Command): void {
  program
    .command('rejects')
    .description('rejected records with file, line, column and reason, kept verbatim')
    .option('--load <id>', 'only this load')
    .option('--limit <n>', 'rows to show', '1000')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ load?: string; limit: string }>(cmd);
      const rows = await withDatabase(cmd, (db) =>
        db.allFile<RejectLine>('load/list_rejects', {
          load_id: opts.load === undefined ? null : Number(opts.load),
          limit: Number(opts.limit),
        }),
      );
      if (opts.json) return printJson(rows);
      const lang = langOf(cmd);
      const heads = ['head.load', 'file', 'head.line', 'head.column', 'head.code', 'head.reason', 'head.raw'] as const;
      cliOut.write(
        `${formatTable(
          heads.map((h) => cliWord(h, lang)),
          rows.map((r) => [
            r.load_id,
            r.file,
            r.line,
            r.column,
            r.code,
            renderReject(r, lang),
            String(r.raw ?? '').slice(0, 60),
          ]),
        )}\n`,
      );
    });
}
