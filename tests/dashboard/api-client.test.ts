// The dashboard's API client: Arrow IPC decoded to plain rows, JSON fallback, CSRF header on POST, one error type.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import {
  ApiError,
  decodeArrow,
  errorText,
  getRows,
  onSessionEnded,
  post,
  setCsrfToken,
} from '../../dashboard/src/api/client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const respond = (body: BodyInit, type: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': type } });

describe('API client', () => {
  it('decodes an Arrow IPC stream to plain row objects, 64-bit integers as numbers', async () => {
    const ipc = tableToIPC(
      tableFromArrays({
        region_code: ['110101', '110102'],
        denominator: new BigInt64Array([52n, 7n]),
        value: new Float64Array([0.94, 1]),
      }),
      'stream',
    );
    const rows = await decodeArrow<Record<string, unknown>>(
      ipc.buffer.slice(ipc.byteOffset, ipc.byteOffset + ipc.byteLength) as ArrayBuffer,
    );
    expect(rows).toEqual([
      { region_code: '110101', denominator: 52, value: 0.94 },
      { region_code: '110102', denominator: 7, value: 1 },
    ]);
  });

  it('asks tabular endpoints for Arrow and accepts JSON rows when the server answers with JSON', async () => {
    const fetch = vi.fn(async () => respond(JSON.stringify([{ a: 1 }]), 'application/json'));
    vi.stubGlobal('fetch', fetch);
    expect(await getRows('/regions', { year: 2025, empty: '' })).toEqual([{ a: 1 }]);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/regions?year=2025');
    expect((init.headers as Record<string, string>).accept).toContain('application/vnd.apache.arrow.stream');
  });

  it('sends the CSRF token on every POST and raises the server error with its status, code and message in the page language', async () => {
    const body = {
      error: {
        code: 'role_required',
        params: { roles: ['central'], role: 'provincial' },
        message: 'ignored: the client words it',
      },
    };
    const fetch = vi.fn(async () => respond(JSON.stringify(body), 'application/json', 403));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    const err = await post('/spotchecks/freeze', { year: 2025 }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 403,
      code: 'role_required',
      message: '此操作需要中央依法治国办账号，当前为依法治省办',
    });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(init.body).toBe('{"year":2025}');
  });

  it('words an error still on screen in the language chosen since, from its code and parameters', () => {
    const err = new ApiError(404, 'no watchlist entry 7 among the regions you may see', null, 'watch_entry_not_found', {
      id: '7',
    });
    expect(errorText(err, 'en')).toBe('no watchlist entry 7 among the regions you may see');
    expect(errorText(err, 'zh')).toMatch(/^[^A-Za-z]*7[^A-Za-z]*$/);
    // an answer without a code (a proxy's own error page) keeps the words it came with
    expect(errorText(new ApiError(502, '502 Bad Gateway'), 'zh')).toBe('502 Bad Gateway');
    expect(errorText(new Error('offline'), 'zh')).toBe('offline');
  });
});

describe('a session ended elsewhere', () => {
  afterEach(() => onSessionEnded(null));

  it('is told to the session by the error code of the request that met it, and a wrong login is not', async () => {
    const told: string[] = [];
    onSessionEnded((code) => told.push(code));
    const refuse = (code: string) =>
      vi.stubGlobal(
        'fetch',
        vi.fn(async () =>
          respond(JSON.stringify({ error: { code, params: {}, message: code } }), 'application/json', 401),
        ),
      );
    refuse('session_ended.password_changed');
    await expect(getRows('/regions')).rejects.toBeInstanceOf(ApiError);
    refuse('login_failed');
    await expect(post('/auth/login', { username: 'a', password: 'b' })).rejects.toBeInstanceOf(ApiError);
    refuse('unauthorized');
    await expect(getRows('/regions')).rejects.toBeInstanceOf(ApiError);
    expect(told).toEqual(['session_ended.password_changed']);
  });
});
