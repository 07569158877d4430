import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import {
  assignInspectors,
  compareTicketed,
  importInspectors,
  seedHashOf,
  ticketOf,
  type PoolInspector,
} from '../../pipeline/spotcheck/index.ts';
import { readAuditLog } from '../../pipeline/audit/index.ts';
import { demoInspectorsCsv } from '../../pipeline/demo/inspectors.ts';
import { openTestDb, SEED } from './fixtures.ts';
import { EXAMPLE_ID_PREFIX, previewInspectors, TEMPLATE } from '../../dashboard/src/features/inspectors/parse.ts';

const seedHash = seedHashOf(SEED);
const inspector = (id: string, province: string, cap = 5, prior = 0): PoolInspector => ({
  inspector_id: id,
  home_province_code: province,
  load_cap: cap,
  prior_load: prior,
});

describe('drawing inspector teams (双随机)', () => {
  it('takes the first m inspectors in ticket order of region_code + "|" + inspector_id', () => {
    const pool = ['A', 'B', 'C', 'D', 'E'].map((id) => inspector(id, '310000'));
    const expected = pool
      .map((i) => ({ id: i.inspector_id, ticket: ticketOf(seedHash, `110101|${i.inspector_id}`) }))
      .sort(compareTicketed)
      .slice(0, 2);
    const team = assignInspectors(['110101'], pool, seedHash, 2);
    expect(team.map((a) => [a.inspector_id, a.ticket, a.position])).toEqual(
      expected.map((e, k) => [e.id, e.ticket, k + 1]),
    );
  });

  it("skips inspectors from the region's own province", () => {
    const pool = [
      inspector('A', '110000'),
      inspector('B', '110000'),
      inspector('C', '310000'),
      inspector('D', '440000'),
    ];
    const team = assignInspectors(['110105'], pool, seedHash, 2);
    expect(team.map((a) => a.inspector_id).sort()).toEqual(['C', 'D']);
  });

  it('skips inspectors at their load cap, counting earlier regions of the same draw and prior committed draws', () => {
    const pool = [
      inspector('A', '310000', 1),
      inspector('B', '440000', 2, 2),
      inspector('C', '510000', 3),
      inspector('D', '320000', 3),
    ];
    const teams = assignInspectors(['110101', '110102', '110103'], pool, seedHash, 2);
    const load = (id: string) => teams.filter((a) => a.inspector_id === id).length;
    expect(load('A')).toBeLessThanOrEqual(1);
    expect(load('B')).toBe(0);
    expect(teams).toHaveLength(6);
  });

  it('serves regions in draw order, so an earlier region has first call on a nearly full inspector', () => {
    const pool = [inspector('A', '310000', 1), inspector('B', '440000', 1)];
    const first = assignInspectors(['110101', '110102'], pool, seedHash, 1);
    expect(first[0].region_code).toBe('110101');
    expect(new Set(first.map((a) => a.inspector_id)).size).toBe(2);
  });

  it('names the region when not enough inspectors are eligible', () => {
    const pool = [inspector('A', '110000'), inspector('B', '310000'), inspector('C', '440000', 1)];
    expect(() => assignInspectors(['310101', '110101'], pool, seedHash, 2)).toThrow(
      /not enough eligible inspectors for region 110101: the team needs 2, only 1 can go \(3 active inspectors: 1 from province 110000, 1 at their load cap\)/,
    );
  });
});

describe('importing the inspector register', () => {
  let db: Database;
  let dir: string;
  beforeEach(async () => {
    db = await openTestDb();
    dir = mkdtempSync(join(tmpdir(), 'shifan-inspectors-'));
  });
  afterEach(() => db.close());

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('loads the declared columns, replaces an inspector listed again, and logs the import', async () => {
    const first = file(
      'a.csv',
      'inspector_id,name,home_province_code,load_cap,active\nI01,张三,110000,3,true\nI02,李四,310000,2,是\n',
    );
    expect(await importInspectors(db, first, 'test')).toMatchObject({ imported: 2, total_active: 2 });
    const second = file('b.csv', 'inspector_id,name,home_province_code,load_cap,active\nI02,李四,310000,4,false\n');
    await importInspectors(db, second, 'test');
    expect(await db.all('SELECT inspector_id, load_cap, active FROM inspectors ORDER BY 1')).toEqual([
      { inspector_id: 'I01', load_cap: 3, active: true },
      { inspector_id: 'I02', load_cap: 4, active: false },
    ]);
    expect(await readAuditLog(db, { action: 'spotcheck.inspectors_import' })).toHaveLength(2);
  });

  it('refuses the whole file when a row is bad, naming each bad line', async () => {
    const bad = file(
      'bad.csv',
      [
        'inspector_id,name,home_province_code,load_cap,active',
        'I01,张三,110000,3,true',
        'I02,李四,110105,3,true',
        'I03,王五,310000,many,true',
        'I01,赵六,440000,1,maybe',
      ].join('\n'),
    );
    const error = await importInspectors(db, bad, 'test').catch((e: Error) => e);
    expect(String(error)).toMatch(/bad\.csv:2: inspector_id I01 appears 2 times/);
    expect(String(error)).toMatch(/bad\.csv:3: home_province_code must be a province code .* found "110105"/);
    expect(String(error)).toMatch(/bad\.csv:4: load_cap must be a whole number >= 0, found "many"/);
    expect(await db.one('SELECT count(*) AS n FROM inspectors')).toEqual({ n: 0 });
  });

  const manyBad = 'inspector_id,name,home_province_code,load_cap,active\nJC99002,测试乙,999999,abc,也许\n';

  it('names every bad cell of a row, not only the first', async () => {
    const error = await importInspectors(db, file('many.csv', manyBad), 'test').catch((e: Error) => e);
    const codes = ((error as { params?: { problems?: Array<{ code: string }> } }).params?.problems ?? []).map(
      (p) => p.code,
    );
    expect(codes).toEqual(['inspectors.bad_province', 'inspectors.bad_load_cap', 'inspectors.bad_active']);
    expect(String(error)).toMatch(/many\.csv:2: home_province_code .* found "999999"/);
    expect(String(error)).toMatch(/many\.csv:2: load_cap .* found "abc"/);
    expect(String(error)).toMatch(/many\.csv:2: active .* found "也许"/);
  });

  it('previews every bad cell of a row in the browser, as the server finds them', () => {
    const [row] = previewInspectors(manyBad).rows;
    expect(row!.problems.map((p) => [p.key, p.field])).toEqual([
      ['insp.p.province', 'home_province_code'],
      ['insp.p.cap', 'load_cap'],
      ['insp.p.active', 'active'],
    ]);
  });

  it('never imports the template as it is: its example rows are refused and no inspector is renamed', async () => {
    const demo = demoInspectorsCsv({
      provinces: [
        { code: '320000', regions: [] },
        { code: '110000', regions: [] },
      ],
    } as never);
    await importInspectors(db, file('demo.csv', demo), 'test');
    const before = await db.all('SELECT inspector_id, name FROM inspectors ORDER BY 1');
    const body = TEMPLATE.split('\n').slice(1).filter(Boolean);
    expect(body.length).toBeGreaterThan(0);
    for (const line of body) expect(line.startsWith(EXAMPLE_ID_PREFIX)).toBe(true);
    expect(demo).not.toContain(EXAMPLE_ID_PREFIX);
    expect(previewInspectors(TEMPLATE).rows.map((r) => r.problems.map((p) => p.key))).toEqual(
      body.map(() => ['insp.p.example']),
    );
    const error = await importInspectors(db, file('template.csv', TEMPLATE), 'test').catch((e: Error) => e);
    expect(String(error)).toMatch(/template\.csv:2: inspector_id 示例001 is an example row of the template/);
    expect(await db.all('SELECT inspector_id, name FROM inspectors ORDER BY 1')).toEqual(before);
  });
});
