// Browser-test harness: builds the dashboard when its sources changed, copies the database the browser files serve
// (built once per code version from the run's demo), starts the real `shifan serve`
// as a child process on a free port, and launches Debian's Chromium through playwright-core.
// With SHIFAN_UI_BASE_URL set, it uses that running server instead (and SHIFAN_UI_ADMIN / SHIFAN_UI_PROVINCIAL
// as "user:password"), which is how the UI is developed against a mock before a server exists.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cliActor } from '../../pipeline/audit/index.ts';
import { refresh } from '../../pipeline/indicators/index.ts';
import { writeDemoRound } from '../../pipeline/naming/demo-round.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { importInspectorsText } from '../../pipeline/spotcheck/register.ts';
import { addUser } from '../../pipeline/users/index.ts';
import { copyDemo, demoCacheDir, takeLock } from '../support/demo-cache.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
/**
 * Debian's Chromium for headless use (package chromium-headless-shell), else the full browser (package chromium).
 * Both are built from the same Chromium source and release, so pages lay out and run the same; the headless shell
 * has no browser window to emulate, which is why Playwright itself uses it for headless runs, and here it takes
 * about 40 % less CPU for the same scan (tests/README.md, "How long it takes"). The quarterly PDF is printed by the
 * product with the full browser (pipeline/export/pdf.ts), and tested so.
 */
export const CHROMIUM = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '';
export const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const CLI = join(ROOT, 'bin', 'shifan.mjs');

export const hasChromium = CHROMIUM !== '';
export const NO_CHROMIUM =
  'browser tests skipped: Chromium is missing (apt-get install -y chromium-headless-shell chromium fonts-noto-cjk)';

/** Builds dashboard/dist unless it was built from the current sources, once per run (tests/support/dashboard-build.ts). */
export { buildDashboardIfStale } from '../support/dashboard-build.ts';

export function shifan(db: string, args: string[], input?: string): string {
  return execFileSync('node', [CLI, '--db', db, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Credentials {
  username: string;
  password: string;
}
export interface Server {
  baseUrl: string;
  admin: Credentials;
  central: Credentials;
  provincial: Credentials;
  provinceCode: string;
  dir: string;
  stop(): Promise<void>;
}

const creds = (s: string): Credentials => {
  const [username, ...rest] = s.split(':');
  return { username: username!, password: rest.join(':') };
};

/** A demo database (small scale, refreshed) and the real server on it. */
export async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-ui-'));
  if (process.env.SHIFAN_UI_BASE_URL) {
    return {
      baseUrl: process.env.SHIFAN_UI_BASE_URL,
      dir,
      admin: creds(process.env.SHIFAN_UI_ADMIN ?? 'admin:admin'),
      central: creds(process.env.SHIFAN_UI_CENTRAL ?? 'analyst:central-test-password-1'),
      provincial: creds(process.env.SHIFAN_UI_PROVINCIAL ?? 'jiangsu:jiangsu-test-password-1'),
      provinceCode: process.env.SHIFAN_UI_PROVINCE ?? '320000',
      stop: async () => {},
    };
  }
  const db = join(dir, 'ui.duckdb');
  const provincial = { username: 'jiangsu', password: 'jiangsu-test-password-1' };
  const provinceCode = '320000';
  const central = { username: 'analyst', password: 'central-test-password-1' };
  await prepareDatabase(db, join(dir, 'inbox'), [
    { ...central, role: 'central' },
    { ...provincial, role: 'provincial', province: provinceCode },
  ]);
  const port = await freePort();
  // The server runs the scheduled jobs: its inbox and its quarterly packages stay in the test's folder.
  const env = { ...process.env, SHIFAN_INBOX: join(dir, 'inbox'), SHIFAN_EXPORTS: join(dir, 'exports') };
  const child = spawn('node', [CLI, '--db', db, 'serve', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  // a hook that times out never calls stop(): the server must not outlive the test process
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = await waitForServer(child, baseUrl, () => out);
  return {
    baseUrl,
    admin,
    central,
    provincial,
    provinceCode,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * What `shifan demo --scale small` then `shifan refresh` and `shifan users add` leave, made once per code version for
 * every browser file (servedDatabase) and copied to PATH, with the inbox the server reads to INBOX.
 */
async function prepareDatabase(
  path: string,
  inbox: string,
  users: Array<Credentials & { role: string; province?: string }>,
): Promise<void> {
  const served = await servedDatabase(users);
  cpSync(join(served, 'inbox'), inbox, { recursive: true });
  copyFileSync(join(served, 'ui.duckdb'), path);
}

/**
 * The database the browser tests serve, built by the first browser file of a run and copied by the others (about
 * 4 s of CPU each: a naming round and a refresh): the run's cached small demo (seed 1, loaded and refreshed;
 * tests/support/demo-cache.ts) copied, the demo's inspector register imported and its naming round written from the
 * refreshed figures as `shifan demo` does (the refresh does not read inspectors), refreshed again as `shifan refresh`
 * did, and the accounts added. It sits in the demo cache's folder, whose key covers pipeline/, sql/ and data/; its
 * name hashes this build's own code and the accounts, so a change to either builds it again.
 */
async function servedDatabase(users: Array<Credentials & { role: string; province?: string }>): Promise<string> {
  const base = demoCacheDir();
  const name = `browser-${createHash('sha256')
    .update(buildServedDatabase.toString())
    .update(JSON.stringify(users))
    .digest('hex')
    .slice(0, 12)}`;
  const done = join(base, name);
  const lock = `${done}.lock`;
  mkdirSync(base, { recursive: true });
  for (;;) {
    if (existsSync(join(done, 'ui.duckdb'))) return done;
    if (takeLock(lock)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    const work = `${done}.building-${process.pid}-${Date.now()}`;
    await buildServedDatabase(join(work, 'ui.duckdb'), join(work, 'inbox'), users);
    renameSync(work, done);
    return done;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildServedDatabase(
  path: string,
  inbox: string,
  users: Array<Credentials & { role: string; province?: string }>,
): Promise<void> {
  const { demo } = await copyDemo({ seed: 1, filesDir: inbox, database: path });
  const db = await openPreparedDatabase(path);
  try {
    await importInspectorsText(db, demo.inspectorsCsv, 'demo-small-1-inspectors.csv', 'system:demo');
    await writeDemoRound(db, { seed: 1, outDir: inbox, plantedFile: demo.plantedFile });
    await refresh(db);
    for (const u of users)
      await addUser(
        db,
        { username: u.username, role: u.role, province_code: u.province ?? null, password: u.password },
        cliActor(),
      );
  } finally {
    db.close();
  }
}

/** An extra inspector register (the demo imports its own, pipeline/demo/inspectors.ts). */
export function importInspectors(db: string, dir: string) {
  const provinces = ['110000', '310000', '320000', '330000', '420000', '440000', '510000', '610000'];
  const rows = Array.from(
    { length: 48 },
    (_, i) => `INS${String(i + 1).padStart(3, '0')},检查员${i + 1},${provinces[i % provinces.length]},6,true`,
  );
  const file = join(dir, 'inspectors.csv');
  writeFileSync(file, `inspector_id,name,home_province_code,load_cap,active\n${rows.join('\n')}\n`);
  shifan(db, ['spotcheck', 'inspectors', 'import', file]);
}

/** Adds an account before the server starts (the server engineer's `shifan users add`). */
export function createUser(db: string, u: Credentials, role: string, province?: string) {
  shifan(
    db,
    ['users', 'add', u.username, '--role', role, ...(province ? ['--province', province] : []), '--password-stdin'],
    `${u.password}\n`,
  );
}

async function waitForServer(child: ChildProcess, baseUrl: string, output: () => string): Promise<Credentials> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`shifan serve exited with ${child.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`${baseUrl}/api/auth/session`);
      if (r.ok) {
        // "first start: created user admin, password (shown once, store it now): <password>", or in Chinese
        // "首次启动：已创建管理员账号 admin，…密码：<password>"
        const m = output().match(/(?:password|密码).*?[:：]\s*(\S+)\s*$/im);
        const user = output().match(/(?:created user |管理员账号 )(\S+?)[,，]/i)?.[1] ?? 'admin';
        if (m) return { username: user, password: m[1]! };
        if (Date.now() > deadline - 50_000) throw new Error(`server up but no admin password printed:\n${output()}`);
      }
    } catch (e) {
      if ((e as Error).message.startsWith('server up')) throw e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`shifan serve did not answer within 60 s:\n${output()}`);
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and page errors of a page, ignoring the expected 401 of the session probe before login. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    errors.push(`${m.text()} (${m.location().url ?? ''})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

export async function login(context: BrowserContext, baseUrl: string, u: Credentials): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.fill('input[name=username]', u.username);
  await page.fill('input[name=password]', u.password);
  await page.click('button[type=submit]');
  // a login hashes the password (scrypt): on a busy machine that alone can take many seconds
  await page.waitForSelector('nav.sidenav', { timeout: 120_000 });
  return page;
}

/** Opens a path of the dashboard as its own links do (history.pushState, which the router follows on popstate),
 *  without loading the page again: the bundle, the session and the metadata stay, as they do for a person clicking
 *  through. The first visit of a page loads it. Then waits until the new view has settled. */
export async function visit(page: Page, baseUrl: string, path: string) {
  const inApp = page.url().startsWith(baseUrl) && (await page.$('nav.sidenav')) !== null;
  if (!inApp) await page.goto(baseUrl + path);
  else
    await page.evaluate(async (to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
      window.scrollTo(0, 0);
      // React renders the new location within a frame; its panels mark themselves loading in that render
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, path);
  // the shell has rendered the new path, not the page before it (a scan must never read the old page again)
  if (inApp)
    await page.waitForFunction(
      (p) => document.querySelector('main.content')?.getAttribute('data-path') === new URL(p, location.href).pathname,
      path,
      { timeout: 20_000 },
    );
  await settled(page);
}

/** Waits until no panel of the page is loading. */
export async function settled(page: Page, timeout = 20_000) {
  await page.waitForSelector('[data-page]', { timeout });
  await page.waitForFunction(
    () => document.querySelectorAll('[data-state="loading"], .state-loading').length === 0,
    undefined,
    { timeout },
  );
}

/**
 * Screenshots are for people to look at (`npm run screenshots`, tests/README.md), not for the tests, which measure
 * what they check: a full-page shot costs about half a second of CPU and a run of the browser files takes some 70.
 */
export const TAKE_SCREENSHOTS = process.env.SHIFAN_SCREENSHOTS === '1';

/** A full-page screenshot test-artifacts/screenshots/NAME.png, when screenshots are asked for. */
export async function shot(page: Page, name: string) {
  if (!TAKE_SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0)); // sticky bars would otherwise sit mid-page in a full-page shot
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page's width in CSS pixels as the browser lays it out (wider than the viewport = horizontal page scroll). */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

/** The page width at 390 px, and screenshots at 1280 px and 390 px (name-1280.png, name-390.png) when asked for. */
export async function shotBoth(page: Page, name: string): Promise<number> {
  const before = page.viewportSize();
  if (TAKE_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, `${name}-1280`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // a relayout at the new width
  const width = await pageWidth(page);
  await shot(page, `${name}-390`);
  if (before) await page.setViewportSize(before);
  return width;
}
