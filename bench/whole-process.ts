// Timing whole processes as a user runs them: spawn, wait for exit (or for a server's first answer), wall seconds.
// Shared by bench/start.bench.ts and bench/ingest.bench.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** GNU time, when installed, reports a child's CPU seconds (user + system): on a busy shared machine CPU time
 *  moves far less with the other load than wall time does. */
const GNU_TIME = '/usr/bin/time';
const cpuDir = mkdtempSync(join(tmpdir(), 'shifan-cpu-'));
process.once('exit', () => rmSync(cpuDir, { recursive: true, force: true }));
let cpuFiles = 0;

export interface Timing {
  /** seconds from spawn to exit */
  wall: number;
  /** user + system CPU seconds of the process, or NaN without GNU time */
  cpu: number;
}

/** Wall (and CPU) seconds from spawn to exit; throws on a non-zero exit. */
export function timeProcess(command: string, args: string[], options: RunOptions = {}): Promise<Timing> {
  const cpuFile = join(cpuDir, `${cpuFiles++}.txt`);
  const [cmd, argv] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]]
    : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      const cpu = existsSync(cpuFile)
        ? readFileSync(cpuFile, 'utf8')
            .trim()
            .split('\n')
            .at(-1)!
            .split(' ')
            .map(Number)
            .reduce((a, b) => a + b, 0)
        : Number.NaN;
      resolve({ wall, cpu });
    });
  });
}

/** What to ask a starting server: GET by default; a POST with a JSON body (a login) when `body` is given. */
export interface FirstRequest {
  body?: unknown;
}

function answers(url: string, ask: FirstRequest = {}): Promise<boolean> {
  return new Promise((resolve) => {
    // No keep-alive: an idle kept-alive connection would hold the server's shutdown until its keep-alive timeout.
    const headers: Record<string, string> = { connection: 'close' };
    if (ask.body !== undefined) headers['content-type'] = 'application/json';
    const method = ask.body === undefined ? 'GET' : 'POST';
    const req = request(url, { agent: false, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end(ask.body === undefined ? undefined : JSON.stringify(ask.body));
  });
}

/** CPU seconds (user + system) a running process has used so far, from /proc (Linux; NaN elsewhere). Its clock
 *  ticks are 1/100 s, the resolution GNU time gives too. */
function cpuSoFar(pid: number | undefined): number {
  try {
    // fields after the command name, which is in parentheses: state is field 3, utime 14, stime 15
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Wall seconds from spawn until `url` first answers 200, polling every 5 ms (a request the server holds until it is
 *  ready counts when it is answered), and the CPU seconds the server had used when the answer came; then stops the
 *  server. */
export async function timeFirstAnswer(
  command: string,
  args: string[],
  url: string,
  options: RunOptions & FirstRequest = {},
): Promise<Timing> {
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  try {
    for (;;) {
      if (exited) throw new Error(`${command} ${args.join(' ')} exited before answering: ${stderr.slice(0, 500)}`);
      if (await answers(url, options)) return { wall: (performance.now() - started) / 1000, cpu: cpuSoFar(child.pid) };
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exit;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
