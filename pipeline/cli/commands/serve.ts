// `shifan serve [--port 8080] [--host 127.0.0.1] [--no-scheduler] [--trust-proxy VALUE]`: the server, the database's single writer, and
// (unless --no-scheduler) the runner of the scheduled jobs. Ingest, refresh and
// draws asked for in the dashboard or the API run inside it, and so do other `shifan` commands that use the
// database (through the channel of cli/channel-server.ts).
import type { Command } from 'commander';
import { closeOnSignal, parseTrustProxy, startServer } from '../../api/server.ts';
import { defaultDbPath } from '../../db/index.ts';
import { hasRefreshed, refresh } from '../../indicators/index.ts';
import { openPreparedDatabase } from '../../setup/open.ts';
import { openCliChannel } from '../channel-server.ts';
import { cliErr, cliOut, commandRunner, optionsOf, reportRecovery, UsageError } from '../context.ts';

export interface ServeFlags {
  port?: string;
  host?: string;
  /** `shifan start`: compute the indicators first when data is loaded but no refresh ever ran (the demo sample) */
  refreshIfNever?: boolean;
  /** false with `--no-scheduler`: serve without running the scheduled jobs */
  scheduler?: boolean;
  /** `--trust-proxy`: see parseTrustProxy */
  trustProxy?: string;
  /** false with `--no-auto-refresh`: new loads do not trigger a refresh */
  autoRefresh?: boolean;
}

/** Opens the database and serves until SIGINT/SIGTERM (shared by `serve` and `start`). */
export async function serveDatabase(dbPath: string, flags: ServeFlags): Promise<void> {
  const port = Number(flags.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, got "${flags.port}"`);
  let trustProxy: ReturnType<typeof parseTrustProxy>;
  try {
    trustProxy = parseTrustProxy(flags.trustProxy ?? process.env.SHIFAN_TRUST_PROXY);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const phase = startPhases();
  const db = await openPreparedDatabase(dbPath);
  phase('database opened and prepared');
  reportRecovery(db);
  try {
    if (
      flags.refreshIfNever &&
      !(await hasRefreshed(db)) &&
      ((await db.one<{ n: number }>('SELECT count(*) AS n FROM regions'))?.n ?? 0) > 0
    ) {
      const r = await refresh(db, { actor: 'system:start' });
      cliOut.write(
        `computed the indicators (refresh run ${r.run_id}, ${r.seconds.toFixed(1)} s): ${r.metric_rows} values, ${r.flags_active} active flags\n`,
      );
    }
    const { app } = await startServer(db, {
      port,
      host: flags.host ?? '127.0.0.1',
      logger: true,
      scheduler: flags.scheduler !== false,
      trustProxy,
      autoRefresh: flags.autoRefresh === false ? false : {},
    });
    phase('listening');
    // Commands of the command line run inside this process while it holds the database (cli/channel-server.ts).
    const channel = await openCliChannel(app, db, commandRunner());
    await closeOnSignal(app, db, () => channel.close());
  } catch (err) {
    db.close();
    throw err;
  }
}

/** SHIFAN_PROFILE=1: milliseconds since the process started at each step of the start-up, on stderr. */
function startPhases(): (name: string) => void {
  if (!process.env.SHIFAN_PROFILE) return () => undefined;
  return (name) => cliErr.write(`  ${name}: ${Math.round(performance.now())} ms after process start\n`);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the dashboard and the API (http://127.0.0.1:8080/, docs at /docs); the single writer of the database',
    )
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on (loopback by default; cookies are Secure off loopback)', '127.0.0.1')
    .option('--no-scheduler', 'do not run the scheduled jobs of data/schedules.json in the server')
    .option(
      '--trust-proxy <value>',
      'behind a reverse proxy: true, a hop count, or comma-separated proxy addresses/CIDRs whose X-Forwarded-For gives the client address (env SHIFAN_TRUST_PROXY)',
    )
    .option(
      '--no-auto-refresh',
      'do not refresh the figures by themselves after new loads (the nightly job and "run now" still do)',
    )
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<ServeFlags>(cmd);
      await serveDatabase(opts.db ?? defaultDbPath(), opts);
    });
}
