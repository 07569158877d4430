// `shifan serve`: on a fresh database it prints the first admin password once (in the command's language, with what
// to do next), listens on loopback, answers, and
// stops cleanly on SIGTERM; the second start prints no password.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function serve(
  db: string,
  lang: 'zh' | 'en',
): Promise<{ out: () => string; stop: () => Promise<number | null>; url: string }> {
  const child = spawn('node', ['bin/shifan.mjs', '--db', db, '--lang', lang, 'serve', '--port', '0'], {
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
      const m = /(http:\/\/[^\s/]+)\/? /.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({
          // what it has printed so far: the lines after the address may arrive in a later write
          out: () => out,
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
    const first = await serve(db, 'zh');
    // the start's lines in the command's language, the password last on its line, what to do next after the address
    await expect
      .poll(first.out, { timeout: 10_000 })
      .toMatch(/下一步：在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\/，用账号 admin 和上面的初始密码登录/);
    const m = /首次启动：已创建管理员账号 admin，初始密码只显示这一次，请立即保存。密码：(\S+)/.exec(first.out());
    expect(m, first.out()).not.toBeNull();
    expect(first.out()).toMatch(/shifan 已在 http:\/\/127\.0\.0\.1:\d+\/ 运行/);
    expect(first.out()).not.toMatch(/first start|is running at/);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: m![1] }),
    });
    expect(login.status).toBe(200);
    expect(await first.stop()).toBe(0);
    const second = await serve(db, 'en');
    expect(second.out()).toMatch(/shifan is running at http:\/\/127\.0\.0\.1:\d+\/ \(API docs: /);
    expect(second.out()).not.toMatch(/password|密码|log in/);
    await second.stop();
  }, 60_000);
});
