// Entry point of the `shifan` command line. A command that opens the database runs inside a `shifan serve` that
// holds it (channel-client.ts), else here; see commands/index.ts for the registry.

import { processIo, reportFatal } from './context.ts';
import { commandEntry, dbArgument, runCli } from './run.ts';

try {
  const argv = process.argv.slice(2);
  let code: number | undefined;
  if (commandEntry(argv)?.database === 'shared') {
    const { runThroughServer } = await import('./channel-client.ts');
    code = await runThroughServer(argv, dbArgument(argv));
  }
  code ??= await runCli(argv, processIo());
  // A failed command exits at once, as it always has: a handle it left open (a server that failed to listen, a
  // pool) must not keep the process alive. A successful one ends when its work is done, its output flushed.
  if (code !== 0) process.exit(code);
} catch (err) {
  reportFatal(err);
}
