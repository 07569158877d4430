// The command line while `shifan serve` holds the database: the same commands give the same output through the
// server's channel as run directly, each leaves an audit entry, and the channel admits only its owner's token.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelPaths } from '../../pipeline/cli/channel.ts';
import { ChannelRefusedError, readToken, runThroughServer } from '../../pipeline/cli/channel-client.ts';

const root = join(import.meta.dirname, '..', '..');
mkdirSync(join(root, 'tmp'), { recursive: true });
// Under the worktree (tmp/ is ignored) and short: a Unix socket path must stay under about 100 bytes.
const dir = mkdtempSync(join(root, 'tmp', 'ch-'));
const direct = join(dir, 'direct.duckdb');
const served = join(dir, 'served.duckdb');

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

function shifan(db: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'bin', 'shifan.mjs'), '--db', db, ...args],
      { cwd: dir, env: { ...process.env, SHIFAN_DEBUG: '' } },
      (err, stdout, stderr) => {
        resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 });
      },
    );
    child.stdin!.end(input ?? '');
  });
}

let server: ChildProcess | undefined;

beforeAll(async () => {
  // Two databases with the same content: one used directly, one held by a server.
  writeFileSync(
    join(dir, 'enforcement_decisions_2024.csv'),
    'case_id,region_code,agency,action_type,decided_on,published_on,is_major,legal_review\n' +
      'C1,110101,市场监督管理局,penalty,2024-03-01,2024-03-05,0,1\n' +
      'C2,110101,市场监督管理局,license,2024-03-02,,0,1\n' +
      'C3,x,生态环境局,penalty,2024-03-03,2024-03-04,1,1\n',
  );
  expect(
    (
      await shifan(
        direct,
        ['users', 'add', 'boss', '--role', 'admin', '--password-stdin'],
        'a-long-admin-passphrase-9\n',
      )
    ).code,
  ).toBe(0);
  copyFileSync(direct, served);
  if (existsSync(`${direct}.wal`)) copyFileSync(`${direct}.wal`, `${served}.wal`);
  server = spawn(process.execPath, ['bin/shifan.mjs', '--db', served, 'serve', '--port', '0', '--no-scheduler'], {
    cwd: root,
    stdio: 'ignore',
  });
  const { socket } = channelPaths(served);
  for (let i = 0; i < 6000 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
  expect(existsSync(socket)).toBe(true);
}, 700_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  // outside the run's temporary folder (tests/support/run-temp.ts), so removed here
  rmSync(dir, { recursive: true, force: true });
});

describe('shifan commands while serve holds the database', () => {
  const sequence: [string, string[], string?][] = [
    ["ingest a file (relative path, resolved in the caller's folder)", ['ingest', 'enforcement_decisions_2024.csv']],
    ['rejects', ['rejects']],
    ['the same file again', ['--json', 'ingest', 'enforcement_decisions_2024.csv']],
    [
      'add an account with the password on stdin',
      ['users', 'add', 'gd', '--role', 'provincial', '--province', '440000', '--password-stdin'],
      'guangdong-passphrase-2024\n',
    ],
    ['a refused account', ['users', 'add', 'pr', '--role', 'provincial']],
    ['an unknown option', ['loads', '--bogus']],
  ];

  it('give the same output and exit code through the server as run directly', async () => {
    for (const [what, args, input] of sequence) {
      const a = await shifan(direct, args, input);
      const b = await shifan(served, args, input);
      expect(b, what).toEqual(a);
      expect(a.stdout + a.stderr, what).not.toBe('');
    }
    expect((await shifan(served, ['rejects'])).stdout).toMatch(/enforcement_decisions_2024\.csv/);
    // the server really held its database: opening it directly is refused
    const { Database } = await import('../../pipeline/db/index.ts');
    await expect(Database.open(served)).rejects.toThrow(/in use/);
  }, 300_000);

  it('leave an audit entry for every command run through the server', async () => {
    const log = await shifan(served, ['--json', 'audit', 'log', '--action', 'cli.command']);
    const entries = JSON.parse(log.stdout) as {
      actor: string;
      subject: string;
      details: { argv: string[]; exit_code: number };
    }[];
    const ingest = entries.find(
      (e) => e.details.argv.join(' ') === `--db ${served} ingest enforcement_decisions_2024.csv`,
    );
    expect(ingest?.subject).toBe('command:ingest');
    expect(ingest?.actor).toMatch(/^cli:/);
    expect(entries.some((e) => e.details.argv.includes('pr') && e.details.exit_code === 2)).toBe(true);
  }, 120_000);

  it('keeps the socket and the token file readable by their owner only', () => {
    const paths = channelPaths(served);
    expect(statSync(paths.socket).mode & 0o777).toBe(0o600);
    expect(statSync(paths.token).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong token, and logs the refusal', async () => {
    await expect(runThroughServer(['loads'], served, { token: 'not-the-token' })).rejects.toThrow(ChannelRefusedError);
    const log = await shifan(served, ['--json', 'audit', 'log', '--action', 'cli.channel_refused']);
    expect(JSON.parse(log.stdout)).toHaveLength(1);
  }, 120_000);

  it('does not use a token file that others can read', () => {
    const { token } = channelPaths(served);
    chmodSync(token, 0o644);
    try {
      expect(() => readToken(token)).toThrow(/readable by others/);
    } finally {
      chmodSync(token, 0o600);
    }
  });
});
