// Every reason a row is rejected: the row is kept verbatim with file, line, column and code, and the rest of
// the file loads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../pipeline/load/index.ts';
import { csv, decisionHeader, workspace, type Workspace } from './fixtures.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => ws.close());

const good = 'OK1,110101,市场监管局,license,2024-01-05,2024-01-08,否,是';

// [what, dataset file, header, bad row, expected code, expected column]
const cases: Array<[string, string, string, string, string, string | null]> = [
  [
    'an empty required cell',
    'enforcement_decisions',
    decisionHeader,
    'B1,,市场监管局,license,2024-01-05,,0,1',
    'required',
    'region_code',
  ],
  [
    'a region_code that is not 6 digits',
    'enforcement_decisions',
    decisionHeader,
    'B1,11010,市场监管局,license,2024-01-05,,0,1',
    'bad_region_code',
    'region_code',
  ],
  [
    'a well-formed region_code that is no administrative division',
    'enforcement_decisions',
    decisionHeader,
    'B1,999999,市场监管局,license,2024-01-05,,0,1',
    'unknown_region_code',
    'region_code',
  ],
  [
    'an impossible date',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,市场监管局,license,2023-02-29,,0,1',
    'bad_date',
    'decided_on',
  ],
  [
    'a date in no accepted form',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,市场监管局,license,05.01.2024,,0,1',
    'bad_date',
    'decided_on',
  ],
  [
    'an unknown enum value',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,市场监管局,奖励,2024-01-05,,0,1',
    'bad_enum',
    'action_type',
  ],
  [
    'an unreadable boolean',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,市场监管局,license,2024-01-05,,maybe,1',
    'bad_boolean',
    'is_major',
  ],
  [
    'published before decided',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,市场监管局,license,2024-01-05,2024-01-04,0,1',
    'published_before_decided',
    'published_on',
  ],
  [
    'a repeated key',
    'enforcement_decisions',
    decisionHeader,
    'OK1,110101,市场监管局,penalty,2024-02-05,,0,1',
    'duplicate_key',
    'case_id',
  ],
  [
    'too many fields',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,市场监管局,license,2024-01-05,,0,1,extra',
    'too_many_fields',
    null,
  ],
  ['too few fields', 'enforcement_decisions', decisionHeader, 'B1,110101,市场监管局', 'too_few_fields', 'action_type'],
  [
    'a quote followed by other characters',
    'enforcement_decisions',
    decisionHeader,
    'B1,110101,"市场"监管局,license,2024-01-05,,0,1',
    'bad_quoting',
    'agency',
  ],
  [
    'a fractional count',
    'enforcement_stats',
    'region_code,year,agency,officers,certified_officers,legal_review_staff,training_hours_avg,stats_published_on',
    '110101,2024,公安局,10.5,5,1,40,2025-01-10',
    'bad_int',
    'officers',
  ],
  [
    'a negative count',
    'enforcement_stats',
    'region_code,year,agency,officers,certified_officers,legal_review_staff,training_hours_avg,stats_published_on',
    '110101,2024,公安局,-1,0,1,40,2025-01-10',
    'out_of_range',
    'officers',
  ],
  [
    'more certified officers than officers',
    'enforcement_stats',
    'region_code,year,agency,officers,certified_officers,legal_review_staff,training_hours_avg,stats_published_on',
    '110101,2024,公安局,10,11,1,40,2025-01-10',
    'certified_exceeds_officers',
    'certified_officers',
  ],
  [
    'a percentage above 100',
    'annual_reports',
    'region_code,report_year,submitted_on,published_on,online_service_rate',
    '110101,2024,2025-01-20,2025-01-25,101',
    'out_of_range',
    'online_service_rate',
  ],
  [
    'an unreadable percentage',
    'annual_reports',
    'region_code,report_year,submitted_on,published_on,online_service_rate',
    '110101,2024,2025-01-20,2025-01-25,high',
    'bad_percent',
    'online_service_rate',
  ],
  [
    'a number that is not one',
    'enforcement_stats',
    'region_code,year,agency,officers,certified_officers,legal_review_staff,training_hours_avg,stats_published_on',
    '110101,2024,公安局,10,5,1,forty,2025-01-10',
    'bad_number',
    'training_hours_avg',
  ],
  [
    'an unreadable date-time',
    'incidents',
    'event_id,region_code,kind,occurred_at,first_release_at,press_conference_at',
    'E1,110101,重大舆情,yesterday,,',
    'bad_datetime',
    'occurred_at',
  ],
  [
    'a single designation without its project',
    'regions',
    'region_code,region_name,level,batch,designation',
    '110105,朝阳区,county,2025,single',
    'project_required',
    'project_name',
  ],
  [
    'an outcome on a pending case',
    'litigation_cases',
    'case_id,region_code,defendant_agency,filed_on,concluded_on,outcome,is_major,head_appeared,judgment_performed',
    'L1,110101,区政府,2024-01-05,,败诉,否,是,',
    'outcome_without_conclusion',
    'outcome',
  ],
];

describe('rejected rows', () => {
  it.each(cases)(
    'rejects %s, naming file, line and column, and loads the rest',
    async (_what, dataset, header, bad, code, column) => {
      const goodRow = dataset === 'enforcement_decisions' ? good : undefined;
      const lines = goodRow ? [header, goodRow, bad] : [header, bad];
      const path = ws.file(`${dataset}_test.csv`, csv(...lines));
      const result = await ingestFile(ws.db, path);
      expect(result.status).toBe('loaded');
      expect(result.rejected).toBe(1);
      expect(result.loaded).toBe(lines.length - 2);
      const rejects = await ws.db.all<{
        file_name: string;
        line: number;
        column_name: string | null;
        code: string;
        raw: string;
      }>('SELECT file_name, line, column_name, code, raw FROM rejects WHERE code = $1', [code]);
      expect(rejects).toHaveLength(1);
      expect(rejects[0]).toMatchObject({
        file_name: `${dataset}_test.csv`,
        line: lines.length,
        code,
        column_name: column,
      });
      expect(rejects[0].raw).toBe(bad);
    },
  );

  it('keeps every failing check of a row, each with its column', async () => {
    const path = ws.file(
      'enforcement_decisions_multi.csv',
      csv(decisionHeader, 'B1,1101,市场监管局,奖励,2024-13-01,,0,1'),
    );
    await ingestFile(ws.db, path);
    const codes = (await ws.db.all<{ code: string }>('SELECT code FROM rejects ORDER BY code')).map((r) => r.code);
    expect(codes).toEqual(['bad_date', 'bad_enum', 'bad_region_code']);
  });
});

describe('one reason per refused cell', () => {
  const header =
    'case_id,region_code,defendant_agency,filed_on,concluded_on,outcome,is_major,head_appeared,judgment_performed';

  it('gives an invalid outcome beside a filled date its own reason only, not the pair rule', async () => {
    const path = ws.file(
      'litigation_cases_test.csv',
      csv(header, 'L1,110101,区政府,2024-01-05,2024-03-01,输了,否,是,'),
    );
    expect(await ingestFile(ws.db, path)).toMatchObject({ loaded: 0, rejected: 1 });
    expect(await ws.db.all('SELECT column_name, code FROM rejects ORDER BY code')).toEqual([
      { column_name: 'outcome', code: 'bad_enum' },
    ]);
  });

  it('gives an unreadable date its own reason only, not the rules over that date', async () => {
    const path = ws.file(
      'litigation_cases_test.csv',
      csv(header, 'L1,110101,区政府,2024-01-05,2024-13-01,败诉,否,是,'),
    );
    expect(await ingestFile(ws.db, path)).toMatchObject({ loaded: 0, rejected: 1 });
    expect(await ws.db.all('SELECT column_name, code FROM rejects ORDER BY code')).toEqual([
      { column_name: 'concluded_on', code: 'bad_date' },
    ]);
  });

  it('still applies a rule when the cells it reads are readable', async () => {
    const path = ws.file(
      'litigation_cases_test.csv',
      csv(
        header,
        'L1,110101,区政府,2024-01-05,2024-03-01,,否,是,',
        'L2,110101,区政府,2024-01-05,2023-12-01,输了,否,是,',
      ),
    );
    expect(await ingestFile(ws.db, path)).toMatchObject({ loaded: 0, rejected: 2 });
    expect(await ws.db.all('SELECT line, column_name, code FROM rejects ORDER BY line, code')).toEqual([
      { line: 2, column_name: 'outcome', code: 'outcome_without_conclusion' },
      { line: 3, column_name: 'outcome', code: 'bad_enum' },
      { line: 3, column_name: 'concluded_on', code: 'concluded_before_filed' },
    ]);
  });
});

describe('region codes against the division list', () => {
  it('refuses a well-formed code of no division in every region column, a province code too', async () => {
    const header = 'region_code,region_name,province_code,level,batch,designation';
    const path = ws.file(
      'regions_test.csv',
      csv(
        header,
        '440300,深圳市,,city,2020,comprehensive',
        '999999,无此地,,city,2020,comprehensive',
        '320500,苏州市,990000,city,2020,comprehensive',
      ),
    );
    expect(await ingestFile(ws.db, path)).toMatchObject({ loaded: 1, rejected: 2 });
    expect(
      await ws.db.all('SELECT line, column_name, code, value FROM rejects ORDER BY line, column_name, code'),
    ).toEqual([
      { line: 3, column_name: 'region_code', code: 'unknown_region_code', value: '999999' },
      { line: 4, column_name: 'province_code', code: 'province_mismatch', value: '990000' },
      { line: 4, column_name: 'province_code', code: 'unknown_region_code', value: '990000' },
    ]);
  });
});

describe('derived columns', () => {
  it('derives province_code from region_code when blank, and still rejects one that is unreadable', async () => {
    const header = 'region_code,region_name,province_code,level,batch,designation';
    const path = ws.file(
      'regions_test.csv',
      csv(header, '440300,深圳市,,city,2020,comprehensive', '320500,苏州市,32000,city,2020,comprehensive'),
    );
    expect(await ingestFile(ws.db, path)).toMatchObject({ loaded: 1, rejected: 1 });
    expect(await ws.db.all('SELECT region_code, province_code FROM regions')).toEqual([
      { region_code: '440300', province_code: '440000' },
    ]);
    expect(await ws.db.one('SELECT line, column_name, code FROM rejects')).toEqual({
      line: 3,
      column_name: 'province_code',
      code: 'bad_region_code',
    });
  });
});
