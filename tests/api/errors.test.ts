// The one error shape: every error answer carries a vocabulary code and its parameters, the HTTP status is the
// code's (pipeline/vocabulary/errors.ts), and the message is rendered in the language asked for, Chinese by default.
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
});
