// `shifan start`: the README's first command. Sets up the embedded default (DuckDB file, reference data, the
// small demo when the database is empty), says what it did, then serves the product (`shifan serve`) unless
// --no-serve is given.
import type { Command } from 'commander';
import { ensureSampleData } from '../../setup/first-run.ts';
import { cliOut, optionsOf, printJson, withDatabase } from '../context.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from '../serve-early.ts';
import { serveDatabase } from './serve.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('set up the embedded default (database, reference data, demo sample when empty) and run the product')
    .option('--seed <n>', 'seed of the demo sample loaded into an empty database', '1')
    .option('--no-serve', 'set up only; do not start the server afterwards')
    .option('--port <n>', 'port of the server', DEFAULT_PORT)
    .option('--host <addr>', 'address of the server', DEFAULT_HOST)
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ seed: string; serve: boolean; port: string; host: string }>(cmd);
      await startAction(cmd, opts);
      if (opts.serve) await serveDatabase(opts.db, { port: opts.port, host: opts.host, refreshIfNever: true });
    });
}

async function startAction(cmd: Command, opts: { seed: string; db: string; json?: boolean }): Promise<void> {
  const report = await withDatabase(cmd, (db) => ensureSampleData(db, { seed: Number(opts.seed) }));
  if (opts.json) return printJson({ db: opts.db, ...report });
  const out = cliOut;
  out.write(`database: ${opts.db}\n`);
  for (const r of report.reference) out.write(`reference ${r.file}: ${r.status} (${r.message})\n`);
  if (report.demo) {
    const loaded = report.demo.results.reduce((a, r) => a + r.loaded, 0);
    const rejected = report.demo.results.reduce((a, r) => a + r.rejected, 0);
    out.write(
      `empty database: generated the small demo (${report.demo.files} files, ${report.demo.planted} planted problems) in ${report.demo.outDir}\n`,
    );
    out.write(`loaded ${loaded.toLocaleString('en')} rows, rejected ${rejected} (see \`npx shifan rejects\`)\n`);
  } else {
    out.write('the database already holds data; nothing was generated\n');
  }
  out.write(
    'next: npx shifan loads | npx shifan rejects | npx shifan workdays add 2024-09-27 7 | npx shifan spotcheck --help\n',
  );
}
