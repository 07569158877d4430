// One run of the command line on given arguments and io: builds the commander program with only the named
// command's module loaded (the rest listed by summary), parses, and returns the exit code instead of exiting.
// The entry point (main.ts) runs it on the process's own streams; the server's channel (channel-server.ts) runs it
// on a caller's, so a command behaves the same in both.
import { Command, CommanderError } from 'commander';
import { defaultDbPath } from '../db/paths.ts';
import { type CommandEntry, commands } from './commands/index.ts';
import { type CliIo, cliIo, langOfArgv, registerCommandRunner, reportError, runWithIo } from './context.ts';

/** The command the arguments name (`help X` names X), skipping the global options. */
export function commandEntry(argv: readonly string[]): CommandEntry | undefined {
  const operands: string[] = [];
  for (let i = 0; i < argv.length && operands.length < 2; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--db' || arg === '--lang') i++;
    else if (!arg.startsWith('-')) operands.push(arg);
  }
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return commands.find((c) => c.name === name);
}

/** The database file the arguments name: --db, else SHIFAN_DB, else data/shifan.duckdb (not yet resolved). */
export function dbArgument(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--db' && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith('--db=')) return argv[i].slice('--db='.length);
  }
  return defaultDbPath();
}

async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('shifan')
    .description('法治政府建设示范地区 supervision: ingest, indicators, flags, spot checks, dashboard')
    .option('--db <path>', 'DuckDB file (env SHIFAN_DB)', defaultDbPath())
    .option('--json', 'machine-readable output')
    .option('--lang <zh|en>', 'language of labels and messages (default Chinese; env SHIFAN_LANG or an English LANG)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => cliIo().stdout(text), writeErr: (text) => cliIo().stderr(text) });
  const target = commandEntry(argv);
  const register = target ? await target.load() : undefined;
  for (const entry of commands) {
    if (entry === target && register) register(program);
    else program.command(entry.name).summary(entry.summary).description(entry.summary);
  }
  return program;
}

/** Runs the command line; resolves to the exit code (1 failure, 2 usage, 3 database busy). */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  io.lang ??= langOfArgv(argv);
  return runWithIo(io, async () => {
    try {
      const program = await buildProgram(argv);
      await program.parseAsync([...argv], { from: 'user' });
      return io.exitCode;
    } catch (err) {
      // commander has already printed its own message (unknown option, missing argument, help)
      if (err instanceof CommanderError) return err.exitCode;
      return reportError(err, io);
    }
  });
}

registerCommandRunner({
  runCli,
  usesDatabase: (argv) => commandEntry(argv)?.database === 'shared',
  commandName: (argv) => commandEntry(argv)?.name,
});
