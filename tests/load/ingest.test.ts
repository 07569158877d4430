// Loading whole files: formats and encodings, repeat = no-op, supersede, refused headers, source lines.
import { utimesSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { ingestFile } from '../../pipeline/load/index.ts';
import { checkFile } from '../../pipeline/load/ingest.ts';
import { renderLoadMessage } from '../../pipeline/vocabulary/index.ts';
import { CJK, latinWords } from '../vocabulary/language-rules.ts';
import { csv, decisionHeader, workspace, type Workspace } from './fixtures.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => ws.close());

const decisionHeaderZh = '案件编号,行政区划代码,执法机关,执法类别,决定日期,公示日期,重大执法决定,法制审核';

async function decisions(): Promise<Array<Record<string, unknown>>> {
  return ws.db.all(`SELECT case_id, region_code, agency, action_type, strftime(decided_on, '%Y-%m-%d') AS decided_on,
    strftime(published_on, '%Y-%m-%d') AS published_on, is_major, legal_review, _line FROM enforcement_decisions ORDER BY case_id`);
}

describe('formats and encodings', () => {
  it('reads a GBK CSV with Chinese headers, Chinese enum labels and Chinese dates', async () => {
    const text = csv(decisionHeaderZh, 'A1,110101,北京市东城区市场监督管理局,处罚,2024年9月27日,2024年10月9日,否,是');
    const path = ws.file('enforcement_decisions_gbk.csv', iconv.encode(text, 'gbk'));
    const result = await ingestFile(ws.db, path);
    expect(result).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    expect(await decisions()).toEqual([
      {
        case_id: 'A1',
        region_code: '110101',
        agency: '北京市东城区市场监督管理局',
        action_type: 'penalty',
        decided_on: '2024-09-27',
        published_on: '2024-10-09',
        is_major: false,
        legal_review: true,
        _line: 2,
      },
    ]);
    expect((await ws.db.one<{ encoding: string }>('SELECT encoding FROM load_log'))!.encoding).toBe('gb18030');
  });

  it('recognises GBK when only a late row carries non-ASCII bytes, and keeps rejects verbatim in Chinese', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `C${i},110101,agency,license,2024-01-05,,0,1`);
    const text = csv(decisionHeader, ...rows, 'C9999,1101,市场监管局,license,2024-01-05,,0,1');
    const path = ws.file('enforcement_decisions_late_gbk.csv', iconv.encode(text, 'gbk'));
    const result = await ingestFile(ws.db, path);
    expect(result).toMatchObject({ status: 'loaded', loaded: 3000, rejected: 1 });
    const reject = await ws.db.one<{ line: number; raw: string }>('SELECT line, raw FROM rejects');
    expect(reject).toEqual({ line: 3002, raw: 'C9999,1101,市场监管局,license,2024-01-05,,0,1' });
  });

  it('reads tab-separated UTF-8 with a BOM and CRLF line ends', async () => {
    const text = `\uFEFF${decisionHeader.replace(/,/g, '\t')}\r\nA1\t110101\t局\tlicense\t2024/1/5\t\t1\tY\r\n`;
    const path = ws.file('enforcement_decisions_tab.csv', text);
    expect(await ingestFile(ws.db, path)).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    expect(await decisions()).toMatchObject([
      { case_id: 'A1', decided_on: '2024-01-05', published_on: null, is_major: true, legal_review: true },
    ]);
  });

  it('reads XLSX: Excel dates, serial numbers in date columns, and sheet rows as lines', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(decisionHeaderZh.split(','));
    sheet.addRow(['A1', '110101', '局', '许可', new Date(Date.UTC(2024, 8, 27)), 45574, '否', '是']);
    sheet.addRow([]);
    sheet.addRow(['A2', '110101', '局', '许可', 'bad date', null, 0, 1]);
    const path = `${ws.dir}/enforcement_decisions.xlsx`;
    await wb.xlsx.writeFile(path);
    const result = await ingestFile(ws.db, path);
    expect(result).toMatchObject({ status: 'loaded', loaded: 1, rejected: 1 });
    expect(await decisions()).toMatchObject([
      { case_id: 'A1', decided_on: '2024-09-27', published_on: '2024-10-09', _line: 2 },
    ]); // serial 45574 = 45292 (2024-01-01) + 282 days
    expect(await ws.db.one('SELECT line, column_name, code FROM rejects')).toEqual({
      line: 4,
      column_name: 'decided_on',
      code: 'bad_date',
    });
  });

  it('reads JSON Lines and rejects a line that is not a JSON object, with its line number', async () => {
    const text = [
      JSON.stringify({
        event_id: 'E1',
        region_code: '110101',
        kind: 'public_opinion',
        occurred_at: '2024-05-01T08:00:00+08:00',
        first_release_at: '2024-05-01T17:30:00',
        press_conference_at: null,
      }),
      '',
      '{not json',
      JSON.stringify({
        event_id: 'E2',
        region_code: '110101',
        kind: '虚假材料',
        occurred_at: '2024-06-01 09:00',
        first_release_at: null,
        press_conference_at: null,
      }),
    ].join('\n');
    const result = await ingestFile(ws.db, ws.file('incidents.jsonl', text));
    expect(result).toMatchObject({ status: 'loaded', loaded: 2, rejected: 1 });
    expect(await ws.db.one('SELECT line, code FROM rejects')).toEqual({ line: 3, code: 'bad_json' });
    expect(
      await ws.db.all(
        `SELECT event_id, kind, strftime(occurred_at, '%Y-%m-%d %H:%M') AS at, _line FROM incidents ORDER BY event_id`,
      ),
    ).toEqual([
      { event_id: 'E1', kind: 'public_opinion', at: '2024-05-01 08:00', _line: 1 },
      { event_id: 'E2', kind: 'false_materials', at: '2024-06-01 09:00', _line: 4 },
    ]);
  });

  it('reads Parquet, with row numbers as lines', async () => {
    const path = `${ws.dir}/satisfaction_surveys.parquet`;
    await ws.db.run(
      `COPY (SELECT * FROM (VALUES ('110101', 2024, 400, 350), ('110102', 2024, 10, 11)) t(region_code, year, respondents, satisfied)) TO '${path}' (FORMAT parquet)`,
    );
    const result = await ingestFile(ws.db, path);
    expect(result).toMatchObject({ status: 'loaded', loaded: 1, rejected: 1 });
    expect(await ws.db.one('SELECT line, code FROM rejects')).toEqual({
      line: 2,
      code: 'satisfied_exceeds_respondents',
    });
  });
});

describe('source lines', () => {
  it('keeps the physical line of every row across blank lines, quoted line breaks and malformed records', async () => {
    const path = ws.file(
      'enforcement_decisions_lines.csv',
      csv(
        decisionHeader, // 1
        'A1,110101,局,license,2024-01-05,,0,1', // 2
        '', // 3
        'A2,110101,"two', // 4
        'lines",license,2024-01-05,,0,1', // 5
        'A3,110101,局,license,2024-01-05,,0,1,extra', // 6 too many fields
        'A4,110101,局,license,2024-01-05,,0,1', // 7
        'A5,1101,局,license,2024-01-05,,0,1', // 8 bad code
        'A6,110101,"three', // 9
        '', // 10
        'lines",license,2024-01-05,,0,1', // 11
        'A7,110101,局,license,2024-01-05,,0,1', // 12
      ),
    );
    expect(await ingestFile(ws.db, path)).toMatchObject({ status: 'loaded', loaded: 5, rejected: 2 });
    expect((await decisions()).map((r) => [r.case_id, r._line])).toEqual([
      ['A1', 2],
      ['A2', 4],
      ['A4', 7],
      ['A6', 9],
      ['A7', 12],
    ]);
    expect(await ws.db.all('SELECT line, code FROM rejects ORDER BY line')).toEqual([
      { line: 6, code: 'too_many_fields' },
      { line: 8, code: 'bad_region_code' },
    ]);
  });
});

describe('an inbox pass over files already loaded', () => {
  const row = (id: string) => csv(decisionHeader, `${id},110101,局,license,2024-01-05,,0,1`);
  const inbox = { source: 'inbox', skipUnchanged: true } as const;

  it('skips a file of unchanged path, size and modification time without hashing it, and hashes one that changed', async () => {
    const path = ws.file('enforcement_decisions_in.csv', row('A1'));
    const first = await ingestFile(ws.db, path, { source: 'cli' });
    expect(first.status).toBe('loaded');
    const again = await ingestFile(ws.db, path, inbox);
    expect(again).toMatchObject({ status: 'skipped', code: 'skipped', load_id: first.load_id });
    expect(again.message).toMatch(/^unchanged since load/);
    // the same bytes, touched: the stat differs, so the file is hashed; the hash says it is the same content
    utimesSync(path, new Date('2030-01-01'), new Date('2030-01-01'));
    const touched = await ingestFile(ws.db, path, inbox);
    expect(touched).toMatchObject({ status: 'skipped', load_id: first.load_id });
    expect(touched.message).toMatch(/^same content as load/);
    // … and remembered, so the next pass reads nothing again
    expect((await ingestFile(ws.db, path, inbox)).message).toMatch(/^unchanged since load/);
    // new content at the same path: loaded, whatever the stat said before
    writeFileSync(path, row('A2'));
    expect(await ingestFile(ws.db, path, inbox)).toMatchObject({ status: 'loaded', loaded: 1 });
    expect((await ingestFile(ws.db, path, inbox)).message).toMatch(/^unchanged since load/);
  });

  it('hashes a file loaded before the sizes and times were kept once, then skips it unread', async () => {
    const path = ws.file('enforcement_decisions_old.csv', row('B1'));
    await ingestFile(ws.db, path);
    await ws.db.run('DELETE FROM load_file_stats');
    expect((await ingestFile(ws.db, path, inbox)).message).toMatch(/^same content as load/);
    expect((await ingestFile(ws.db, path, inbox)).message).toMatch(/^unchanged since load/);
  });

  it('never skips unread without being asked (a command line load hashes every file)', async () => {
    const path = ws.file('enforcement_decisions_cli.csv', row('C1'));
    await ingestFile(ws.db, path);
    expect((await ingestFile(ws.db, path)).message).toMatch(/^same content as load/);
  });
});

describe('repeats and corrections', () => {
  it('skips the same content loaded again and changes nothing', async () => {
    const text = csv(decisionHeader, 'A1,110101,局,license,2024-01-05,,0,1');
    const first = await ingestFile(ws.db, ws.file('enforcement_decisions_a.csv', text));
    const again = await ingestFile(ws.db, ws.file('enforcement_decisions_copy.csv', text));
    expect(first.status).toBe('loaded');
    expect(again).toMatchObject({ status: 'skipped', loaded: 0, rejected: 0 });
    expect((await ws.db.one<{ n: number }>('SELECT count(*) AS n FROM enforcement_decisions_history'))!.n).toBe(1);
    expect((await ws.db.one<{ n: number }>('SELECT count(*) AS n FROM load_log'))!.n).toBe(1);
  });

  it('supersedes the older rows of the same key with a newer file and keeps both', async () => {
    const header = 'region_code,report_year,submitted_on,published_on,litigation_lost';
    await ingestFile(
      ws.db,
      ws.file(
        'annual_reports_v1.csv',
        csv(header, '110101,2024,2025-01-20,2025-01-25,3', '110102,2024,2025-01-21,2025-01-26,1'),
      ),
    );
    const second = await ingestFile(
      ws.db,
      ws.file('annual_reports_v2.csv', csv(header, '110101,2024,2025-01-20,2025-01-25,20')),
    );
    expect(second).toMatchObject({ status: 'loaded', loaded: 1, superseded: 1 });
    expect(await ws.db.all('SELECT region_code, litigation_lost FROM annual_reports ORDER BY region_code')).toEqual([
      { region_code: '110101', litigation_lost: 20 },
      { region_code: '110102', litigation_lost: 1 },
    ]);
    expect(
      await ws.db.all(
        'SELECT litigation_lost, _superseded_by FROM annual_reports_history WHERE region_code = $1 ORDER BY _load_id',
        ['110101'],
      ),
    ).toEqual([
      { litigation_lost: 3, _superseded_by: second.load_id },
      { litigation_lost: 20, _superseded_by: null },
    ]);
  });
});

describe('refused files', () => {
  it('refuses a header that does not fit, naming missing and unknown columns, and loads nothing', async () => {
    const path = ws.file(
      'enforcement_decisions_bad.csv',
      csv(
        'case_id,region_code,agency,action_type,decided_on,is_major,legal_review,remark',
        'A1,110101,局,license,2024-01-05,0,1,x',
      ),
    );
    const result = await ingestFile(ws.db, path);
    expect(result.status).toBe('refused');
    expect(result.message).toContain('missing columns: published_on (公示日期)');
    expect(result.message).toContain('unknown columns: "remark"');
    expect(result.message).toContain('enforcement_decisions_bad.csv');
    expect((await ws.db.one<{ n: number }>('SELECT count(*) AS n FROM enforcement_decisions_history'))!.n).toBe(0);
    expect(await ws.db.one('SELECT status FROM load_log')).toEqual({ status: 'refused' });
  });

  it('refuses a file without a header row and never quotes its first data row in the message', async () => {
    const row = 'A7,360203,景德镇市城市管理局,license,2024-01-05,2024-01-06,0,1';
    const path = ws.file(
      'enforcement_decisions_noheader.csv',
      csv(row, 'A8,360203,景德镇市城市管理局,license,2024-01-05,2024-01-06,0,1'),
    );
    const result = await ingestFile(ws.db, path);
    expect(result.status).toBe('refused');
    expect(result.message).toContain('no header row');
    for (const cell of row.split(',').filter((c) => c.length > 1)) expect(result.message).not.toContain(cell);
    const [logged] = await ws.db.all<{ message: string }>('SELECT message FROM load_log WHERE load_id = $1', [
      result.load_id!,
    ]);
    for (const cell of ['A7', '360203', '景德镇市城市管理局']) expect(logged.message).not.toContain(cell);
  });

  it('refuses a file whose dataset cannot be told', async () => {
    const result = await ingestFile(ws.db, ws.file('misc.csv', csv('foo,bar', '1,2')));
    expect(result.status).toBe('refused');
    expect(result.message).toContain('cannot tell which dataset');
  });

  it.each([
    ['enforcement_decisions_fake.xlsx', 'this is not a zip', 'unreadable_xlsx', 'WPS'],
    ['enforcement_decisions_fake.parquet', 'PAR1 but not really', 'unreadable_parquet', 'CSV'],
    ['enforcement_decisions_fake.jsonl', 'case_id,region_code\nA1,110101\n', 'unreadable_jsonl', 'CSV'],
  ])('refuses an unreadable %s with a coded reason in one language and advice', async (name, bytes, code, advice) => {
    const path = ws.file(name, bytes);
    for (const result of [await checkFile(ws.db, path), await ingestFile(ws.db, path)]) {
      expect(result).toMatchObject({ status: 'refused', code });
      const zh = renderLoadMessage(result.code, result.params, 'zh');
      const en = renderLoadMessage(result.code, result.params, 'en');
      expect(zh).toContain(advice);
      expect(en).toContain(advice);
      expect(latinWords(zh)).toEqual([]);
      expect(en).not.toMatch(CJK);
      expect(`${zh} ${en}`).not.toMatch(/signature|magic|0x|\{/i);
    }
  });

  it('keeps what was loaded before when a later file is refused', async () => {
    await ingestFile(
      ws.db,
      ws.file('enforcement_decisions_1.csv', csv(decisionHeader, 'A1,110101,局,license,2024-01-05,,0,1')),
    );
    await ingestFile(ws.db, ws.file('enforcement_decisions_2.csv', csv('case_id', 'A2')));
    expect((await decisions()).map((r) => r.case_id)).toEqual(['A1']);
  });
});
