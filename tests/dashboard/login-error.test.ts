// The login form's refusal text, in the user's language (issue 10): a lock-out says so and how long it lasts, from
// the server's coded error and Retry-After; a wrong password stays the one "wrong name or password".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { post } from '../../dashboard/src/api/client.ts';
import { loginErrorText } from '../../dashboard/src/features/login/login-error.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { type MessageKey, zh } from '../../dashboard/src/i18n/zh.ts';

afterEach(() => vi.unstubAllGlobals());

// The dictionaries with makeI18n's {name} substitution (i18n/index.tsx is JSX, outside the root type check).
const makeI18n = (lang: 'zh' | 'en') => ({
  t: (key: MessageKey, vars: Record<string, string | number> = {}) =>
    Object.entries(vars).reduce<string>((s, [k, v]) => s.replace(`{${k}}`, String(v)), (lang === 'zh' ? zh : en)[key]),
});

async function refusal(status: number, code: string, headers: Record<string, string> = {}): Promise<unknown> {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code, message: 'server text' } }), {
          status,
          headers: { 'content-type': 'application/json', ...headers },
        }),
    ),
  );
  return post('/auth/login', { username: 'boss', password: 'x' }).catch((e) => e);
}

describe('the login form', () => {
  it('says a lock-out and its wait in Chinese by default and in English on request, not "wrong password"', async () => {
    const err = await refusal(429, 'too_many_requests', { 'retry-after': '42' });
    expect(loginErrorText(err, makeI18n('zh').t)).toBe('登录失败次数过多，已暂时锁定，请 42 秒后再试');
    expect(loginErrorText(err, makeI18n('en').t)).toBe('Too many failed logins; locked for now, try again in 42 s');
  });

  it('says "try again later" for a lock-out without a Retry-After, and "wrong name or password" for a 401', async () => {
    expect(loginErrorText(await refusal(429, 'too_many_requests'), makeI18n('zh').t)).toBe(
      '登录失败次数过多，已暂时锁定，请稍后再试',
    );
    expect(loginErrorText(await refusal(401, 'unauthorized'), makeI18n('zh').t)).toBe('用户名或密码错误');
    expect(loginErrorText(await refusal(401, 'unauthorized'), makeI18n('en').t)).toBe('Wrong user name or password');
  });
});
