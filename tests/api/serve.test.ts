// `shifan serve`: on a fresh database it prints the first admin password once, listens on loopback, answers, and
// stops cleanly on SIGTERM; the second start prints no password.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function serve(db: string): Promise<{ out: string; stop: () => Promise<number | null>; url: string }> {
  const child = spawn('node', ['bin/shifan.mjs', '--db', db, 'serve', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({
          out,
          url: m[1],
          stop: () =>
            new Promise((r) => {
              child.once('exit', (code) => r(code));
              child.kill('SIGTERM');
            }),
        });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(out));
      }
    }, 100);
  });
}

describe('shifan serve', () => {
  it('prints the first admin password once, answers on loopback and stops on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'shifan-serve-')), 's.duckdb');
    const first = await serve(db);
    const m = /created user admin, password \(shown once, store it now\): (\S+)/.exec(first.out);
    expect(m).not.toBeNull();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: m![1] }),
    });
    expect(login.status).toBe(200);
    expect(await first.stop()).toBe(0);
    const second = await serve(db);
    expect(second.out).not.toMatch(/password/);
    await second.stop();
  }, 60_000);
});
