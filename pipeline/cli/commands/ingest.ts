import type { Command } from 'commander';
import { ingestPaths, terminalProgress } from '../../load/index.ts';
import { cliWord, label, renderLoadMessage } from '../../vocabulary/index.ts';
import { cliErr, cliOut, cliPath, langOf, optionsOf, printJson, setExitCode, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load files or folders (CSV, XLSX, JSON Lines, Parquet) into the database')
    .argument('<paths...>', 'files or folders')
    .option('--dataset <name>', 'the dataset the files carry (default: from the file name or header)')
    .action(async (paths: string[], _opts, cmd: Command) => {
      const opts = optionsOf<{ dataset?: string }>(cmd);
      const results = await withDatabase(cmd, (db) =>
        ingestPaths(db, paths.map(cliPath), {
          dataset: opts.dataset,
          source: 'cli',
          onProgress: opts.json ? undefined : terminalProgress(cliErr),
        }),
      );
      if (opts.json) {
        printJson(
          results.map(({ file, dataset, status, loaded, rejected, message }) => ({
            file,
            dataset,
            status,
            loaded,
            rejected,
            message,
          })),
        );
      } else {
        const lang = langOf(cmd);
        cliOut.write(
          `${formatTable(
            (['file', 'head.dataset', 'status', 'head.loaded', 'head.rejected', 'head.message'] as const).map((h) =>
              cliWord(h, lang),
            ),
            results.map((r) => [
              r.file,
              r.dataset,
              label('loadStatus', r.status, lang),
              r.loaded,
              r.rejected,
              r.status === 'loaded'
                ? r.superseded
                  ? cliWord('ingest.superseded', lang, { n: r.superseded })
                  : ''
                : renderLoadMessage(r.code, r.params, lang, r.message),
            ]),
          )}\n`,
        );
      }
      if (results.some((r) => r.status === 'refused')) setExitCode(1);
    });
}
