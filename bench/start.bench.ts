// Benchmark: how long a person waits for the command line and the server to start, as whole processes, against a
// bare Node start measured in the same run (alternating, medians). Targets (issue 16): `shifan --help` and
// `shifan workdays add` within 4x `node -e 0`; `serve` answering its first request within 2x of the same.
// "First request" is measured twice, both answered by the `shifan serve` process itself: GET /api/health (liveness:
// the server listens before it opens the database, pipeline/api/listen-first.ts) and a login with a real account
// (POST /api/auth/login answered 200: the database open, the app built, a session written), the moment a person
// can use the dashboard.
// Also shown: the TypeScript sources through tsx (what every start cost before the compiled build), a command
// that opens the database, and a bare Node HTTP server's first answer (the floor of any server). Besides wall
// time, the CPU seconds of each process (GNU time; for a server, what it had used when its first answer came, from
// /proc): on a shared machine they move far less with the other load.
//   npm run bench:start [-- --repeat 7 --port 8187]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../pipeline/db/paths.ts';
import { median, type Timing, timeFirstAnswer, timeProcess } from './whole-process.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const repeat = arg('repeat', 7);
const port = arg('port', 8187);
const shifan = join(repoRoot, 'bin', 'shifan.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shifan-start-bench-'));
const db = join(dir, 'bench.duckdb');
const url = `http://127.0.0.1:${port}/api/health`;

// The compiled command line must be fresh, or bin/shifan.mjs would fall back to tsx and this would measure that.
execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js was not built');
// A migrated database with its admin account, so `loads` and `serve` measure a start, not a first setup.
const added = JSON.parse(
  execFileSync(process.execPath, [shifan, '--db', db, 'users', 'add', 'bench', '--role', 'admin', '--json'], {
    encoding: 'utf8',
  }),
) as { password: string };
const loginUrl = `http://127.0.0.1:${port}/api/auth/login`;
const serveArgs = [shifan, '--db', db, 'serve', '--port', String(port), '--no-scheduler'];

const bareServer = `require('node:http').createServer((q, s) => s.end('{"ok":true}')).listen(${port}, '127.0.0.1')`;
const cases: { name: string; run: () => Promise<Timing> }[] = [
  { name: 'node -e 0 (bare Node)', run: () => timeProcess(process.execPath, ['-e', '0']) },
  { name: 'shifan --help', run: () => timeProcess(process.execPath, [shifan, '--help']) },
  {
    name: 'shifan workdays add 2024-09-30 7',
    run: () => timeProcess(process.execPath, [shifan, 'workdays', 'add', '2024-09-30', '7']),
  },
  {
    name: 'shifan loads (opens the database)',
    run: () => timeProcess(process.execPath, [shifan, '--db', db, 'loads']),
  },
  {
    name: 'shifan --help through tsx (sources)',
    run: () => timeProcess(process.execPath, [shifan, '--help'], { env: { SHIFAN_NO_COMPILED: '1' } }),
  },
  {
    name: 'bare Node HTTP server, first answer',
    run: () => timeFirstAnswer(process.execPath, ['-e', bareServer], url),
  },
  {
    name: 'shifan serve, first answer (/api/health)',
    run: () => timeFirstAnswer(process.execPath, serveArgs, url),
  },
  {
    name: 'shifan serve, first login answered',
    run: () =>
      timeFirstAnswer(process.execPath, serveArgs, loginUrl, {
        body: { username: 'bench', password: added.password },
      }),
  },
];

const times = new Map<string, Timing[]>(cases.map((c) => [c.name, []]));
for (let i = 0; i < repeat; i++) {
  for (const c of cases) times.get(c.name)!.push(await c.run());
  process.stdout.write(
    `run ${i + 1}/${repeat}: ${cases.map((c) => `${c.name.split(' (')[0]} ${times.get(c.name)![i].wall.toFixed(3)}`).join(', ')}\n`,
  );
}
const med = (name: string, pick: (t: Timing) => number) => median(times.get(name)!.map(pick));
const bare = cases[0].name;
const width = Math.max(...cases.map((c) => c.name.length));
process.stdout.write(`\nmedians of ${repeat}, whole processes, same run (wall; CPU = user + system):\n`);
for (const c of cases) {
  const wall = med(c.name, (t) => t.wall);
  const cpu = med(c.name, (t) => t.cpu);
  process.stdout.write(
    `${c.name.padEnd(width)}  wall ${wall.toFixed(3)} s  ${(wall / med(bare, (t) => t.wall)).toFixed(1)}x` +
      (Number.isNaN(cpu) ? '\n' : `   CPU ${cpu.toFixed(3)} s  ${(cpu / med(bare, (t) => t.cpu)).toFixed(1)}x\n`),
  );
}
const ratio = (name: string) => med(name, (t) => t.wall) / med(bare, (t) => t.wall);
process.stdout.write(
  `\ntargets (wall): --help ${ratio('shifan --help').toFixed(1)}x (<= 4), workdays ${ratio('shifan workdays add 2024-09-30 7').toFixed(1)}x (<= 4), ` +
    `serve first answer ${ratio('shifan serve, first answer (/api/health)').toFixed(1)}x (<= 2; a bare HTTP server: ${ratio('bare Node HTTP server, first answer').toFixed(1)}x), ` +
    `first login answered ${ratio('shifan serve, first login answered').toFixed(1)}x\n`,
);
rmSync(dir, { recursive: true, force: true });
