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
}

/**
 * `--trust-proxy VALUE` (or SHIFAN_TRUST_PROXY): `true` believes any X-Forwarded-For (only when nothing but the
 * proxy can reach the server), a number the hops to count back, otherwise a comma-separated list of proxy
 * addresses or CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `loopback`). Without it the client address is the TCP peer.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] | undefined {
  if (value === undefined || value.trim() === '' || value === 'false') return undefined;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of list) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(item)) {
      throw new Error(`--trust-proxy: "${item}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`);
    }
  }
  return list;
}

export const defaultStaticDir = () => join(repoRoot, 'dashboard', 'dist');

export async function startServer(
  db: Database,
  opts: ServeOptions = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const out = opts.out ?? process.stdout;
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const admin = await ensureAdmin(db);
  if (admin)
    out.write(`first start: created user ${admin.username}, password (shown once, store it now): ${admin.password}\n`);
  const staticDir = opts.staticDir ?? defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html')))
    out.write(`the dashboard is not built (${staticDir}); run \`npm run build\` — the API works meanwhile\n`);
  // Cookies are Secure unless served over plain http on a loopback address (documented in pipeline/api/README.md).
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const secureCookies = process.env.SHIFAN_INSECURE_COOKIES === '1' ? false : !loopback;
  const app = await buildApp({
    db,
    staticDir,
    logger: opts.logger ? { level: 'warn' } : false,
    secureCookies,
    trustProxy: opts.trustProxy,
    autoRefresh: opts.autoRefresh ?? {},
  });
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
    await app.listen({ port, host });
  } catch (err) {
    await app.close(); // stops the scheduler again
    throw err;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  out.write(`shifan is running at ${url} (API docs: ${url}docs); Ctrl-C stops it\n`);
  return { app, url };
}

/** Closes the app (and its read connections) on SIGINT/SIGTERM, then the caller's database. */
export function closeOnSignal(app: FastifyInstance, db: Database, beforeClose?: () => Promise<void>): Promise<void> {
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
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
