// The demo's naming round end to end on the small demo (seed 1): every planted contradiction is found with its
// evidence rows, honest applicants have none, the below-bar applicants are the ones the scorecard puts below 90%,
// the ranking's JSON has exactly the keys, the field-check list reproduces from its stored inputs, and the
// candidate list, notice, objections and decision run in order into the regions directory and the audit log.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../pipeline/audit/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import {
  addCandidates,
  applicantScorecards,
  contradictions,
  decide,
  fieldCheckLists,
  getRound,
  publishNotice,
  queryOf,
  rankJson,
  rankRound,
  type Round,
  roundStatus,
  verifyFieldCheckList,
} from '../../pipeline/naming/index.ts';
import { type DemoRoundResult, writeDemoRound } from '../../pipeline/naming/demo-round.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { renderContradiction } from '../../pipeline/vocabulary/index.ts';
import { login, PASSWORD, post } from '../api/helper.ts';
import { runCli } from '../cli/run-cli.ts';
import { copyDemo, DEMO_TIMEOUT } from '../support/demo-cache.ts';

let db: Database;
let dir: string;
let dbPath: string;
let demoRound: DemoRoundResult;
let round: Round;
let plantedFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shifan-naming-'));
  dbPath = join(dir, 'naming.duckdb');
  // generated, loaded and refreshed once per run (tests/support/demo-cache.ts); this file's own copy
  const { demo } = await copyDemo({ seed: 1, filesDir: join(dir, 'inbox'), database: dbPath });
  plantedFile = demo.plantedFile;
  db = await openPreparedDatabase(dbPath);
  demoRound = await writeDemoRound(db, { seed: 1, outDir: join(dir, 'inbox'), plantedFile });
  round = await getRound(db, '2026');
}, DEMO_TIMEOUT);
afterAll(() => db?.close());

describe('the demo round', () => {
  it('loads every file of the round without a reject', () => {
    expect(demoRound.loads.map((l) => [l.file, l.status, l.rejected])).toEqual(
      demoRound.loads.map((l) => [l.file, 'loaded', 0]),
    );
    expect(demoRound.applicants).toBeGreaterThanOrEqual(8);
  });

  it('lists its planted contradictions and below-bar applicants in planted.json beside the other problems', () => {
    const planted = JSON.parse(readFileSync(plantedFile, 'utf8')) as Array<{ kind: string }>;
    const naming = planted.filter((p) => p.kind.startsWith('naming_'));
    expect(naming).toEqual(demoRound.planted);
    expect(naming.filter((p) => p.kind === 'naming_claimed_met').length).toBeGreaterThanOrEqual(3);
    expect(naming.some((p) => p.kind === 'naming_claimed_figure')).toBe(true);
    expect(naming.some((p) => p.kind === 'naming_claimed_not_applicable')).toBe(true);
    expect(naming.some((p) => p.kind === 'naming_below_bar')).toBe(true);
    expect(planted.length).toBeGreaterThan(naming.length);
  });
});

describe('contradictions', () => {
  it('finds every planted contradiction, each with the self-assessment row and the source rows as evidence', async () => {
    const found = await contradictions(queryOf(db), round);
    const plantedContradictions = demoRound.planted.filter((p) => p.expect.startsWith('naming:claimed_'));
    const missing = plantedContradictions.filter(
      (p) =>
        !found.some(
          (c) =>
            c.region_code === p.region_code && `naming:${c.kind} ${c.indicator_no}` === p.expect && c.year === p.year,
        ),
    );
    expect(missing).toEqual([]);
    for (const p of plantedContradictions) {
      const c = found.find(
        (x) => x.region_code === p.region_code && `naming:${x.kind} ${x.indicator_no}` === p.expect,
      )!;
      expect(c.evidence[0]).toMatchObject({
        dataset: 'naming_self_assessments',
        file_name: 'naming_self_assessments_2026.csv',
      });
      expect(c.evidence[0].line).toBeGreaterThan(1);
      if (c.kind !== 'claimed_figure') {
        // the records behind the metric not met, with their file and line
        expect(c.evidence.length).toBeGreaterThan(1);
        expect(c.evidence.slice(1).every((e) => e.file_name && e.line)).toBe(true);
      }
    }
  });

  it('finds none for the applicants whose self-assessment is what their data say', async () => {
    const found = await contradictions(queryOf(db), round);
    const planted = new Set(
      demoRound.planted.filter((p) => p.expect.startsWith('naming:claimed_')).map((p) => p.region_code),
    );
    expect(found.filter((c) => !planted.has(c.region_code)).map((c) => renderContradiction(c, 'zh'))).toEqual([]);
    expect(found.length).toBe(demoRound.planted.filter((p) => p.expect.startsWith('naming:claimed_')).length);
  });

  it('lists them on the command line with file and line, and as JSON', async () => {
    db.close();
    try {
      const text = await runCli(['--db', dbPath, 'applications', 'contradictions', '--round', '2026']);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/证据 naming_self_assessments \d{6}\|\d+ {2}naming_self_assessments_2026\.csv:\d+/);
      const json = await runCli(['--db', dbPath, '--json', 'applications', 'contradictions', '--round', '2026']);
      expect(JSON.parse(json.stdout).length).toBe(
        demoRound.planted.filter((p) => p.expect.startsWith('naming:claimed_')).length,
      );
    } finally {
      db = await openPreparedDatabase(dbPath);
    }
  });
});

describe('the applicant scorecard', () => {
  it("counts conformance per seed indicator No. from the applicant's own data, as the scorecard of named regions does", async () => {
    const cards = await applicantScorecards(queryOf(db), round);
    for (const card of cards) {
      const assessed = card.items.filter((i) => i.data_status !== 'no_data');
      const met = assessed.filter((i) => i.data_status === 'met').length;
      const decisive = card.years.find((y) => y.decisive)!;
      expect([decisive.items_met, decisive.items_assessed]).toEqual([met, assessed.length]);
      expect(card.conformance).toBeCloseTo(met / assessed.length, 9);
      expect(card.years.map((y) => y.year)).toEqual([2023, 2024]);
    }
  });

  it('puts below the bar exactly the comprehensive applicants planted.json lists as below 90%', async () => {
    const cards = await applicantScorecards(queryOf(db), round);
    const below = cards
      .filter((c) => c.kind === 'comprehensive' && c.meets_bar === false)
      .map((c) => c.region_code)
      .sort();
    const planted = demoRound.planted
      .filter((p) => p.kind === 'naming_below_bar')
      .map((p) => p.region_code)
      .sort();
    expect(below).toEqual(planted);
  });

  it("shows a provincial office only its own province's applicants", async () => {
    const all = await applicantScorecards(queryOf(db), round);
    const province = all[0].province_code;
    const mine = await applicantScorecards(queryOf(db), round, { province });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.province_code === province)).toBe(true);
    expect(mine.length).toBe(all.filter((c) => c.province_code === province).length);
  });
});

describe('ranking and the field-check list', () => {
  it('prints exactly the keys the issue lists with --json', async () => {
    const ranking = (await rankRound(queryOf(db), round)).map(rankJson);
    expect(Object.keys(ranking[0])).toEqual([
      'rank',
      'region_code',
      'conformance',
      'contradictions',
      'third_party',
      'satisfaction',
      'score',
      'rank_interval',
    ]);
    expect(ranking[0].rank).toBe(1);
    expect(ranking.some((r) => r.rank === null)).toBe(true); // the applicant its province did not recommend
  });

  it('reproduces the stored field-check list exactly from its stored inputs, and from the data today', async () => {
    const [list] = await fieldCheckLists(queryOf(db), '2026');
    expect(list.regions).toEqual(demoRound.field_check_list);
    const v = await verifyFieldCheckList(queryOf(db), round);
    expect(v).toMatchObject({ inputs_intact: true, reproduces: true, inputs_current: true });
    expect(v.recomputed).toEqual(list.regions);
  });
});

describe('the stored field-check list after the data change', () => {
  it("still reproduces from its stored inputs, and says that today's inputs differ", async () => {
    const [list] = await fieldCheckLists(queryOf(db), '2026');
    const code = list.regions[0];
    const path = join(dir, 'naming_satisfaction_2026_resurvey.csv');
    writeFileSync(path, `认定批次,行政区划代码,样本量,满意人数\n2026,${code},1000,500\n`);
    expect((await ingestFile(db, path)).status).toBe('loaded');
    const v = await verifyFieldCheckList(queryOf(db), round);
    expect(v).toMatchObject({ inputs_intact: true, reproduces: true, inputs_current: false });
    expect(v.recomputed).toEqual(list.regions);
    const now = await rankRound(queryOf(db), round);
    expect(now.find((r) => r.region_code === code)!.satisfaction).toBe(0.5);
  });
});

describe('candidates, notice, objections and naming', () => {
  it('runs from the field-check list to a named region in the regions directory, every step audit-logged', async () => {
    const [list] = await fieldCheckLists(queryOf(db), '2026');
    const results = await db.allFile<{ region_code: string; kind: string; share: number }>(
      'naming/field_check_results',
      {
        round: '2026',
      },
    );
    const eligible = results.filter(
      (r) => list.regions.includes(r.region_code) && (r.kind === 'single' || r.share >= 0.9),
    );
    const refused = results.find(
      (r) => list.regions.includes(r.region_code) && r.kind === 'comprehensive' && r.share < 0.9,
    );
    if (refused)
      await expect(addCandidates(db, '2026', [refused.region_code], 'test:analyst')).rejects.toThrow(
        /低于综合示范要求/,
      );
    expect(eligible.length).toBeGreaterThanOrEqual(2);
    const [first, second] = eligible.map((r) => r.region_code);
    await addCandidates(db, '2026', [first, second], 'test:analyst');
    // A second time is refused in words, not by the database's key constraint.
    await expect(addCandidates(db, '2026', [first], 'test:analyst')).rejects.toThrow(/已在候选名单上/);

    // no decision before the notice, nor during it
    await expect(
      decide(
        db,
        '2026',
        { region_code: first, decision: 'named', reason: '符合要求', decided_on: '2027-03-01' },
        'test:analyst',
      ),
    ).rejects.toThrow(/尚未公示/);
    const period = await publishNotice(db, '2026', '2026-09-28', '人民日报', 'test:analyst');
    // 09-28 Mon (1), 09-29 (2), 09-30 (3); 10-01..07 National Day; 10-08 (4), 10-09 (5)
    expect(period).toMatchObject({ starts_on: '2026-09-28', ends_on: '2026-10-09', workdays: 5 });
    await expect(
      decide(
        db,
        '2026',
        { region_code: first, decision: 'named', reason: '符合要求', decided_on: '2026-10-09' },
        'test:analyst',
      ),
    ).rejects.toThrow(/公示期满后/);

    // an objection still pending blocks the decision; once dismissed, the region may be named
    const objections = join(dir, 'naming_objections_2026.csv');
    writeFileSync(
      objections,
      `异议编号,认定批次,行政区划代码,收到日期,异议内容,处理结果,处理日期,处理说明\nYY-1,2026,${first},2026-10-01,反映执法公示不及时,处理中,,\n`,
    );
    expect((await ingestFile(db, objections)).status).toBe('loaded');
    await expect(
      decide(
        db,
        '2026',
        { region_code: first, decision: 'named', reason: '符合要求', decided_on: '2026-10-12' },
        'test:analyst',
      ),
    ).rejects.toThrow(/尚未处理完毕/);
    writeFileSync(
      objections,
      `异议编号,认定批次,行政区划代码,收到日期,异议内容,处理结果,处理日期,处理说明\nYY-1,2026,${first},2026-10-01,反映执法公示不及时,异议不成立,2026-10-10,经核实已按期公示\n`,
    );
    expect((await ingestFile(db, objections)).status).toBe('loaded');
    const named = await decide(
      db,
      '2026',
      { region_code: first, decision: 'named', reason: '公示期满无成立异议，符合要求', decided_on: '2026-10-12' },
      'test:analyst',
    );
    expect(named.regions_load_id).toBeGreaterThan(0);
    await decide(
      db,
      '2026',
      { region_code: second, decision: 'not_named', reason: '综合公示情况暂不命名', decided_on: '2026-10-12' },
      'test:analyst',
    );

    const [entry] = await db.all<{ batch: number; designation: string; designated_on: string }>(
      `SELECT batch, designation, strftime(designated_on, '%Y-%m-%d') AS designated_on FROM regions WHERE region_code = $code`,
      { code: first },
    );
    const application = await db.allFile<{ kind: string }>('naming/application_one', { round: '2026', region: first });
    expect(entry).toEqual({ batch: 2026, designation: application[0].kind, designated_on: '2026-10-12' });

    // supervision from the next year: in the spot-check pool of 2027, not of its naming year
    const pool = async (year: number) =>
      (
        await db.allFile<{ region_code: string }>('spotcheck/pool', {
          year,
          strata: 'none',
          exclude_revoked: true,
          exclude_named_this_year: true,
          as_of: `${year}-12-31`,
        })
      ).map((r) => r.region_code);
    expect(await pool(2026)).not.toContain(first);
    expect(await pool(2027)).toContain(first);
    expect(await pool(2027)).not.toContain(second);

    const actions = (await readAuditLog(db)).map((e) => e.action).filter((a) => a.startsWith('naming.'));
    expect(actions).toEqual(
      expect.arrayContaining([
        'naming.round.create',
        'naming.report',
        'naming.field_check_list',
        'naming.candidate',
        'naming.notice',
        'naming.decision',
        'naming.directory',
      ]),
    );
    const status = await roundStatus(db, '2026', { today: '2026-12-01' });
    expect(status.counts).toMatchObject({
      candidates: 2,
      notices: 1,
      objections: 1,
      objections_pending: 0,
      named: 1,
      decided: 2,
    });
    expect(status.steps.find((s) => s.step === 'naming')!.state).toBe('done');
  });
});

describe('self-assessment reports', () => {
  it("keeps each applicant's report with its SHA-256 and its text searchable", async () => {
    const rows = await db.allFile<{ region_code: string; sha256: string; characters: number }>('naming/reports', {
      round: '2026',
      province: null,
      search: '自评报告',
      with_text: false,
    });
    expect(rows.length).toBe(demoRound.applicants);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.sha256) && r.characters > 50)).toBe(true);
  });
});

describe('the naming API', () => {
  let app: import('fastify').FastifyInstance;
  let province: string;
  beforeAll(async () => {
    const { buildTestApp } = await import('../api/helper.ts');
    const { addUser } = await import('../../pipeline/users/index.ts');
    [{ province_code: province }] = await db.all<{ province_code: string }>(
      `SELECT substr(region_code, 1, 2) || '0000' AS province_code, count(*) AS n FROM naming_applications
       GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1`,
    );
    await addUser(db, { username: 'central', role: 'central', password: PASSWORD }, 'test');
    await addUser(db, { username: 'prov', role: 'provincial', province_code: province, password: PASSWORD }, 'test');
    app = await buildTestApp({ db, secureCookies: false });
    await app.ready();
  }, 120_000);
  afterAll(() => app?.close());

  it('refuses every naming route without a session', async () => {
    for (const url of ['/api/naming/rounds', '/api/naming/rounds/2026', '/api/naming/rounds/2026/ranking'])
      expect((await app.inject({ url })).statusCode).toBe(401);
  });

  it("shows a provincial office its own province's applicants only, with their national ranks", async () => {
    const prov = await login(app, 'prov');
    const res = await app.inject({ url: '/api/naming/rounds/2026/ranking', headers: { cookie: prov.cookie } });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Array<{ region_code: string; rank: number | null }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => `${r.region_code.slice(0, 2)}0000` === province)).toBe(true);
    const all = await rankRound(queryOf(db), round);
    for (const r of rows) expect(r.rank).toBe(all.find((a) => a.region_code === r.region_code)!.rank);
    const cards = await app.inject({ url: '/api/naming/rounds/2026/applicants', headers: { cookie: prov.cookie } });
    expect((cards.json() as Array<{ province_code: string }>).every((c) => c.province_code === province)).toBe(true);
  });

  it('searches the reports by a phrase of their text and refuses a search that is not a phrase', async () => {
    const central = await login(app, 'central');
    const url = (search: string) => `/api/naming/rounds/2026/reports?search=${encodeURIComponent(search)}`;
    const found = await app.inject({ url: url('自评报告'), headers: { cookie: central.cookie } });
    expect(found.statusCode).toBe(200);
    expect((found.json() as unknown[]).length).toBe(demoRound.applicants);
    for (const bad of ['../etc/passwd', 'not-a-valid-value', '\u0000'])
      expect((await app.inject({ url: url(bad), headers: { cookie: central.cookie } })).statusCode).toBe(400);
  });

  it('lets only the central office create a round, and answers 404 for a round that does not exist', async () => {
    const body = { round_id: '2028', batch: 5, applications_due: '2028-03-31' };
    const prov = await login(app, 'prov');
    const refused = await post(app, prov, '/api/naming/rounds', body);
    expect(refused.statusCode).toBe(403);
    const central = await login(app, 'central');
    const created = await post(app, central, '/api/naming/rounds', body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ round_id: '2028', data_from: 2026, data_to: 2027 });
    expect((await post(app, central, '/api/naming/rounds', body)).statusCode).toBe(400);
    const missing = await app.inject({ url: '/api/naming/rounds/2030/ranking', headers: { cookie: central.cookie } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('writes the recommendation list, ranking and candidate list as XLSX and PDF, sealed by a manifest of SHA-256s', async () => {
    const { exportRound } = await import('../../pipeline/naming/export.ts');
    const { createHash } = await import('node:crypto');
    const root = join(dir, 'exports');
    const r = await exportRound(db, '2026', 'test:analyst', { root });
    const names = r.files.map((f) => f.name);
    for (const list of ['recommendation', 'ranking', 'candidates']) expect(names).toContain(`${list}.xlsx`);
    if (r.pdf === 'ok')
      for (const list of ['recommendation', 'ranking', 'candidates']) expect(names).toContain(`${list}.pdf`);
    for (const f of r.files)
      expect(
        createHash('sha256')
          .update(readFileSync(join(r.dir, f.name)))
          .digest('hex'),
      ).toBe(f.sha256);
    const manifest = readFileSync(join(r.dir, 'manifest.json'));
    expect(createHash('sha256').update(manifest).digest('hex')).toBe(r.manifest_sha256);
    expect(JSON.parse(manifest.toString()).row_counts.recommendation).toBe(demoRound.applicants);
    const [entry] = (await readAuditLog(db, { action: 'naming.export' })).slice(-1);
    expect(entry.details.manifest_sha256).toBe(r.manifest_sha256);
  }, 300_000);
});
