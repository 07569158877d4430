// Listens: opens nothing itself; takes the open database, makes sure an admin exists (printing a first password
// once), builds the app, starts the scheduled jobs (pipeline/jobs; stopped when the app closes) and listens.
// `shifan serve` and `shifan start` call startServer().
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { repoRoot, type Database } from '../db/index.ts';
import { ensureAdmin } from '../users/index.ts';
import { buildApp } from './app.ts';
import type { AutoRefreshOptions } from './plugins/figures.ts';
import { jobDefinitions, startScheduler, type JobEvent } from '../jobs/index.ts';
import type { EarlyServer } from './listen-first.ts';
import { lazySchemaCompilers } from './lazy-schemas.ts';
import { cliWord, langFrom, type Lang } from '../vocabulary/index.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  staticDir?: string;
  logger?: boolean;
  out?: NodeJS.WritableStream;
  /** Refresh the figures after new loads (default on; `serve --no-auto-refresh` turns it off). */
  autoRefresh?: AutoRefreshOptions | false;
  /** Run the scheduled jobs of data/schedules.json in this process (default true; `serve --no-scheduler`). */
  scheduler?: boolean;
  /** `serve --trust-proxy`: whose X-Forwarded-For gives the client address (parseTrustProxy); default none */
  trustProxy?: boolean | number | string[];
  /** the server `shifan serve` bound before opening the database (listen-first.ts): the app serves on it */
  early?: EarlyServer;
  /** compile route schemas on first use, the rest in the background once listening (lazy-schemas.ts) */
  lazySchemas?: boolean;
  /** the language of what the start prints (the command's --lang; else SHIFAN_LANG / LANG as the CLI reads them) */
  lang?: Lang;
}

// parsed before anything heavy loads (`shifan serve` checks its flags, then listens); kept importable from here
export { parseTrustProxy } from './trust-proxy.ts';

export const defaultStaticDir = () => join(repoRoot, 'dashboard', 'dist');

export async function startServer(
  db: Database,
  opts: ServeOptions = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const out = opts.out ?? process.stdout;
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const lang = opts.lang ?? langFrom(undefined, process.env);
  const admin = await ensureAdmin(db);
  if (admin)
    out.write(`${cliWord('serve.firstAdmin', lang, { username: admin.username, password: admin.password })}\n`);
  const staticDir = opts.staticDir ?? defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html')))
    out.write(`${cliWord('serve.notBuilt', lang, { dir: staticDir, command: '`npm run build`' })}\n`);
  // Cookies are Secure unless served over plain http on a loopback address (documented in pipeline/api/README.md).
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const secureCookies = process.env.SHIFAN_INSECURE_COOKIES === '1' ? false : !loopback;
  const lazySchemas = opts.lazySchemas ? lazySchemaCompilers() : undefined;
  const app = await buildApp({
    db,
    lazySchemas,
    staticDir,
    logger: opts.logger ? { level: 'warn' } : false,
    secureCookies,
    trustProxy: opts.trustProxy,
    autoRefresh: opts.autoRefresh ?? {},
    serverFactory: opts.early?.takeServer,
  });
  // Fastify closes only a server it listened on itself; the early one is closed with the app.
  if (opts.early) app.addHook('onClose', opts.early.close);
  if (opts.scheduler !== false) {
    // A job writes through the shared connection outside app.q.write, so the cached reads are dropped when it ends.
    // Requests log at warn; the jobs' events at info, on a child logger of their own.
    const jobLog = app.log.child({ component: 'jobs' }, { level: 'info' });
    const scheduler = await startScheduler(db, {
      jobs: jobDefinitions,
      onEvent: (e: JobEvent) => {
        const level = e.type === 'retry' || e.status === 'failed' ? 'warn' : 'info';
        jobLog[level]({ job: e }, `job ${e.job_id} #${e.run_id} ${e.type}${e.status ? ` ${e.status}` : ''}`);
        if (e.type === 'finished') app.q.invalidate();
      },
    });
    app.addHook('onClose', async () => scheduler.stop());
  }
  try {
    if (opts.early) {
      await app.ready();
      opts.early.ready();
    } else await app.listen({ port, host });
  } catch (err) {
    await app.close(); // stops the scheduler again
    throw err;
  }
  // A broken schema is found by the tests (tests/api/listen-first.test.ts compiles every one); here it is logged.
  // Two seconds after the start, so that it does not slow the first requests, which compile what they need.
  if (lazySchemas)
    setTimeout(
      () => void lazySchemas.warmUp((err) => app.log.error({ err }, 'a route schema failed to compile')),
      2000,
    ).unref();
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  out.write(`${cliWord('serve.running', lang, { url, docs: `${url}docs` })}\n`);
  if (admin) out.write(`${cliWord('serve.login', lang, { url, username: admin.username })}\n`);
  return { app, url };
}

/** Closes the app (and its read connections) on SIGINT/SIGTERM, then the caller's database. `stopSignal`, when
 *  given, replaces the process signals: `shifan serve` listens for them from its first moment (serve.ts). */
export function closeOnSignal(
  app: FastifyInstance,
  db: Database,
  beforeClose?: () => Promise<void>,
  stopSignal?: Promise<void>,
): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      (beforeClose?.() ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => app.close())
        .finally(() => {
          db.close();
          resolve();
        });
    };
    if (stopSignal) return void stopSignal.then(stop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
