// planted.json against the files: every planted problem is really in the data, where planted.json says.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidents } from '../../pipeline/contracts/incidents.ts';
import type { PlantedProblem } from '../../pipeline/demo/index.ts';
import { readBack, smallDemo, type ReadBack } from './fixture.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';

let demo: Awaited<ReturnType<typeof smallDemo>>;
let planted: PlantedProblem[];
beforeAll(async () => {
  demo = await smallDemo();
  planted = JSON.parse(readFileSync(demo.plantedFile, 'utf8')) as PlantedProblem[];
}, DEMO_TIMEOUT);
afterAll(() => rmSync(demo.dir, { recursive: true, force: true }));

const byId = (id: string) => planted.find((p) => p.id === id)!;
const read = (file: string) => readBack(join(demo.dir, file));
function cell(data: ReadBack, row: string[], ...headers: string[]): string {
  const i = data.header.findIndex((h) => headers.includes(h));
  if (i < 0) throw new Error(`no column ${headers.join('/')}`);
  return row[i];
}
const reportRow = (data: ReadBack, code: string) => data.rows.find((r) => cell(data, r, '行政区划代码') === code);

describe('planted.json', () => {
  it('lists each planted problem once with id, kind, region, year, detail and the check expected to catch it', () => {
    expect(new Set(planted.map((p) => p.id)).size).toBe(planted.length);
    for (const p of planted) {
      expect(p.region_code, p.id).toMatch(/^\d{6}$/);
      expect(p.year, p.id).toBeGreaterThanOrEqual(2019);
      expect(p.detail, p.id).not.toBe('');
      expect(p.expect, p.id).not.toBe('');
    }
    const kinds = planted.map((p) => p.kind);
    for (const kind of [
      'report_missing',
      'report_unpublished',
      'disclosure_worsening',
      'self_report_contradiction',
      'serious_violation',
      'public_opinion_late',
      'enforcement_publication_collapse',
    ])
      expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'report_late')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'loss_rate_outlier')).toHaveLength(2);
    expect(
      planted
        .filter((p) => p.kind === 'reject')
        .map((p) => p.expect)
        .sort(),
    ).toEqual([
      'reject:bad_date',
      'reject:bad_enum',
      'reject:bad_region_code',
      'reject:certified_exceeds_officers',
      'reject:duplicate_key',
    ]);
  });

  it('plants the problems on synthetic regions, never on a sourced named region', async () => {
    const { loadNamedRegions } = await import('../../pipeline/demo/sources.ts');
    const named = new Set(loadNamedRegions().map((n) => n.code));
    for (const p of planted) expect(named.has(p.region_code), p.id).toBe(false);
  });
});

describe('planted annual-report problems', () => {
  it('leaves out the missing 2024 report and its self-assessment entirely', async () => {
    const p = byId('report-missing');
    expect(reportRow(await read('annual_reports_2024.xlsx'), p.region_code)).toBeUndefined();
    expect(reportRow(await read('self_assessments_2024.xlsx'), p.region_code)).toBeUndefined();
    expect(reportRow(await read('annual_reports_2023.xlsx'), p.region_code)).toBeDefined();
  });

  it('dates the two late 2024 reports after 31 January 2025', async () => {
    const data = await read('annual_reports_2024.xlsx');
    for (const id of ['report-late-1', 'report-late-2']) {
      const row = reportRow(data, byId(id).region_code)!;
      expect(cell(data, row, '报送日期') > '2025-01-31', id).toBe(true);
    }
  });

  it('submits the unpublished report on time and leaves its published_on empty', async () => {
    const data = await read('annual_reports_2024.xlsx');
    const row = reportRow(data, byId('report-unpublished').region_code)!;
    expect(cell(data, row, '报送日期') <= '2025-01-31').toBe(true);
    expect(cell(data, row, '公开日期')).toBe('');
  });

  it('keeps every other 2024 report on time and published', async () => {
    const data = await read('annual_reports_2024.xlsx');
    const plantedCodes = new Set(planted.filter((p) => p.kind.startsWith('report_')).map((p) => p.region_code));
    for (const row of data.rows.filter((r) => !plantedCodes.has(cell(data, r, '行政区划代码')))) {
      expect(cell(data, row, '报送日期') <= '2025-01-31').toBe(true);
      expect(cell(data, row, '公开日期')).not.toBe('');
    }
  });
});

describe('planted bad rows', () => {
  const rowAt = async (p: PlantedProblem) => {
    const data = await read(p.file!);
    return { data, row: data.rows[p.line! - 2], previous: data.rows[p.line! - 3] };
  };

  it('puts the impossible date at the named line of the litigation file', async () => {
    const { data, row } = await rowAt(byId('reject-bad-date'));
    expect(cell(data, row, '立案日期', 'filed_on')).toBe('2023年2月30日');
  });

  it('puts the 5-digit region code at the named line of the disclosure file', async () => {
    const p = byId('reject-bad-region-code');
    const { data, row } = await rowAt(p);
    expect(cell(data, row, '行政区划代码', 'region_code')).toBe(p.region_code.slice(0, 5));
  });

  it('puts more certified officers than officers at the named line of the statistics file', async () => {
    const { data, row } = await rowAt(byId('reject-certified-exceeds-officers'));
    expect(Number(cell(data, row, '持证人员数'))).toBeGreaterThan(Number(cell(data, row, '执法人员数')));
  });

  it('puts the unknown action type at the named line of an enforcement file', async () => {
    const { data, row } = await rowAt(byId('reject-bad-enum'));
    expect(cell(data, row, '执法类别', 'action_type')).toBe('行政奖励');
  });

  it('repeats the case_id of the row before at the named line of a GBK enforcement file', async () => {
    const { data, row, previous } = await rowAt(byId('reject-duplicate-key'));
    expect(data.encoding).toBe('gbk');
    expect(cell(data, row, '案件编号')).toBe(cell(data, previous, '案件编号'));
  });
});

describe('planted incidents', () => {
  const labels = (kind: string) => [
    kind,
    incidents.columns.find((c) => c.name === 'kind')!.values!.find((v) => v.value === kind)!.zh,
  ];

  it('records the serious violation for the planted region and year, and no other', async () => {
    const data = await read('incidents.jsonl');
    const serious = data.rows.filter((r) => labels('serious_violation').includes(cell(data, r, 'kind')));
    expect(serious).toHaveLength(1);
    expect(cell(data, serious[0], 'region_code')).toBe(byId('serious-violation').region_code);
    expect(cell(data, serious[0], 'occurred_at').slice(0, 4)).toBe('2024');
  });

  it('answers the planted public-opinion event after 9 hours with a press conference after 40, and every other within 5 and 24', async () => {
    const data = await read('incidents.jsonl');
    const hours = (a: string, b: string) =>
      (Date.parse(b.replace(/(T[\d:]+)$/, '$1+08:00')) - Date.parse(a.replace(/(T[\d:]+)$/, '$1+08:00'))) / 3.6e6;
    const opinions = data.rows.filter((r) => labels('public_opinion').includes(cell(data, r, 'kind')));
    const late = opinions.filter((r) => hours(cell(data, r, 'occurred_at'), cell(data, r, 'first_release_at')) > 5);
    expect(late).toHaveLength(1);
    expect(cell(data, late[0], 'region_code')).toBe(byId('public-opinion-late').region_code);
    expect(hours(cell(data, late[0], 'occurred_at'), cell(data, late[0], 'first_release_at'))).toBeGreaterThan(9);
    expect(hours(cell(data, late[0], 'occurred_at'), cell(data, late[0], 'press_conference_at'))).toBeGreaterThan(40);
    for (const r of opinions.filter((o) => o !== late[0])) {
      expect(hours(cell(data, r, 'occurred_at'), cell(data, r, 'press_conference_at'))).toBeLessThanOrEqual(24);
    }
  });
});
