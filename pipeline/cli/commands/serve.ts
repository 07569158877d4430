// `shifan serve [--port 8080] [--host 127.0.0.1] [--no-scheduler] [--trust-proxy VALUE]`: the server, the database's single writer, and
// (unless --no-scheduler) the runner of the scheduled jobs. Ingest, refresh and
// draws asked for in the dashboard or the API run inside it, and so do other `shifan` commands that use the
// database (through the channel of cli/channel-server.ts).
import type { Command } from 'commander';
import { parseTrustProxy } from '../../api/trust-proxy.ts';
import { defaultDbPath } from '../../db/paths.ts';
import { cliErr, cliOut, commandRunner, langOf, optionsOf, reportRecovery, UsageError } from '../context.ts';
import { CodedError, cliWord, type Lang } from '../../vocabulary/index.ts';
import { DEFAULT_HOST, DEFAULT_PORT, parsePort, takeEarlyServer } from '../serve-early.ts';
import { answerStartFailed } from '../early-answers.ts';

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
  /** the language of what the start prints (the command's --lang) */
  lang?: Lang;
}

/** The heavy part of a server, loaded after it listens: DuckDB comes with the database, Fastify with these. */
const serverModules = () =>
  Promise.all([import('../../api/server.ts'), import('../channel-server.ts'), import('../../indicators/index.ts')]);

/**
 * Opens the database and serves until SIGINT/SIGTERM (shared by `serve` and `start`). Listens first (nothing but
 * node:http loaded: api/listen-first.ts), so the port is taken at once and /api/health answers during the start;
 * then opens the database while the server's modules load, builds the app and hands it the requests held meanwhile.
 */
export async function serveDatabase(dbPath: string, flags: ServeFlags): Promise<void> {
  const port = parsePort(flags.port ?? DEFAULT_PORT);
  if (port === undefined) throw new CodedError('listen.bad_port', { value: flags.port ?? '' });
  let trustProxy: ReturnType<typeof parseTrustProxy>;
  try {
    trustProxy = parseTrustProxy(flags.trustProxy ?? process.env.SHIFAN_TRUST_PROXY);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const phase = startPhases();
  const host = flags.host ?? DEFAULT_HOST;
  // bound already when bin/shifan.mjs recognised a plain `serve` (serve-early.ts) or `start` bound it before its
  // setup, else bound now
  const early = await takeEarlyServer(port, host).catch((err) => {
    throw explainListenError(err, port, host);
  });
  phase('listening (/api/health answers, other requests wait for the app)');
  // SIGINT/SIGTERM are taken from now on (a signal between two steps of the start would otherwise be lost): during
  // the start, requests held so far get 503 and the database is closed once open; afterwards the app closes.
  let signalled!: () => void;
  const stopSignal = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  let interrupted = false;
  let started = false;
  const onSignal = () => {
    interrupted = true;
    if (!started) void early.fail(answerStartFailed);
    signalled();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const [opened, loaded] = await Promise.allSettled([
    import('../../setup/open.ts').then((m) => m.openPreparedDatabase(dbPath)),
    serverModules(),
  ]);
  if (opened.status === 'fulfilled' && (loaded.status === 'rejected' || interrupted)) opened.value.close();
  if (opened.status === 'rejected' || loaded.status === 'rejected') {
    await early.fail(answerStartFailed);
    throw opened.status === 'rejected' ? opened.reason : (loaded as PromiseRejectedResult).reason;
  }
  if (interrupted) return;
  const db = opened.value;
  const [{ closeOnSignal, startServer }, { openCliChannel }, { hasRefreshed, refresh }] = loaded.value;
  phase('database opened and prepared, server modules loaded');
  reportRecovery(db, flags.lang ?? 'zh');
  try {
    if (
      flags.refreshIfNever &&
      !(await hasRefreshed(db)) &&
      ((await db.one<{ n: number }>('SELECT count(*) AS n FROM regions'))?.n ?? 0) > 0
    ) {
      const r = await refresh(db, { actor: 'system:start' });
      cliOut.write(
        `${cliWord('serve.computed', flags.lang ?? 'zh', { run: r.run_id, seconds: r.seconds.toFixed(1), metric_rows: r.metric_rows, flags_active: r.flags_active })}\n`,
      );
    }
    if (interrupted) return db.close();
    started = true;
    const { app } = await startServer(db, {
      port,
      host,
      logger: true,
      scheduler: flags.scheduler !== false,
      trustProxy,
      autoRefresh: flags.autoRefresh === false ? false : {},
      early,
      lazySchemas: true,
      lang: flags.lang,
    });
    phase('app ready (every request answered by it)');
    // Commands of the command line run inside this process while it holds the database (cli/channel-server.ts).
    const channel = await openCliChannel(app, db, commandRunner());
    await closeOnSignal(app, db, () => channel.close(), stopSignal);
  } catch (err) {
    await early.fail(answerStartFailed);
    db.close();
    throw err;
  }
}

/** Node's error for a port that cannot be bound, as the coded error a person can act on (another port, another
 *  address); any other error as it is. */
export function explainListenError(err: unknown, port: number, host: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (code === 'EADDRINUSE') return new CodedError('listen.in_use', { port, host, address });
  if (code === 'EACCES' || code === 'EPERM') return new CodedError('listen.denied', { port, host, address });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new CodedError('listen.no_address', { port, host });
  return err;
}

/** SHIFAN_PROFILE=1: milliseconds since the process started at each step of the start-up, and the CPU time spent so
 *  far (user + system: on a shared machine it moves far less with the other load than wall time), on stderr. */
function startPhases(): (name: string) => void {
  if (!process.env.SHIFAN_PROFILE) return () => undefined;
  return (name) => {
    const cpu = process.cpuUsage();
    cliErr.write(
      `  ${name}: ${Math.round(performance.now())} ms after process start, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`,
    );
  };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the dashboard and the API (http://127.0.0.1:8080/, docs at /docs); the single writer of the database',
    )
    .option('--port <n>', 'port to listen on', DEFAULT_PORT)
    .option(
      '--host <addr>',
      'address to listen on (loopback by default; cookies are Secure off loopback)',
      DEFAULT_HOST,
    )
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
      await serveDatabase(opts.db ?? defaultDbPath(), { ...opts, lang: langOf(cmd) });
    });
}
