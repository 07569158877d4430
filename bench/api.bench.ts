// Benchmark: the dashboard's view endpoints under load. Starts the real `shifan serve` on 127.0.0.1 (its own
// process, as in production) on the database given, logs in, and runs autocannon with 50 connections for 10 s per
// endpoint (bounded), printing p50/p95/p99 latency and req/s; /api/health (no database work) runs first as the
// baseline, so the figures can be compared on a noisy shared machine. Target: p95 < 50 ms on the national demo.
//   npm run bench:api -- /tmp/national.duckdb [--seconds 10] [--connections 50] [--workers 2] [--only regions,flags]
// The server opens the database (single writer): nothing else may hold it. A `bench` account is added (central)
// the first time, with a random password set on every run.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { addUser, hashPassword, randomPassword } from '../pipeline/users/index.ts';
import { openPreparedDatabase } from '../pipeline/setup/open.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const path = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? process.env.SHIFAN_DB;
// --only takes a comma-separated list of substrings of the endpoints to run (the baseline always runs)
const SECONDS = opt('--seconds', 10);
const CONNECTIONS = opt('--connections', 50);
// client threads: autocannon's pure-JS HTTP parser, not the server, is the limit on large bodies on a 2-core machine
const WORKERS = opt('--workers', 2);
const TARGET_P95_MS = 50;

if (!path || !existsSync(path)) {
  console.error(`usage: npm run bench:api -- DB_PATH [--seconds 10] [--connections 50]
DB_PATH must hold loaded and refreshed data (national: node bin/shifan.mjs --db /tmp/national.duckdb demo --scale national, then refresh)`);
  process.exit(2);
}

// the bench account, with a fresh password each run
const password = randomPassword();
{
  const db = await openPreparedDatabase(path);
  try {
    if (await db.one("SELECT 1 FROM users WHERE username = 'bench'")) {
      await db.run("UPDATE users SET password_hash = $1, disabled = false WHERE username = 'bench'", [
        await hashPassword(password),
      ]);
    } else {
      await addUser(db, { username: 'bench', role: 'central', password }, 'bench:api');
    }
  } finally {
    db.close();
  }
}

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const server = spawn('node', ['bin/shifan.mjs', '--db', path, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stop);
const base = `http://127.0.0.1:${port}`;
await new Promise<void>((resolve, reject) => {
  const deadline = Date.now() + 120_000;
  const poll = async () => {
    if (server.exitCode !== null) return reject(new Error(`shifan serve exited with ${server.exitCode}`));
    try {
      if ((await fetch(`${base}/api/health`)).ok) return resolve();
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) return reject(new Error('shifan serve did not answer within 120 s'));
    setTimeout(poll, 200);
  };
  void poll();
});

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password }),
});
if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const meta = (await (await fetch(`${base}/api/meta`, { headers: { cookie } })).json()) as {
  metrics: Array<{ id: string; funnel: boolean }>;
  latest_year: number;
};
const metric = meta.metrics.find((m) => m.funnel)?.id ?? meta.metrics[0].id;

const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const endpoints = [
  '/api/health',
  '/api/overview',
  '/api/regions',
  `/api/indicators/${metric}`,
  `/api/indicators/${metric}/trend`,
  '/api/flags',
  '/api/data/loads',
  '/api/regions?format=arrow',
  `/api/indicators/${metric}?format=arrow`,
].filter((e) => e === '/api/health' || !only || only.some((o) => e.includes(o)));

interface Row {
  endpoint: string;
  first_ms: number;
  bytes: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
  server_us: number;
}

/** CPU time (user + system, ms) the server process has used: per-request server cost, apart from the client's. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}
const rows: Row[] = [];
for (const endpoint of endpoints) {
  // the first request computes (and caches until the next write); the load test then measures the steady state
  const t = performance.now();
  const first = await fetch(`${base}${endpoint}`, { headers: { cookie } });
  const bytes = (await first.arrayBuffer()).byteLength; // uncompressed size (fetch decodes gzip)
  const firstMs = performance.now() - t;
  const cpuBefore = serverCpuMs();
  // headers as a browser sends them: the session cookie and gzip accepted
  const result = await autocannon({
    url: `${base}${endpoint}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: WORKERS > 1 ? WORKERS : undefined,
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
  });
  // autocannon reports p97.5 but no p95: p97.5 is printed as the p95 figure, an upper bound of it
  const lat = result.latency as unknown as Record<string, number>;
  const serverUs = Math.round(((serverCpuMs() - cpuBefore) * 1000) / Math.max(result.requests.total, 1));
  rows.push({
    endpoint,
    first_ms: Math.round(firstMs),
    bytes,
    p50: lat.p50,
    p95: lat.p97_5,
    p99: lat.p99,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    server_us: serverUs,
  });
  const r = rows.at(-1)!;
  console.log(
    `${endpoint.padEnd(52)} first ${String(r.first_ms).padStart(5)} ms  ${String(r.bytes).padStart(8)} B  p50 ${r.p50} ms  p97.5 (≥p95) ${r.p95} ms  p99 ${r.p99} ms  ${r.rps} req/s  server CPU ${r.server_us} µs/req  errors ${r.errors} non-2xx ${r.non2xx}`,
  );
}
stop();

const views = rows.filter((r) => r.endpoint !== '/api/health');
const worst = Math.max(...views.map((r) => r.p95));
const health = rows[0];
console.log(
  `\n${CONNECTIONS} connections (${WORKERS} autocannon worker threads), ${SECONDS} s per endpoint, database ${path}; p95 figures are autocannon's p97.5 (an upper bound)`,
);
console.log(
  `baseline /api/health: p95 ${health.p95} ms, ${health.rps} req/s; worst view p95 ${worst} ms (${(worst / Math.max(health.p95, 1)).toFixed(1)}× baseline)`,
);
console.log(
  `target p95 < ${TARGET_P95_MS} ms: ${worst < TARGET_P95_MS ? 'met' : 'NOT met'} (client and server share the machine's cores: server CPU µs/req is the server's own cost)`,
);
process.exit(0);
