// `shifan start` (the README's first command) takes its port before its first setup, which runs a minute or more:
// meanwhile the address answers with the setup's progress (pipeline/cli/early-answers.ts) instead of refusing the
// connection, and the dashboard then takes over the same port. A port that cannot be taken is said at once, in the
// user's language, before any setup.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EarlyServer, listenFirst } from '../../pipeline/api/listen-first.ts';
import { answerDuringSetup, RETRY_SECONDS, type SetupState, setupPage } from '../../pipeline/cli/early-answers.ts';
import { FIRST_RUN_STEPS } from '../../pipeline/setup/first-run.ts';
import { hasChinese } from '../vocabulary/language-rules.ts';
import { copyDemo, DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { runCli } from './run-cli.ts';
import { appendAudit } from '../../pipeline/audit/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the page shown while the first setup runs', () => {
  let early: EarlyServer;
  let base: string;
  const state: SetupState = { step: 'load', startedAt: Date.now() - 34_000, files: { done: 57, total: 163 } };
  beforeAll(async () => {
    early = await listenFirst(0, '127.0.0.1');
    early.meanwhile(answerDuringSetup(() => state));
    base = early.url.replace(/\/$/, '');
  });
  afterAll(() => early.close());

  it('says the step, the files loaded and the time spent, in Chinese, and reloads itself', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('retry-after')).toBe(String(RETRY_SECONDS));
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await r.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<meta http-equiv="refresh" content="${RETRY_SECONDS}">`);
    // every step in order, the third running with its files, the two before it done
    const steps = [...html.matchAll(/<li class="(\w+)"/g)].map((m) => m[1]);
    expect(steps).toEqual(['done', 'done', 'running', 'waiting', 'waiting', 'waiting']);
    expect(steps).toHaveLength(FIRST_RUN_STEPS.length);
    expect(html).toMatch(/aria-current="step"><span class="step">载入示例数据文件<\/span>/);
    expect(html).toContain('已载入 57/163 个文件');
    expect(html).toMatch(/已用 3[45] 秒/);
    expect(html).toContain('运行 npm start 的终端');
    // no script, nothing fetched from elsewhere
    expect(html).not.toMatch(/<script|src=|<link/);
  });

  it('is in English when asked by ?lang=en or by the browser, with no Chinese left but the link back', async () => {
    for (const [path, headers] of [
      ['/?lang=en', {}],
      ['/regions/110101', { 'accept-language': 'en-GB,en;q=0.9' }],
    ] as const) {
      const html = await (await fetch(`${base}${path}`, { headers })).text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('Loading the demo&#39;s files');
      expect(html).toContain('57 of 163 files loaded');
      const withoutToggle = html.replace('<a href="?lang=zh" lang="zh-CN">中文</a>', '');
      expect(hasChinese(withoutToggle), withoutToggle).toBe(false);
    }
    // English that came from the browser reloads to an address that asks for it, since the dashboard answering there
    // once the setup is done reads its language from the address, not from the browser
    const fromBrowser = await (
      await fetch(`${base}/regions/110101?year=2024`, { headers: { 'accept-language': 'en' } })
    ).text();
    expect(fromBrowser).toContain('<meta http-equiv="refresh" content="3; url=/regions/110101?year=2024&amp;lang=en">');
    expect(await (await fetch(`${base}/?lang=en`)).text()).toContain(
      `<meta http-equiv="refresh" content="${RETRY_SECONDS}">`,
    );
    expect(await (await fetch(`${base}/?lang=zh`, { headers: { 'accept-language': 'en' } })).text()).toContain(
      '载入示例数据文件',
    );
  });

  it('answers the health check with the step, and the API with 503 setting_up in the error shape', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      ok: true,
      starting: true,
      setup: { step: 'load', step_number: 3, steps: 6, files_done: 57, files_total: 163 },
    });
    for (const [method, path] of [
      ['GET', '/api/overview'],
      ['POST', '/api/auth/login'],
      ['POST', '/'],
    ]) {
      const r = await fetch(`${base}${path}`, { method, headers: { 'accept-language': 'en' } });
      expect(r.status, `${method} ${path}`).toBe(503);
      expect(r.headers.get('retry-after')).toBe(String(RETRY_SECONDS));
      const body = (await r.json()) as { error: { code: string; params: { step: string }; message: string } };
      expect(body.error.code).toBe('setting_up');
      expect(body.error.params.step).toBe('load');
      expect(body.error.message).toBe(
        "the server is setting up (step 3 of 6: loading the demo's files); retry shortly",
      );
    }
    const zh = (await (await fetch(`${base}/api/overview`)).json()) as { error: { message: string } };
    expect(zh.error.message).toBe('系统正在准备（第 3/6 步：载入示例数据文件），请稍后重试');
  });

  it('refuses a request target that is no address with 400 bad_url, and goes on answering', async () => {
    const { port } = new URL(base);
    for (const target of ['http://[', '//[']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\naccept-language: en\r\n\r\n`),
        );
        let data = '';
        socket.on('data', (d) => {
          data += d;
        });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('"code":"bad_url"');
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('follows the setup from step to step', () => {
    const now = Date.now();
    const first = setupPage({ step: 'reference', startedAt: now }, 'zh', now);
    expect([...first.matchAll(/<li class="(\w+)"/g)].map((m) => m[1])).toEqual([
      'running',
      ...Array(5).fill('waiting'),
    ]);
    // a database that already has data runs this step alone: a few seconds, no promise of a first password
    expect(first).toContain('正在检查数据库并载入参照数据');
    expect(first).not.toContain('npm start');
    const last = setupPage({ step: 'naming', startedAt: now - 61_000 }, 'en', now);
    expect([...last.matchAll(/<li class="(\w+)"/g)].map((m) => m[1])).toEqual([...Array(5).fill('done'), 'running']);
    expect(last).toContain('61 s so far');
    expect(last).not.toContain('files loaded');
  });

  it('hands the address to the app when the setup is done, requests made meanwhile included', async () => {
    const other = await listenFirst(0, '127.0.0.1');
    try {
      other.meanwhile(answerDuringSetup(() => state));
      const url = other.url.replace(/\/$/, '');
      expect((await fetch(`${url}/api/overview`)).status).toBe(503);
      // the setup is done: requests wait for the app, which answers them once ready
      other.meanwhile(undefined);
      const waiting = fetch(`${url}/api/overview`);
      await expect.poll(() => other.held()).toBe(1);
      other.takeServer((_req, res) => res.end('app'));
      other.ready();
      expect(await (await waiting).text()).toBe('app');
      expect(await (await fetch(`${url}/`)).text()).toBe('app');
    } finally {
      await other.close();
    }
  });
});

describe('shifan start', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'shifan-start-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('says at once that the port is taken, in the language asked for, and sets nothing up', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const db = join(work, 'never.duckdb');
      const zh = await runCli(['--db', db, 'start', '--port', String(port)]);
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain(
        `无法在 127.0.0.1:${port} 上监听：该端口已被其他程序占用（常见的是另一个仍在运行的 shifan）`,
      );
      const en = await runCli(['--db', db, '--lang', 'en', 'start', '--port', String(port)]);
      expect(en.stderr).toContain(`cannot listen on 127.0.0.1:${port}: another program is using the port`);
      // a port that is no port number, in the language asked for too
      const bad = await runCli(['--db', db, 'start', '--port', 'abc']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--port 应为 0 到 65535 之间的端口号，收到“abc”');
      const seed = await runCli(['--db', db, '--lang', 'en', 'start', '--seed', 'abc', '--no-serve']);
      expect(seed.code).toBe(2);
      expect(seed.stderr).toContain('--seed must be a whole number, got "abc"');
      expect(existsSync(db)).toBe(false);
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('stops on Ctrl-C during the first setup saying the next start takes it up, and leaves a database that opens', async () => {
    const db = join(work, 'stopped.duckdb');
    const child = spawn(process.execPath, ['bin/shifan.mjs', '--db', db, 'start', '--no-serve'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SHIFAN_INBOX: join(work, 'stopped-inbox'), SHIFAN_DEMO_PDF: '0' },
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await expect.poll(() => err, { timeout: 30_000 }).toContain('[2/6]');
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(err).toContain('准备已停止。数据库完好；下次运行 npm start 将接着完成准备');
    const opened = await openPreparedDatabase(db);
    opened.close();
  }, 60_000);

  it(
    'serves the dashboard on the port it showed the setup on',
    async () => {
      const db = join(work, 'start.duckdb');
      await copyDemo({ seed: 1, filesDir: join(work, 'inbox'), database: db });
      // a first setup that finished (the cache's demo has no naming round: its mark says the sample is complete)
      const marked = await openPreparedDatabase(db);
      await appendAudit(marked, { action: 'setup.sample', actor: 'system:first-start', subject: 'demo-small-1' });
      marked.close();
      const child = spawn(process.execPath, ['bin/shifan.mjs', '--db', db, 'start', '--port', '0'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SHIFAN_INBOX: join(work, 'inbox'), SHIFAN_EXPORTS: join(work, 'exports') },
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      try {
        await expect.poll(() => out, { timeout: 30_000 }).toMatch(/shifan 已在 http:\/\/127\.0\.0\.1:\d+\/ 运行/);
        const shown = /打开 (http:\/\/127\.0\.0\.1:\d+\/) 查看进度/.exec(out)?.[1];
        const running = /shifan 已在 (http:\/\/127\.0\.0\.1:\d+\/) 运行/.exec(out)?.[1];
        expect(shown, out).toBeDefined();
        expect(running).toBe(shown);
        const health = await fetch(`${running}api/health`);
        expect(await health.json()).toEqual({ ok: true });
        expect(out).toContain('数据库中已有数据，未生成示例数据');
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
    DEMO_TIMEOUT,
  );
});
