// The `shifan` program: the root options and every command. main.ts runs it for the process; tests run it in
// their own process with the output captured (tests/cli/run-cli.ts), so a command is tested without a spawn.
import { Command, type OutputConfiguration } from 'commander';
import { defaultDbPath } from '../db/index.ts';
import { commands } from './commands/index.ts';

export interface ProgramOptions {
  /** Throw commander's usage errors (with their exit code) instead of exiting, and write its output here. */
  embedded?: Pick<OutputConfiguration, 'writeOut' | 'writeErr'>;
}

export function buildProgram(options: ProgramOptions = {}): Command {
  const program = new Command('shifan')
    .description('法治政府建设示范地区 supervision: ingest, indicators, flags, spot checks, dashboard')
    .option('--db <path>', 'DuckDB file (env SHIFAN_DB)', defaultDbPath())
    .option('--json', 'machine-readable output')
    .showHelpAfterError();
  // Before the commands are added: commander copies these settings into each command as it is created.
  if (options.embedded) program.exitOverride().configureOutput(options.embedded);
  for (const register of commands) register(program);
  return program;
}
