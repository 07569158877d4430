// Benchmark: how long a person waits for the command line and the server to start, as whole processes, against a
// bare Node start measured in the same run (alternating, medians). Targets (issue 16): `shifan --help` and
// `shifan workdays add` within 4x `node -e 0`; `serve` answering its first request within 2x of the same.
// Also shown: the TypeScript sources through tsx (what every start cost before the compiled build), a command
// that opens the database, and a bare Node HTTP server's first answer (the floor of any server).
//   npm run bench:start [-- --repeat 7 --port 8187]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../pipeline/db/paths.ts';
import { median, timeFirstAnswer, timeProcess } from './whole-process.ts';

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
execFileSync(process.execPath, [join(repoRoot, 'bin', 'build-cli.mjs')], { stdio: 'inherit' });
if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js was not built');
// A migrated database with its admin account, so `loads` and `serve` measure a start, not a first setup.
execFileSync(process.execPath, [shifan, '--db', db, 'users', 'add', 'bench', '--role', 'admin'], { stdio: 'ignore' });

const bareServer = `require('node:http').createServer((q, s) => s.end('{"ok":true}')).listen(${port}, '127.0.0.1')`;
const cases: { name: string; run: () => Promise<number> }[] = [
  { name: 'node -e 0 (bare Node)', run: () => timeProcess(process.execPath, ['-e', '0']) },
  { name: 'shifan --help', run: () => timeProcess(process.execPath, [shifan, '--help']) },
  { name: 'shifan workdays add 2024-09-30 7', run: () => timeProcess(process.execPath, [shifan, 'workdays', 'add', '2024-09-30', '7']) },
  { name: 'shifan loads (opens the database)', run: () => timeProcess(process.execPath, [shifan, '--db', db, 'loads']) },
  { name: 'shifan --help through tsx (sources)', run: () => timeProcess(process.execPath, [shifan, '--help'], { env: { SHIFAN_NO_COMPILED: '1' } }) },
  { name: 'bare Node HTTP server, first answer', run: () => timeFirstAnswer(process.execPath, ['-e', bareServer], url) },
  { name: 'shifan serve, first answer', run: () => timeFirstAnswer(process.execPath, [shifan, '--db', db, 'serve', '--port', String(port), '--no-scheduler'], url) },
];

const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let i = 0; i < repeat; i++) {
  for (const c of cases) times.get(c.name)!.push(await c.run());
  process.stdout.write(`run ${i + 1}/${repeat}: ${cases.map((c) => `${c.name.split(' (')[0]} ${times.get(c.name)![i].toFixed(3)}`).join(', ')}\n`);
}
const bare = median(times.get(cases[0].name)!);
const width = Math.max(...cases.map((c) => c.name.length));
process.stdout.write(`\nmedians of ${repeat}, whole processes, same run:\n`);
for (const c of cases) {
  const m = median(times.get(c.name)!);
  process.stdout.write(`${c.name.padEnd(width)}  ${m.toFixed(3)} s  ${(m / bare).toFixed(1)}x bare Node\n`);
}
const ratio = (name: string) => median(times.get(name)!) / bare;
process.stdout.write(`\ntargets: --help ${ratio('shifan --help').toFixed(1)}x (<= 4), workdays ${ratio('shifan workdays add 2024-09-30 7').toFixed(1)}x (<= 4), ` +
  `serve first answer ${ratio('shifan serve, first answer').toFixed(1)}x (<= 2; a bare HTTP server: ${ratio('bare Node HTTP server, first answer').toFixed(1)}x)\n`);
rmSync(dir, { recursive: true, force: true });
