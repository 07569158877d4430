import type { Command } from 'commander';
import { ingestPaths, terminalProgress } from '../../load/index.ts';
import { cliErr, cliOut, cliPath, optionsOf, printJson, setExitCode, withDatabase } from '../context.ts';
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
        cliOut.write(
          `${formatTable(
            ['file', 'dataset', 'status', 'loaded', 'rejected', 'message'],
            results.map((r) => [
              r.file,
              r.dataset,
              r.status,
              r.loaded,
              r.rejected,
              r.status === 'loaded' ? (r.superseded ? `${r.superseded} superseded` : '') : r.message,
            ]),
          )}\n`,
        );
      }
      if (results.some((r) => r.status === 'refused')) setExitCode(1);
    });
}
