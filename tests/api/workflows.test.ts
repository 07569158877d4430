// The routes behind the dashboard's workflows: the admin's account screen, the inspector register, a draw's public
// files and the provincial certificate, and a hand watchlist entry with a chosen ground and flags as evidence.
import { renderError, renderWatchSummary } from '../../pipeline/vocabulary/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { demoInspectorsCsv } from '../../pipeline/demo/inspectors.ts';
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

describe('accounts (admin)', () => {
  it('lets an admin add a provincial account whose generated password logs in, and nobody else', async () => {
    expect((await post(ctx.app, central, '/api/users', { username: 'x1', role: 'central' })).statusCode).toBe(403);
    const res = await post(ctx.app, admin, '/api/users', {
      username: 'zhejiang',
      role: 'provincial',
      province_code: '330000',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { password } = res.json() as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(20);
    const s = await login(ctx.app, 'zhejiang', password);
    expect((await get(ctx.app, s, '/api/auth/me')).json().user).toEqual({
      username: 'zhejiang',
      role: 'provincial',
      province_code: '330000',
    });
    const list = (await get(ctx.app, admin, '/api/users')).json() as { username: string; sessions: number }[];
    expect(list.find((u) => u.username === 'zhejiang')!.sessions).toBe(1);
    expect(JSON.stringify(list)).not.toContain('scrypt');
  });

  it('refuses a provincial account without a province with a 400 naming the rule', async () => {
    const res = await post(ctx.app, admin, '/api/users', { username: 'noprov', role: 'provincial' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/province/);
  });

  it('moves a provincial account to another province, ending its sessions, and audits it', async () => {
    const { password } = (
      await post(ctx.app, admin, '/api/users', { username: 'mover', role: 'provincial', province_code: '320000' })
    ).json() as { password: string };
    const s = await login(ctx.app, 'mover', password);
    const res = await post(ctx.app, admin, '/api/users/mover/province', { province_code: '440000' });
    expect(res.statusCode, res.body).toBe(200);
    const row = await ctx.db.one<{ province_code: string }>("SELECT province_code FROM users WHERE username = 'mover'");
    expect(row!.province_code).toBe('440000');
    const me = await get(ctx.app, s, '/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('session_ended.province_changed');
    expect((await auditOf(ctx.db, 'user.set_province')).at(-1)!.subject).toBe('user:mover');
  });

  it('refuses a password sent to the reset with a 400 saying the reset generates one, and leaves the account as it was', async () => {
    const { password: old } = (
      await post(ctx.app, admin, '/api/users', { username: 'chooser', role: 'central' })
    ).json() as { password: string };
    const res = await post(ctx.app, admin, '/api/users/chooser/password', { password: 'my-own-Choice-2025!' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('user.password_generated');
    expect(res.json().error.message).toContain('重置密码由系统生成，不接受指定的密码');
    expect(renderError('user.password_generated', {}, 'en')).toContain('the reset generates the password');
    await login(ctx.app, 'chooser', old); // unchanged: the old password still logs in
    expect((await auditOf(ctx.db, 'user.password')).some((a) => a.subject === 'user:chooser')).toBe(false);
  });

  it('resets a password: the old one stops working, the new one (shown once) logs in', async () => {
    const { password: old } = (
      await post(ctx.app, admin, '/api/users', { username: 'forgetful', role: 'central' })
    ).json() as { password: string };
    const res = await post(ctx.app, admin, '/api/users/forgetful/password');
    expect(res.statusCode, res.body).toBe(200);
    const { password } = res.json() as { password: string };
    expect(password).not.toBe(old);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'forgetful', password: old },
        })
      ).statusCode,
    ).toBe(401);
    await login(ctx.app, 'forgetful', password);
  });

  it('disables and enables an account, and will not let an admin disable itself', async () => {
    const { password } = (await post(ctx.app, admin, '/api/users', { username: 'leaver', role: 'central' })).json() as {
      password: string;
    };
    expect((await post(ctx.app, admin, '/api/users/leaver/disable')).statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leaver', password } }))
        .statusCode,
    ).toBe(401);
    expect((await post(ctx.app, admin, '/api/users/leaver/enable')).statusCode).toBe(200);
    await login(ctx.app, 'leaver', password);
    expect((await post(ctx.app, admin, '/api/users/boss/disable')).statusCode).toBe(403);
  });

  it('ends an open session at once when its account is disabled or moved to another province, not when a cache expires', async () => {
    const { password } = (
      await post(ctx.app, admin, '/api/users', {
        username: 'wanderer',
        role: 'provincial',
        province_code: ctx.province,
      })
    ).json() as {
      password: string;
    };
    const wanderer = await login(ctx.app, 'wanderer', password);
    expect((await get(ctx.app, wanderer, '/api/regions')).statusCode).toBe(200);
    const elsewhere = ctx.province === '110000' ? '120000' : '110000';
    const moved = await post(ctx.app, admin, '/api/users/wanderer/province', { province_code: elsewhere });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await get(ctx.app, wanderer, '/api/regions')).statusCode).toBe(401);
    const again = await login(ctx.app, 'wanderer', password);
    expect((await get(ctx.app, again, '/api/regions')).statusCode).toBe(200);
    expect((await post(ctx.app, admin, '/api/users/wanderer/disable')).statusCode).toBe(200);
    expect((await get(ctx.app, again, '/api/regions')).statusCode).toBe(401);
  });
});

describe('inspector register', () => {
  it('imports a CSV, lists it, and edits a load cap (audited); a provincial account gets 403', async () => {
    const csv = 'inspector_id,name,home_province_code,load_cap,active\nT001,甲,110000,3,true\nT002,乙,320000,2,是\n';
    expect((await post(ctx.app, prov, '/api/inspectors/import', { csv })).statusCode).toBe(403);
    const res = await post(ctx.app, central, '/api/inspectors/import', { csv, file_name: 'mine.csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ file: 'mine.csv', imported: 2 });
    const edit = await post(ctx.app, admin, '/api/inspectors/T002', { load_cap: 7 });
    expect(edit.statusCode, edit.body).toBe(200);
    const list = (await get(ctx.app, central, '/api/inspectors')).json() as {
      inspector_id: string;
      load_cap: number;
      active: boolean;
    }[];
    expect(list.find((i) => i.inspector_id === 'T002')).toMatchObject({ load_cap: 7, active: true });
    expect(JSON.parse((await auditOf(ctx.db, 'spotcheck.inspector_update')).at(-1)!.details)).toMatchObject({
      load_cap: [2, 7],
    });
  });

  it('refuses a file with a bad row naming the file and line, and keeps the register as it was', async () => {
    const before = (await get(ctx.app, central, '/api/inspectors')).json() as unknown[];
    const res = await post(ctx.app, central, '/api/inspectors/import', {
      csv: 'inspector_id,name,home_province_code,load_cap,active\nT009,丙,110000,3,true\nT010,丁,1100,2,true\n',
      file_name: 'bad.csv',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('bad.csv:3');
    expect(res.json().error.message).not.toContain('shifan-inspectors-');
    expect((await get(ctx.app, central, '/api/inspectors')).json()).toEqual(before);
  });
});

describe('spot-check files and certificate', () => {
  let drawId: number;
  beforeAll(async () => {
    await post(ctx.app, central, '/api/inspectors/import', {
      csv: demoInspectorsCsv({ provinces: await provinces() }),
    });
    const frozen = await post(ctx.app, central, '/api/spotchecks/freeze', { year: 2024, strata: 'province' });
    expect(frozen.statusCode, frozen.body).toBe(200);
    drawId = frozen.json().draw_id;
  });
  async function provinces() {
    const rows = await ctx.db.all<{ code: string; n: number }>(
      'SELECT province_code AS code, count(*) AS n FROM regions GROUP BY 1 ORDER BY 1',
    );
    return rows.map((r) => ({ code: r.code, name: r.code, regions: Array.from({ length: r.n }) as never[] }));
  }

  it('serves the pool file whose SHA-256 is the published pool hash, and the strata file', async () => {
    const cert = (await get(ctx.app, central, `/api/spotchecks/${drawId}`)).json() as {
      pool: { file: string; sha256: string };
      strata: { file: string; sha256: string };
    };
    const pool = await get(ctx.app, central, `/api/spotchecks/${drawId}/files/${cert.pool.file}`);
    expect(pool.statusCode).toBe(200);
    expect(pool.headers['content-disposition']).toContain(cert.pool.file);
    expect(createHash('sha256').update(pool.body).digest('hex')).toBe(cert.pool.sha256);
    const strata = await get(ctx.app, admin, `/api/spotchecks/${drawId}/files/${cert.strata.file}`);
    expect(createHash('sha256').update(strata.body).digest('hex')).toBe(cert.strata.sha256);
    // the files list regions of every province: not for a provincial account
    expect((await get(ctx.app, prov, `/api/spotchecks/${drawId}/files/${cert.pool.file}`)).statusCode).toBe(403);
    expect((await get(ctx.app, central, `/api/spotchecks/${drawId}/files/nothing.txt`)).statusCode).toBe(404);
    // Names of Object.prototype's members are files like any other: none of them exists (was a 500).
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect((await get(ctx.app, central, `/api/spotchecks/${drawId}/files/${name}`)).statusCode, name).toBe(404);
  });

  it('gives a provincial account the full public certificate with only its own selections', async () => {
    const drawn = await post(ctx.app, central, `/api/spotchecks/${drawId}/draw`, {
      seed: '31415926535897932384626',
      proportion: '30%',
      commit: true,
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const full = (await get(ctx.app, central, `/api/spotchecks/${drawId}`)).json() as {
      selected: { region_code: string }[];
      protocol: string;
      pool: { sha256: string };
    };
    const mine = (await get(ctx.app, prov, `/api/spotchecks/${drawId}`)).json() as typeof full & {
      selected_total: number;
    };
    expect(mine.protocol).toBe(full.protocol);
    expect(mine.pool.sha256).toBe(full.pool.sha256);
    expect(mine.selected_total).toBe(full.selected.length);
    expect(mine.selected.length).toBeLessThan(full.selected.length);
    for (const s of mine.selected) expect(s.region_code.slice(0, 2)).toBe(ctx.province.slice(0, 2));
    // nothing in it names another province's region or province code (pool list, strata, commands)
    const others = (
      await ctx.db.all<{ code: string }>(
        'SELECT region_code AS code FROM regions WHERE province_code <> $1 UNION SELECT DISTINCT province_code FROM regions WHERE province_code <> $1',
        [ctx.province],
      )
    ).map((r) => r.code);
    const body = JSON.stringify(mine);
    expect(others.filter((c) => new RegExp(`(^|[^0-9])${c}([^0-9]|$)`).test(body))).toEqual([]);
  });
});

describe('hand watchlist entries', () => {
  it('records the chosen ground, the reason and the attached flags with their source records', async () => {
    const flags = await ctx.db.all<{ flag_id: string; region_code: string }>(
      "SELECT f.flag_id, f.region_code FROM flags f JOIN flag_evidence e USING (flag_id) WHERE f.status = 'active' GROUP BY ALL ORDER BY count(*) DESC LIMIT 1",
    );
    const { region_code, flag_id } = flags[0]!;
    const res = await post(ctx.app, central, '/api/watchlist', {
      region_code,
      year: 2024,
      ground: 1,
      reason: '执法决定长期不公示，群众反映强烈',
      flag_ids: [flag_id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json() as {
      ground: number;
      kind: string;
      params: string;
      evidence: { flags: { flag_id: string }[]; records: { file_name: string; line: number }[]; reason: string };
    };
    expect(entry.ground).toBe(1);
    expect(renderWatchSummary(entry.kind, JSON.parse(entry.params), 'zh')).toBe(
      '(一) 严重违法行政行为或不作为乱作为：执法决定长期不公示，群众反映强烈',
    );
    expect(entry.evidence.flags.map((f) => f.flag_id)).toEqual([flag_id]);
    expect(entry.evidence.records.length).toBeGreaterThan(0);
    expect(entry.evidence.records[0]!.line).toBeGreaterThan(0);
    const onRegion = (await get(ctx.app, central, `/api/watchlist?region=${region_code}`)).json() as {
      region_code: string;
    }[];
    expect(onRegion.length).toBeGreaterThan(0);
    expect(onRegion.every((w) => w.region_code === region_code)).toBe(true);
  });

  it('refuses ground 3 by hand and a flag of another region', async () => {
    const bad3 = await post(ctx.app, central, '/api/watchlist', {
      region_code: ctx.ownRegion,
      ground: 3,
      reason: '抽查结论不达标',
    });
    expect(bad3.statusCode).toBe(400);
    const [other] = await ctx.db.all<{ flag_id: string }>('SELECT flag_id FROM flags WHERE region_code <> $1 LIMIT 1', [
      ctx.ownRegion,
    ]);
    const res = await post(ctx.app, central, '/api/watchlist', {
      region_code: ctx.ownRegion,
      ground: 4,
      reason: '其他情形测试',
      flag_ids: [other!.flag_id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(other!.flag_id);
  });
});
