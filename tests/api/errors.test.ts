// The one error shape: every error answer carries a vocabulary code and its parameters, the HTTP status is the
// code's (pipeline/vocabulary/errors.ts), and the message is rendered in the language asked for, Chinese by default.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors, renderError } from '../../pipeline/vocabulary/index.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { closeApp, demoApp, get, login, post, type Ctx, type Session } from './helper.ts';

let ctx: Ctx;
let central: Session;
let prov: Session;

beforeAll(async () => {
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  prov = await login(ctx.app, 'prov');
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

describe('API errors', () => {
  it('turns a schema violation into a coded message in Chinese, with the field and the limit', async () => {
    const res = await post(ctx.app, central, '/api/watchlist', {
      region_code: ctx.ownRegion,
      year: 2024,
      reason: 'abc',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'validation.minLength',
      params: expect.objectContaining({ field: 'body.reason', limit: 4 }),
      message: 'body.reason 至少需要 4 个字符',
    });
  });

  it('renders the same error in English when the request asks for English', async () => {
    const res = await post(
      ctx.app,
      central,
      '/api/watchlist',
      { region_code: ctx.ownRegion, year: 2024, reason: 'abc' },
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(res.json().error.message).toBe('body.reason must have at least 4 characters');
  });

  it('answers with the status its code defines, for domain, access and routing errors alike', async () => {
    const answers = [
      await get(ctx.app, central, '/api/regions/999999'),
      await get(ctx.app, prov, `/api/regions/${ctx.otherRegion}`),
      await post(ctx.app, prov, '/api/watchlist', { region_code: ctx.ownRegion, reason: '理由足够长' }),
      await post(ctx.app, central, '/api/watchlist/0000000000/status', { status: 'under_review', note: 'check' }),
      await get(ctx.app, central, '/api/no-such-route'),
      await ctx.app.inject({ url: '/api/meta' }),
    ];
    const seen = answers.map((r) => [r.json().error.code, r.statusCode]);
    expect(seen).toEqual([
      ['region_not_found', 404],
      ['region_not_found', 404],
      ['role_required', 403],
      ['watch_entry_not_found', 404],
      ['route_not_found', 404],
      ['unauthorized', 401],
    ]);
    for (const [code, status] of seen) expect(errors[code as keyof typeof errors].status).toBe(status);
  });

  it("explains a refused watchlist move with the statuses in the reader's language", async () => {
    const list = (await get(ctx.app, central, '/api/watchlist?format=json')).json();
    const rows = Array.isArray(list) ? list : list.rows;
    const entry = rows.find((e: { status: string }) => e.status === 'flagged' || e.status === 'needs_review');
    const res = await post(ctx.app, central, `/api/watchlist/${entry.entry_id}/status`, {
      status: 'revoked',
      note: '直接摘牌',
    });
    expect(res.statusCode).toBe(400);
    const { code, params, message } = res.json().error;
    expect(code).toBe('watchlist.bad_move');
    expect(message).toContain('核查中');
    expect(renderError(code, params, 'en')).toContain('Under review');
  });

  it('answers a body that is not JSON with a coded message in Chinese, and in English when asked', async () => {
    const bad = (lang?: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/watchlist',
        payload: '{"region_code": ',
        headers: {
          cookie: central.cookie,
          'x-csrf-token': central.csrf,
          'content-type': 'application/json',
          ...(lang ? { 'accept-language': lang } : {}),
        },
      });
    const zh = await bad();
    expect([zh.statusCode, zh.json().error.code]).toEqual([400, 'body.invalid_json']);
    expect(zh.json().error.message).toBe('请求正文不是有效的 JSON');
    expect((await bad('en')).json().error.message).toBe('the request body is not valid JSON');
  });

  it("words every schema keyword without the validator's English: a list too short, a wrong type", async () => {
    const round = await post(ctx.app, central, '/api/naming/rounds', {
      round_id: '2031',
      batch: 9,
      applications_due: '2031-03-02',
    });
    expect(round.statusCode).toBe(200);
    const short = await post(ctx.app, central, '/api/naming/rounds/2031/candidates', { regions: [] });
    expect(short.json().error).toEqual({
      code: 'validation.minItems',
      params: expect.objectContaining({ field: 'body.regions', limit: 1 }),
      message: 'body.regions 至少需要 1 项',
    });
    expect(JSON.stringify(short.json().error.params)).not.toMatch(/must|NOT/);
    const typed = await post(ctx.app, central, '/api/naming/rounds', {
      round_id: '2032',
      batch: 'x',
      applications_due: '2032-03-01',
    });
    expect(typed.json().error.message).toBe('body.batch 应为整数');
  });

  it("words the naming round's refusals and its missing export in the reader's language", async () => {
    const missing = await get(ctx.app, central, '/api/naming/rounds/2099');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'naming.round_not_found']);
    expect(missing.json().error.message).toBe('没有认定批次 2099（用 shifan round create 创建）');
    const file = await get(ctx.app, central, '/api/naming/rounds/2031/export/ranking.xlsx', {
      'accept-language': 'en',
    });
    expect([file.statusCode, file.json().error.code]).toEqual([404, 'naming.export_missing']);
    expect(file.json().error.message).toBe(
      'naming round 2031 has no exported file ranking.xlsx yet; write the exports first',
    );
    const none = await get(ctx.app, central, '/api/naming/rounds/2031/export');
    expect(none.json()).toEqual({ manifest_sha256: null, files: [] });
    const notice = await post(ctx.app, central, '/api/naming/rounds/2031/notice', { starts_on: '2031-06-01' });
    expect([notice.statusCode, notice.json().error.code]).toEqual([400, 'naming.no_candidates']);
    expect(notice.json().error.message).toBe('候选名单为空，不能公示');
  });

  it('says a login body over the limit is too large, with the limit, not the upload text', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({
      code: 'body.too_large',
      params: { limit_kb: 1024 },
      message: '请求正文超过上限 1024 KB',
    });
  });

  it('answers raw UTF-8 bytes in a URL with the one error shape in the language of Accept-Language', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as { port: number };
    const raw = (lang: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(
            Buffer.concat([
              Buffer.from('GET /api/regions?q='),
              Buffer.from('北京', 'utf8'),
              Buffer.from(` HTTP/1.1\r\nHost: x\r\nAccept-Language: ${lang}\r\n\r\n`),
            ]),
          ),
        );
        let text = '';
        socket.on('data', (d) => {
          text += d.toString('utf8');
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
    const zh = await raw('zh-CN');
    expect(zh).toMatch(/^HTTP\/1.1 400/);
    const body = JSON.parse(zh.slice(zh.indexOf('\r\n\r\n') + 4));
    expect(body.error.code).toBe('bad_request_line');
    expect(body.error.message).toBe('请求无法解析（网址或请求头含有不允许的字符）');
    const en = await raw('en-GB');
    expect(JSON.parse(en.slice(en.indexOf('\r\n\r\n') + 4)).error.message).toMatch(/^the request could not be parsed/);
  });
});
