// The state-changing routes: central only (a provincial account gets 403 on every POST), each one audited, and
// after each write the database checked: upload (good rows in, bad rows as rejects with line and reason),
// refresh, spot-check freeze/draw/commit/verify, watchlist status and ground-4 entries.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReject } from '../../pipeline/vocabulary/index.ts';
import { disclosureRequests } from '../../pipeline/contracts/disclosure-requests.ts';
import { auditOf, closeApp, demoApp, get, login, post, type Ctx, type Session } from './helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let ctx: Ctx;
let central: Session;
let prov: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await demoApp();
  central = await login(ctx.app, 'central');
  prov = await login(ctx.app, 'prov');
  admin = await login(ctx.app, 'boss');
}, DEMO_TIMEOUT);
afterAll(() => closeApp(ctx));

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = '----shifan-test-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Five disclosure requests from the demo with new ids; line 3 has an impossible date, line 5 a malformed region. */
function uploadCsv(): string {
  const lines = readFileSync(join(ctx.dir, 'inbox', 'disclosure_requests_2019.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(0, 6);
  const body = lines.slice(1).map((l) => l.replace(/YSQ2019/, 'YSQ2099'));
  body[1] = body[1].replace(/,2019\/1\/\d+$/, ',2019/13/45');
  body[3] = body[3].replace(/,110101,/, ',11a101,');
  return `${[lines[0], ...body].join('\n')}\n`;
}

const POSTS: Array<[string, unknown]> = [
  ['/api/spotchecks/freeze', { year: 2025 }],
  ['/api/spotchecks/1/draw', { seed: '12345678901234567890', proportion: '0.1' }],
  ['/api/spotchecks/1/commit', undefined],
  ['/api/spotchecks/1/verify', undefined],
  ['/api/watchlist/0123456789abcdef/status', { status: 'under_review', note: 'x' }],
  ['/api/watchlist', { region_code: '110101', reason: 'test reason' }],
  ['/api/refresh', undefined],
];

describe('POST routes', () => {
  it('answer 403 to a provincial account, every one of them, and change nothing', async () => {
    const before = (await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;
    for (const [url, body] of POSTS) {
      const res = await post(ctx.app, prov, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'role_required', params: { role: 'provincial' } });
      expect(res.json().error.params.roles).toContain('central');
    }
    const up = multipart({}, { name: 'x.csv', content: uploadCsv() });
    expect((await post(ctx.app, prov, '/api/upload', up.payload, up.headers)).statusCode).toBe(403);
    expect((await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n).toBe(before);
  });

  it('answer 403 to an admin account (admins manage users, not data)', async () => {
    expect((await post(ctx.app, admin, '/api/refresh')).statusCode).toBe(403);
  });
});

describe('POST /api/upload', () => {
  it('loads the good rows, returns the bad ones with line and reason, and audits the upload', async () => {
    const up = multipart(
      { dataset: 'disclosure_requests' },
      { name: 'disclosure_requests_upload.csv', content: uploadCsv() },
    );
    const res = await post(ctx.app, central, '/api/upload', up.payload, up.headers);
    expect(res.statusCode, res.body).toBe(200);
    const { result, rejects } = res.json();
    expect(result).toMatchObject({ dataset: 'disclosure_requests', loaded: 3, rejected: 2 });
    expect(rejects.map((r: { line: number }) => r.line).sort()).toEqual([3, 5]);
    // each reject carries its reason code and column; the vocabulary words it (here in Chinese)
    for (const r of rejects) expect(renderReject({ ...r, dataset: result.dataset }, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    const n = await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM disclosure_requests WHERE _load_id = $1', [
      result.load_id,
    ]);
    expect(n!.n).toBe(3);
    const audit = await auditOf(ctx.db, 'data.upload');
    expect(audit.at(-1)).toMatchObject({ actor: 'user:central', subject: `load:${result.load_id}` });
    const loads = (await get(ctx.app, central, '/api/data/loads')).json();
    expect(loads[0].load_id).toBe(result.load_id);
    // who uploaded it, beside the source (the 数据 page's load list shows it); the inbox and demo loads name nobody
    expect(loads[0]).toMatchObject({ source: 'upload', loaded_by: 'central' });
    expect(loads.find((l: { source: string }) => l.source !== 'upload')).toMatchObject({ loaded_by: null });
  });

  it('checks a file before it is sent: the same cells the load would reject, and nothing is loaded or logged', async () => {
    const content = uploadCsv().replace(/YSQ2099/g, 'YSQ2098');
    const loadsBefore = (await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM load_log'))!.n;
    const auditBefore = (await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;
    const up = () => multipart({ dataset: 'disclosure_requests' }, { name: 'disclosure_requests_check.csv', content });
    const checked = await post(ctx.app, central, '/api/upload/check', up().payload, up().headers);
    expect(checked.statusCode, checked.body).toBe(200);
    const c = checked.json();
    expect(c).toMatchObject({ status: 'checked', dataset: 'disclosure_requests', records: 5, good: 3, rejected: 2 });
    expect(c.already_loaded).toBeNull();
    expect(c.rejects.map((r: { line: number; column: string }) => `${r.line}:${r.column}`).sort()).toEqual([
      '3:received_on',
      '5:region_code',
    ]);
    expect((await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM load_log'))!.n).toBe(loadsBefore);
    expect((await ctx.db.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n).toBe(auditBefore);
    // the load then rejects exactly those cells
    const loaded = (await post(ctx.app, central, '/api/upload', up().payload, up().headers)).json();
    expect(loaded.rejects.map((r: { line: number; column: string }) => `${r.line}:${r.column}`).sort()).toEqual(
      c.rejects.map((r: { line: number; column: string }) => `${r.line}:${r.column}`).sort(),
    );
    // checked again, the same content is known as loaded
    const again = (await post(ctx.app, central, '/api/upload/check', up().payload, up().headers)).json();
    expect(again.already_loaded).toMatchObject({ load_id: loaded.result.load_id });
  });

  it('checks a file whose header does not fit as refused, with the refusal code, and refuses a provincial account', async () => {
    // every column of the contract but the key
    const misses = `${disclosureRequests.columns
      .filter((c) => c.name !== 'request_id')
      .map((c) => c.zh)
      .join(',')}\n`;
    const bad = multipart({ dataset: 'disclosure_requests' }, { name: 'x.csv', content: misses });
    const res = await post(ctx.app, central, '/api/upload/check', bad.payload, bad.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', code: 'header_mismatch', rejected: 0 });
    expect(res.json().params.missing).toEqual(['request_id']);
    const noHeader = multipart({ dataset: 'disclosure_requests' }, { name: 'y.csv', content: 'foo,bar\n1,2\n' });
    const none = await post(ctx.app, central, '/api/upload/check', noHeader.payload, noHeader.headers);
    expect(none.json()).toMatchObject({ status: 'refused', code: 'no_header' });
    expect((await post(ctx.app, prov, '/api/upload/check', bad.payload, bad.headers)).statusCode).toBe(403);
  });

  it('answers 400 for an unknown dataset and 415 for a non-multipart body', async () => {
    const up = multipart({ dataset: 'nope' }, { name: 'a.csv', content: 'a\n1\n' });
    expect((await post(ctx.app, central, '/api/upload', up.payload, up.headers)).statusCode).toBe(400);
    expect((await post(ctx.app, central, '/api/upload', { file: 'x' })).statusCode).toBe(415);
  });
});

describe('GET /api/templates/:file', () => {
  it('serves every signed-in account a dataset template, and nothing for a name that is not a dataset', async () => {
    const xlsx = await get(ctx.app, prov, '/api/templates/litigation_cases.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await get(ctx.app, prov, '/api/templates/litigation_cases.csv');
    expect(csv.body.startsWith('\uFEFF案号,')).toBe(true);
    expect((await get(ctx.app, prov, '/api/templates/users.csv')).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/templates/litigation_cases.csv' })).statusCode).toBe(401);
  });
});

describe('POST /api/refresh', () => {
  it('runs a new refresh, audits it, and the views move to the new run', async () => {
    const before = (await get(ctx.app, central, '/api/meta')).json().run_id;
    const res = await post(ctx.app, central, '/api/refresh');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().run_id).toBeGreaterThan(before);
    expect((await get(ctx.app, central, '/api/meta')).json().run_id).toBe(res.json().run_id);
    expect((await auditOf(ctx.db, 'refresh.run')).at(-1)?.actor).toBe('user:central');
  });
});

describe('POST /api/spotchecks/*', () => {
  it('freezes, draws with a public seed, commits and verifies; each step is audited; the certificate is served', async () => {
    const { importInspectors } = await import('../../pipeline/spotcheck/index.ts');
    const provinces = ['110000', '310000', '650000', '540000'];
    const csv = [
      'inspector_id,name,home_province_code,load_cap,active',
      ...Array.from({ length: 40 }, (_, i) => `I${i},督察员${i},${provinces[i % 4]},10,true`),
    ];
    writeFileSync(join(ctx.dir, 'inspectors.csv'), `${csv.join('\n')}\n`);
    await importInspectors(ctx.db, join(ctx.dir, 'inspectors.csv'), 'test');
    const frozen = await post(ctx.app, central, '/api/spotchecks/freeze', { year: 2025, strata: 'province' });
    expect(frozen.statusCode, frozen.body).toBe(200);
    const id = frozen.json().draw_id;
    expect((await auditOf(ctx.db, 'spotcheck.freeze')).length).toBeGreaterThan(0);
    const drawn = await post(ctx.app, central, `/api/spotchecks/${id}/draw`, {
      seed: '31415926535897932384',
      proportion: '0.2',
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json().state).toBe('drawn');
    const committed = await post(ctx.app, central, `/api/spotchecks/${id}/commit`);
    expect(committed.json().state).toBe('committed');
    const verified = await post(ctx.app, central, `/api/spotchecks/${id}/verify`);
    expect(verified.json().ok).toBe(true);
    const cert = (await get(ctx.app, central, `/api/spotchecks/${id}`)).json();
    expect(JSON.stringify(cert)).toContain('31415926535897932384');
    const list = (await get(ctx.app, central, '/api/spotchecks')).json();
    expect(list[0]).toMatchObject({ draw_id: id, state: 'committed' });
    const actions = (
      await ctx.db.all<{ action: string }>("SELECT DISTINCT action FROM audit_log WHERE action LIKE 'spotcheck.%'")
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['spotcheck.freeze', 'spotcheck.draw', 'spotcheck.commit']));
    const provList = (await get(ctx.app, prov, '/api/spotchecks')).json();
    const ownSelected = (await ctx.db.one<{ n: number }>(
      'SELECT count(*) AS n FROM draw_selection s JOIN regions r USING (region_code) WHERE s.draw_id = $1 AND r.province_code = $2',
      [id, ctx.province],
    ))!.n;
    expect(provList[0].selected).toBe(ownSelected);
    expect(list[0].selected).toBeGreaterThan(ownSelected);
    const mine = (await get(ctx.app, prov, `/api/spotchecks/${id}`)).json();
    for (const s of mine.selected) expect(s.region_code.slice(0, 2)).toBe(ctx.province.slice(0, 2));
  });

  it('answers 400 with the reason for a short seed or a missing size', async () => {
    const bad = await post(ctx.app, central, '/api/spotchecks/1/draw', { seed: '123', proportion: '0.1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation.pattern', params: { field: 'body.seed' } });
    const noSize = await post(ctx.app, central, '/api/spotchecks/1/draw', { seed: '12345678901234567890' });
    expect(noSize.statusCode).toBe(400);
  });

  it('answers 404 for a draw that does not exist', async () => {
    expect((await get(ctx.app, central, '/api/spotchecks/999')).statusCode).toBe(404);
  });
});

describe('POST /api/watchlist/:id/status', () => {
  it('moves an entry with a note, records history and audit; a forbidden move is 400', async () => {
    const [entry] = await ctx.db.all<{ entry_id: string; status: string }>(
      "SELECT entry_id, status FROM watchlist_entries WHERE status IN ('flagged', 'needs_review') ORDER BY entry_id LIMIT 1",
    );
    const res = await post(ctx.app, central, `/api/watchlist/${entry.entry_id}/status`, {
      status: 'under_review',
      note: '已约谈，核实中',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('under_review');
    expect(res.json().history.at(-1)).toMatchObject({
      to_status: 'under_review',
      note: '已约谈，核实中',
      changed_by: 'user:central',
    });
    expect((await auditOf(ctx.db, 'watchlist.status')).at(-1)?.subject).toBe(`watchlist:${entry.entry_id}`);
    const again = await post(ctx.app, central, `/api/watchlist/${entry.entry_id}/status`, {
      status: 'flagged',
      note: 'back',
    });
    expect(again.statusCode).toBe(400);
  });

  it('answers 400 without a note', async () => {
    expect(
      (await post(ctx.app, central, '/api/watchlist/0123456789abcdef/status', { status: 'cleared' })).statusCode,
    ).toBe(400);
  });
});

describe('POST /api/watchlist', () => {
  it('adds a ground-4 entry with the reason, audited', async () => {
    const res = await post(ctx.app, central, '/api/watchlist', {
      region_code: ctx.ownRegion,
      year: 2025,
      reason: '媒体报道重大舆情，需核实',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ region_code: ctx.ownRegion, ground: 4, kind: 'other', status: 'flagged' });
    expect((await auditOf(ctx.db, 'watchlist.add')).at(-1)?.actor).toBe('user:central');
    const mine = (await get(ctx.app, prov, '/api/watchlist')).json();
    expect(mine.some((e: { entry_id: string }) => e.entry_id === res.json().entry_id)).toBe(true);
  });

  it('answers 404 for an unknown region and 400 for a missing reason', async () => {
    expect(
      (await post(ctx.app, central, '/api/watchlist', { region_code: '999999', reason: 'some reason' })).statusCode,
    ).toBe(404);
    expect((await post(ctx.app, central, '/api/watchlist', { region_code: ctx.ownRegion })).statusCode).toBe(400);
  });
});
