// The login form's refusal text, in the user's language (issue 10): a lock-out says so and how long it lasts, from
// the server's coded error (or its Retry-After); a wrong password stays the one "wrong name or password".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { post } from '../../dashboard/src/api/client.ts';
import { loginErrorText } from '../../dashboard/src/features/login/login-error.ts';

afterEach(() => vi.unstubAllGlobals());

async function refusal(status: number, error: object, headers: Record<string, string> = {}): Promise<unknown> {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify({ error }), {
          status,
          headers: { 'content-type': 'application/json', ...headers },
        }),
    ),
  );
  return post('/auth/login', { username: 'boss', password: 'x' }).catch((e) => e);
}

const WRONG = '用户名或密码错误';

describe('the login form', () => {
  it('says a lock-out and its wait in Chinese by default and in English on request, not "wrong password"', async () => {
    const err = await refusal(429, { code: 'login_throttled', params: { seconds: 42 } }, { 'retry-after': '42' });
    expect(loginErrorText(err, 'zh', WRONG)).toBe('登录失败次数过多，已暂时锁定，请 42 秒后再试');
    expect(loginErrorText(err, 'en', WRONG)).toBe('too many failed logins; try again in 42 s');
  });

  it('takes the wait from Retry-After when the error has none, and says "wrong name or password" for a 401', async () => {
    const bare = await refusal(429, { code: 'too_many_requests' }, { 'retry-after': '7' });
    expect(loginErrorText(bare, 'zh', WRONG)).toBe('登录失败次数过多，已暂时锁定，请 7 秒后再试');
    expect(loginErrorText(await refusal(429, { code: 'too_many_requests' }), 'zh', WRONG)).toBe(
      '请求过于频繁，请稍后再试',
    );
    expect(loginErrorText(await refusal(401, { code: 'login_failed' }), 'zh', WRONG)).toBe(WRONG);
  });
});
