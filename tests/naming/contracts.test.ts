// The naming round's datasets load through the ordinary ingest: Chinese headers and labels accepted, a row that
// breaks a rule rejected with file, line, column and rule while the rest of the file loads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

let db: Database;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shifan-naming-contracts-'));
  db = await openPreparedDatabase(join(dir, 'n.duckdb'));
}, 120_000);
afterAll(() => db?.close());

async function load(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const result = await ingestFile(db, path);
  const rejects = await db.all<{ line: number; column_name: string; code: string }>(
    'SELECT line, column_name, code FROM rejects WHERE load_id = $1 ORDER BY line',
    [result.load_id ?? -1],
  );
  return { result, rejects };
}

describe('the naming datasets', () => {
  it('loads applications with Chinese headers and labels, and rejects a single-item application without its field', async () => {
    const { result, rejects } = await load(
      'naming_applications_2026.csv',
      '认定批次,行政区划代码,地区名称,申报类型,单项示范领域,申报日期\n' +
        '2026,110105,朝阳区,综合示范,,2026-09-10\n' +
        '2026,110108,海淀区,单项示范,,2026-09-11\n' +
        '2026,110109,门头沟区,单项,营商环境,2026/9/12\n' +
        '26,110114,昌平区,综合,,2026-09-12\n',
    );
    expect(result).toMatchObject({ dataset: 'naming_applications', status: 'loaded', loaded: 2, rejected: 2 });
    expect(rejects).toEqual([
      { line: 3, column_name: 'field', code: 'field_required' },
      { line: 5, column_name: 'round_id', code: 'bad_round_id' },
    ]);
    const rows = await db.all<{ region_code: string; kind: string; field: string | null }>(
      'SELECT region_code, kind, field FROM naming_applications ORDER BY 1',
    );
    expect(rows).toEqual([
      { region_code: '110105', kind: 'comprehensive', field: null },
      { region_code: '110109', kind: 'single', field: 'business_environment' },
    ]);
  });

  it('rejects an objection marked handled without a date, and one handled before it was received', async () => {
    const { result, rejects } = await load(
      'naming_objections_2026.csv',
      '异议编号,认定批次,行政区划代码,收到日期,异议内容,处理结果,处理日期\n' +
        'A1,2026,110105,2026-10-01,反映问题,处理中,\n' +
        'A2,2026,110105,2026-10-01,反映问题,异议不成立,\n' +
        'A3,2026,110105,2026-10-05,反映问题,异议成立,2026-10-02\n',
    );
    expect(result).toMatchObject({ dataset: 'naming_objections', loaded: 1, rejected: 2 });
    expect(rejects.map((r) => [r.line, r.code])).toEqual([
      [3, 'handled_without_date'],
      [4, 'handled_before_received'],
    ]);
  });

  it('rejects a satisfaction survey with more satisfied respondents than respondents', async () => {
    const { result, rejects } = await load(
      'naming_satisfaction_2026.csv',
      'round_id,region_code,respondents,satisfied\n2026,110105,800,700\n2026,110108,800,801\n',
    );
    expect(result).toMatchObject({ loaded: 1, rejected: 1 });
    expect(rejects).toEqual([{ line: 3, column_name: 'satisfied', code: 'satisfied_exceeds_respondents' }]);
  });
});
