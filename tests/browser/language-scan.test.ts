// Chinese throughout, English throughout (issue 12 item 4): every route of the dashboard (taken from its route list,
// dashboard/src/app/routes.ts, so a new page is scanned without being listed here), as a central analyst, an admin
// and a provincial account, in zh-CN and in English, with the main views behind a click or a query (a region's
// evidence, a load's rejects, a naming applicant's scorecard, the watchlist form, the draw ceremony). Every visible
// text is collected — text nodes, SVG chart text, titles, aria-labels, placeholders, options — and:
// - in Chinese, no Latin word may appear but the names of formats and units (XLSX, PDF, CSV, ID, SHA-256, …) and
//   identifiers (file names, hashes, codes with digits or underscores);
// - in English, no Chinese character and no full-width punctuation may appear.
// Data values are exempt only where the page marks them: an element with translate="no" (region and province
// names, file names, user names, typed text, raw source values), a data-value attribute naming the part of its
// text that is a data value, or a lang attribute of the other language (the language toggle's own name). Nothing is
// skipped by page. One browser, pages visited one after another, each read in the language it opened in and again
// after the header's language toggle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROUTES, ROUTE_ROLES } from '../../dashboard/src/app/routes.ts';
import {
  buildDashboardIfStale,
  hasChromium,
  launch,
  settled,
  startServer,
  visit,
  type Credentials,
  type Server,
} from './harness.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { hasChinese, latinWords } from '../vocabulary/language-rules.ts';

type Lang = 'zh' | 'en';
type Role = 'central' | 'admin' | 'provincial';

interface Found {
  text: string;
  where: string;
}

/** Every visible text of the page that is not marked as a data value, with where it sits. */
async function visibleTexts(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang.slice(0, 2);
    const exempt = (el: Element) => {
      if (el.closest('[translate="no"]')) return true;
      const tagged = el.closest('[lang]');
      return (
        tagged !== null && tagged !== document.documentElement && tagged.getAttribute('lang')!.slice(0, 2) !== pageLang
      );
    };
    const visible = (el: Element): boolean => {
      const select = el.closest('select');
      if (select) return select.checkVisibility();
      return el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    };
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        const id = e.getAttribute('data-testid') ?? e.getAttribute('data-page');
        parts.unshift(id ? `${e.tagName.toLowerCase()}[${id}]` : e.tagName.toLowerCase());
      }
      return parts.join('>');
    };
    // the parts of a text an element declares data values (data-value="北京市" on a tile whose label is
    // "北京市: …"), on itself or an ancestor
    const strip = (el: Element, text: string) => {
      let t = text;
      for (let e: Element | null = el; e; e = e.parentElement) {
        // one value per line: an entry's description and its source
        for (const v of (e.getAttribute('data-value') ?? '').split('\n')) if (v) t = t.split(v).join(' ');
      }
      return t;
    };
    const out: { text: string; where: string }[] = [{ text: document.title, where: 'title' }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest('script,style,noscript,template')) continue;
      if (!visible(el) || exempt(el)) continue;
      out.push({ text: strip(el, text), where: where(el) });
    }
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      if (!visible(el) || exempt(el)) continue;
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push({ text: strip(el, v), where: `${where(el)}@${a}` });
      }
    }
    return out;
  });
}

/** What a text shows of the wrong language: Latin words in Chinese, Chinese in English (tests/vocabulary/language-rules.ts). */
function offending(text: string, lang: Lang): string | null {
  if (lang === 'en') return hasChinese(text) ? text : null;
  return latinWords(text).length ? text : null;
}

describe.skipIf(!hasChromium)('every page in one language', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** route or view → offending texts, per language */
  const found: Record<Lang, Map<string, Set<string>>> = { zh: new Map(), en: new Map() };
  /** Values for the route parameters and the views behind a query, read from the running demo. */
  const samples: Record<Role, Record<string, string>> = { central: {}, admin: {}, provincial: {} };

  async function newContext(lang: Lang): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    contexts.push(ctx);
    await ctx.addInitScript((l) => {
      // the language a visitor chose last time; the toggle then changes it (a reload must not undo that)
      if (localStorage.getItem('shifan.lang') === null) localStorage.setItem('shifan.lang', l);
    }, lang);
    return ctx;
  }

  async function open(u: Credentials, lang: Lang): Promise<Page> {
    const ctx = await newContext(lang);
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    await scan(page, lang, 'login');
    await page.fill('input[name=username]', u.username);
    await page.fill('input[name=password]', u.password);
    await page.click('button[type=submit]');
    // a login hashes the password (scrypt): on a busy machine that alone can take many seconds
    await page.waitForSelector('nav.sidenav', { timeout: 120_000 });
    page.on('dialog', (d) => void d.dismiss());
    return page;
  }

  async function scan(page: Page, lang: Lang, view: string) {
    for (const f of await visibleTexts(page)) {
      const bad = offending(f.text, lang);
      if (!bad) continue;
      const key = `${view} ${f.where}`;
      if (!found[lang].has(key)) found[lang].set(key, new Set());
      found[lang].get(key)!.add(bad.length > 160 ? `${bad.slice(0, 160)}…` : bad);
    }
  }

  /** Opens a view; one that never settles is reported with the others (and scanned as it stands), not fatal. */
  const unsettled: string[] = [];
  const go = async (page: Page, path: string, view = path) => {
    await visit(page, server.baseUrl, path).catch(() => unsettled.push(view));
  };

  /** A route pattern with its parameters filled from the demo. */
  const fill = (pattern: string, sample: Record<string, string>) =>
    pattern.replace(/:(\w+)/g, (_, name: string) => {
      const key = `${pattern.split('/')[1]}.${name}`;
      if (!sample[key]) throw new Error(`no sample value for ${key} of ${pattern}: add one to the scan's setup`);
      return sample[key]!;
    });

  /** The views a query or a click opens, beyond the route itself. */
  const views = (role: Role, sample: Record<string, string>): [string, string, ((p: Page) => Promise<void>)?][] => [
    ['region evidence', `/regions/${sample['regions.code']}?flag=${sample.flag}`],
    ['risk region', `/?region=${sample['regions.code']}`],
    ['load rejects', `/data?load=${sample.load}`],
    ...(role === 'central'
      ? ([
          ['watchlist add', `/watchlist?add=${sample['regions.code']}`],
          ['draw ceremony', `/spotchecks?draw=${sample['spotchecks.id']}`],
          [
            'naming scorecard',
            '/naming',
            async (p) => {
              await p.click('[data-testid="naming-applicant-table"] tbody tr');
              await p.waitForSelector('[data-testid="naming-scorecard"]');
            },
          ],
        ] as [string, string, ((p: Page) => Promise<void>)?][])
      : []),
  ];

  beforeAll(async () => {
    buildDashboardIfStale();
    server = await startServer();
    browser = await launch();
    // the demo's ids, and one spot-check draw (the demo has none), through the API as the central analyst
    const ctx = await browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    const ids = await page.evaluate(
      async (u) => {
        const post = async (path: string, body: unknown, token?: string) => {
          const r = await fetch(`/api${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
            body: JSON.stringify(body),
          });
          if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
          return r.json();
        };
        const get = async (path: string) =>
          (await fetch(`/api${path}`, { headers: { accept: 'application/json' } })).json();
        const { csrf_token } = await post('/auth/login', { username: u.username, password: u.password });
        const meta = await get('/meta');
        const year = meta.latest_year;
        const watch = await get('/watchlist');
        const flags = await get(`/flags?year=${year}&limit=5000`);
        const loads = await get('/data/loads');
        const frozen = await post('/spotchecks/freeze', { year }, csrf_token);
        await post(
          `/spotchecks/${frozen.draw_id}/draw`,
          { seed: '73902255104833290671', proportion: '0.1', commit: true },
          csrf_token,
        );
        // a job run by a person: the data page names the account (a data value) beside the system's runs (words)
        const { run_id } = await post('/jobs/calendar_check/run', {}, csrf_token);
        for (let i = 0; i < 600; i++) {
          const { runs } = await get('/jobs');
          if (runs.some((r: { run_id: number; finished_at: string | null }) => r.run_id === run_id && r.finished_at))
            break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const rejected = loads.find((l: { rejected: number }) => l.rejected > 0) ?? loads[0];
        const provFlag = flags.find((f: { region_code: string }) => f.region_code.startsWith(u.province.slice(0, 2)));
        const provWatch = watch.find((w: { region_code: string }) => w.region_code.startsWith(u.province.slice(0, 2)));
        return {
          watch: String(watch[0].entry_id),
          region: String(flags[0].region_code),
          flag: String(flags[0].flag_id),
          provWatch: String((provWatch ?? watch[0]).entry_id),
          provRegion: String((provFlag ?? flags[0]).region_code),
          provFlag: String((provFlag ?? flags[0]).flag_id),
          load: String(rejected.load_id),
          draw: String(frozen.draw_id),
        };
      },
      { username: server.central.username, password: server.central.password, province: server.provinceCode },
    );
    Object.assign(samples.central, {
      'regions.code': ids.region,
      'spotchecks.id': ids.draw,
      'watchlist.id': ids.watch,
      flag: ids.flag,
      load: ids.load,
    });
    Object.assign(samples.admin, samples.central);
    Object.assign(samples.provincial, samples.central, {
      'regions.code': ids.provRegion,
      'watchlist.id': ids.provWatch,
      flag: ids.provFlag,
    });
  }, DEMO_TIMEOUT);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  const accounts: [Role, () => Credentials][] = [
    ['central', () => server.central],
    ['admin', () => server.admin],
    ['provincial', () => server.provincial],
  ];

  // Each view is opened once and read in both languages: read in the language it opened in, switched with the
  // header's language toggle, read again, and the next view opens in the language the toggle left (a person
  // switching languages sees the same). Opening every view twice cost a second round of API calls and rendering.
  const other = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');
  async function toggle(page: Page, from: Lang): Promise<Lang> {
    const to = other(from);
    await page.click('[data-testid="lang-toggle"]');
    // the toggle names the other language: rendered anew, it names the one left
    await page.waitForSelector(`[data-testid="lang-toggle"][lang="${to === 'en' ? 'zh-CN' : 'en'}"]`, {
      timeout: 20_000,
    });
    // charts draw in effects, after the render that changed the language
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await settled(page);
    return to;
  }

  it('shows every page in Chinese only and, toggled, in English only, for every role', async () => {
    // the login page has no toggle: it opens in the language kept from the last visit, so each is opened once
    const login = await (await newContext('en')).newPage();
    await login.goto(`${server.baseUrl}/`);
    await login.waitForSelector('input[name=username]');
    await scan(login, 'en', 'login');
    for (const [role, who] of accounts) {
      const page = await open(who(), 'zh');
      let lang: Lang = 'zh';
      const both = async (view: string) => {
        await scan(page, lang, view);
        lang = await toggle(page, lang).catch(() => {
          unsettled.push(`${view}: the language toggle did not settle`);
          return other(lang);
        });
        await scan(page, lang, view);
      };
      for (const pattern of ROUTES) {
        const allowed = ROUTE_ROLES[pattern];
        if (allowed && !allowed.includes(role)) continue;
        await go(page, fill(pattern, samples[role]), `${role} ${pattern}`);
        await both(`${role} ${pattern}`);
      }
      for (const [name, path, act] of views(role, samples[role])) {
        await go(page, path, `${role} ${name}`);
        if (act) await act(page).catch(() => unsettled.push(`${role} ${name}: its view did not open`));
        await both(`${role} ${name}`);
      }
    }
    for (const lang of ['zh', 'en'] as const) {
      const report = [...found[lang]].map(([k, v]) => `${k}: ${[...v].join(' | ')}`);
      console.log(`${lang}: ${report.length} places with text of the other language\n${report.join('\n')}`);
      expect(report, lang).toEqual([]);
    }
    expect(unsettled, 'views that never finished loading').toEqual([]);
  }, 600_000);
});
