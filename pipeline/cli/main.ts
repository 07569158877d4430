// Entry point of the `shifan` command line. Each command lives in commands/<name>.ts and registers itself.
import { Command } from 'commander';
import { defaultDbPath } from '../db/index.ts';
import { reportFatal } from './context.ts';
import { commands } from './commands/index.ts';

const program = new Command('shifan')
  .description('法治政府建设示范地区 supervision: ingest, indicators, flags, spot checks, dashboard')
  .option('--db <path>', 'DuckDB file (env SHIFAN_DB)', defaultDbPath())
  .option('--json', 'machine-readable output')
  .option('--lang <zh|en>', 'language of labels and messages (default Chinese; env SHIFAN_LANG or an English LANG)')
  .showHelpAfterError();

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportFatal(err);
}
