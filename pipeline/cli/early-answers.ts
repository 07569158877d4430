// What the port answers before the app is ready (api/listen-first.ts binds it first), in the user's language.
//
// While `shifan start` runs its first setup (a minute or more: the demo generated, loaded and refreshed), on the port
// it has already bound (`meanwhile`), so that a person who opens the address the README gives sees how far the setup
// is instead of "unable to connect":
// - a page (GET of any address outside /api/): the steps, the one running, the files loaded so far and the time
//   spent, in Chinese or English (`?lang=en`, else the browser's Accept-Language), reloading itself every few
//   seconds until the dashboard answers in its place;
// - /api/health: alive and starting, with the step;
// - any other request: 503 with Retry-After and the error code setting_up, in the one error shape of the API.
//
// When the start fails (the database cannot be opened, the setup failed), the requests held meanwhile get 503
// start_failed (answerStartFailed, listen-first's `fail`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import escapeHtml from 'escape-html';
import { FIRST_RUN_STEPS, type FirstRunStep } from '../setup/first-run.ts';
import { errorBody, errors, label, langOfAcceptLanguage, type Lang } from '../vocabulary/index.ts';

export interface SetupState {
  step: FirstRunStep;
  /** Date.now() when the setup began */
  startedAt: number;
  /** the demo's files while they load */
  files?: { done: number; total: number };
}

/** Seconds between two reloads of the page, and the Retry-After of a refused request. */
export const RETRY_SECONDS = 3;

// The page's own words (like a page's headings, they are not codes of the vocabulary).
const words = {
  zh: {
    title: 'shifan 正在准备',
    heading: 'shifan 正在准备数据',
    intro: `首次启动：正在建立数据库并载入示例数据，通常需要一到两分钟。本页每 ${RETRY_SECONDS} 秒自动刷新，准备完成后即显示登录页。`,
    checking: `正在检查数据库并载入参照数据，通常只需几秒。本页每 ${RETRY_SECONDS} 秒自动刷新，准备完成后即显示登录页。`,
    password: '初始管理员账号 admin 的密码将在准备完成后显示在运行 npm start 的终端中，只显示一次。',
    files: (done: number, total: number) => `已载入 ${done}/${total} 个文件`,
    elapsed: (seconds: number) => `已用 ${seconds} 秒`,
    done: '（已完成）',
    running: '（进行中）',
    waiting: '（等待中）',
    other: { lang: 'en', href: '?lang=en', text: 'English' },
  },
  en: {
    title: 'shifan is getting ready',
    heading: 'shifan is setting up its data',
    intro: `First start: the database is being created and the demo data loaded, which usually takes a minute or two. This page reloads every ${RETRY_SECONDS} seconds and shows the login page once the setup is done.`,
    checking: `The database is being checked and the reference data loaded, which takes a few seconds. This page reloads every ${RETRY_SECONDS} seconds and shows the login page once that is done.`,
    password:
      'The password of the first administrator account, admin, will be printed once in the terminal that runs npm start when the setup is done.',
    files: (done: number, total: number) => `${done} of ${total} files loaded`,
    elapsed: (seconds: number) => `${seconds} s so far`,
    done: '(done)',
    running: '(running)',
    waiting: '(waiting)',
    other: { lang: 'zh-CN', href: '?lang=zh', text: '中文' },
  },
} satisfies Record<Lang, unknown>;

/** Where the setup stands, as /api/health and the error parameters give it. */
export function setupProgress(state: SetupState, now = Date.now()) {
  return {
    step: state.step,
    step_number: FIRST_RUN_STEPS.indexOf(state.step) + 1,
    steps: FIRST_RUN_STEPS.length,
    seconds: Math.max(0, Math.round((now - state.startedAt) / 1000)),
    ...(state.files ? { files_done: state.files.done, files_total: state.files.total } : {}),
  };
}

/** The handler for listen-first's `meanwhile`: answers every request from the setup's STATE at that moment. */
export function answerDuringSetup(state: () => SetupState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = addressOf(req);
    const lang = pageLang(url, req.headers['accept-language']);
    const progress = setupProgress(state());
    const read = req.method === 'GET' || req.method === 'HEAD';
    const body = (status: number, type: string, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    // a request target that is no address ("http://[", "//["): refused as the app refuses it, never a crash
    if (!url) {
      return body(errors.bad_url.status, 'application/json', JSON.stringify(errorBody('bad_url', {}, lang)), {
        connection: 'close',
      });
    }
    if (read && url.pathname === '/api/health')
      return body(200, 'application/json', JSON.stringify({ ok: true, starting: true, setup: progress }));
    if (!read || url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      return body(
        errors.setting_up.status,
        'application/json',
        JSON.stringify(errorBody('setting_up', progress, lang)),
        {
          'retry-after': String(RETRY_SECONDS),
        },
      );
    }
    body(errors.setting_up.status, 'text/html', setupPage(state(), lang, Date.now(), reloadTarget(url, lang)), {
      'retry-after': String(RETRY_SECONDS),
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
    });
  };
}

/** listen-first's `fail`: a request held while the start failed gets the one error shape, 503 start_failed. */
export function answerStartFailed(req: IncomingMessage, res: ServerResponse): void {
  const lang = pageLang(addressOf(req), req.headers['accept-language']);
  res.writeHead(errors.start_failed.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(JSON.stringify(errorBody('start_failed', {}, lang)));
}

/** A step's words begin the line on the page (the terminal writes them after "[2/6] ", in lower case). */
const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The address a request asks for, or null when its target is not one. */
function addressOf(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** `?lang=en|zh` first (the dashboard reads the same parameter), else English if the browser asks for it first. */
function pageLang(url: URL | null, acceptLanguage: string | string[] | undefined): Lang {
  const asked = url?.searchParams.get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  return langOfAcceptLanguage(acceptLanguage);
}

/**
 * Where the page reloads to: the same address, with `lang=en` added when English came from the browser's
 * Accept-Language and not from the address, since the dashboard that answers there once the setup is done reads
 * its language from the address (or from what the visitor chose before), not from the browser.
 */
function reloadTarget(url: URL, lang: Lang): string | undefined {
  if (lang !== 'en' || url.searchParams.get('lang') === 'en') return undefined;
  const params = new URLSearchParams(url.searchParams);
  params.set('lang', 'en');
  return `${url.pathname}?${params}`;
}

/** The page itself: no script, no fetched resource; it reloads by a meta refresh, keeping its address. */
export function setupPage(state: SetupState, lang: Lang, now = Date.now(), reloadTo?: string): string {
  const w = words[lang];
  const p = setupProgress(state, now);
  const current = p.step_number - 1;
  const items = FIRST_RUN_STEPS.map((step, i) => {
    const status = i < current ? w.done : i === current ? w.running : w.waiting;
    const files =
      i === current && state.files ? `<span class="files">${w.files(state.files.done, state.files.total)}</span>` : '';
    return `<li class="${i < current ? 'done' : i === current ? 'running' : 'waiting'}"${i === current ? ' aria-current="step"' : ''}><span class="step">${escapeHtml(sentenceCase(label('firstRunStep', step, lang)))}</span> <span class="status">${status}</span>${files}</li>`;
  }).join('\n');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS}${reloadTo ? `; url=${escapeHtml(reloadTo)}` : ''}">
<title>${w.title}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; color: #1f2933; background: #f5f7fa; margin: 0; }
main { max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
p { line-height: 1.6; }
ol { padding-left: 1.5rem; line-height: 1.9; }
li.done { color: #52606d; }
li.running { font-weight: 600; }
li.waiting { color: #7b8794; }
.status { font-size: 0.875rem; margin-left: 0.25rem; white-space: nowrap; }
.files { display: block; font-size: 0.875rem; font-weight: 400; }
.note { font-size: 0.875rem; color: #52606d; }
a { color: #1d4e89; }
</style>
</head>
<body>
<main>
<h1>${w.heading}</h1>
<p>${state.step === 'reference' ? w.checking : w.intro}</p>
<ol>
${items}
</ol>
<p class="elapsed">${w.elapsed(p.seconds)}</p>
${state.step === 'reference' ? '' : `<p class="note">${w.password}</p>`}
<p><a href="${w.other.href}" lang="${w.other.lang}">${w.other.text}</a></p>
</main>
</body>
</html>
`;
}
