// Published reports go through the ordinary ingest: told by their content, one record each, load log and SHA-256,
// superseded by key (region, year, publisher), rejects that name the file, line and reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../pipeline/load/index.ts';
import { renderHtml, renderText } from '../../pipeline/disclosure-reports/render.ts';
import { renderDocx } from '../../pipeline/disclosure-reports/render-docx.ts';
import { workspace, type Workspace } from '../load/fixtures.ts';
import { balancedReport } from './fixtures.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => ws.close());

const current = () =>
  ws.db.all<Record<string, unknown>>(
    `SELECT region_code, CAST(year AS INTEGER) AS year, publisher, template, received_new, handled_total, penalties,
     reconsideration_corrected, balanced, balance_failures, _line FROM disclosure_annual_reports ORDER BY publisher`,
  );

describe('loading published disclosure reports', () => {
  it('loads an HTML report as one row of disclosure_annual_reports, its region resolved from the publisher', async () => {
    const c = balancedReport('2021');
    const result = await ingestFile(ws.db, ws.file('沙坡头区2023年报.html', renderHtml(c, { blankZeros: true })));
    expect(result).toMatchObject({ dataset: 'disclosure_annual_reports', status: 'loaded', loaded: 1, rejected: 0 });
    expect(await current()).toEqual([
      {
        region_code: '640502',
        year: 2023,
        publisher: '中卫市沙坡头区人民政府',
        template: '2021',
        received_new: c.requests.new[6],
        handled_total: c.requests.total[6],
        penalties: 86,
        reconsideration_corrected: 0,
        balanced: true,
        balance_failures: null,
        _line: 1,
      },
    ]);
    expect((await ws.db.one<{ format: string; sha256: string }>('SELECT format, sha256 FROM load_log'))!.format).toBe(
      'html',
    );
  });

  it('keeps an unbalanced report as published, marked with the checks it fails', async () => {
    const c = balancedReport('2021');
    c.requests.total[6] += 5;
    await ingestFile(ws.db, ws.file('r.txt', renderText(c)));
    expect(await current()).toMatchObject([
      {
        balanced: false,
        balance_failures: 'flow:total, handled_sum:total, row_total:total',
        handled_total: c.requests.total[6],
      },
    ]);
  });

  it('supersedes the report of the same publisher and year when a corrected version is loaded', async () => {
    const c = balancedReport('2021');
    await ingestFile(ws.db, ws.file('v1.html', renderHtml(c)));
    c.active.penalties.decisions = 90;
    const second = await ingestFile(ws.db, ws.file('v2.docx', await renderDocx(c)));
    expect(second).toMatchObject({ status: 'loaded', loaded: 1, superseded: 1 });
    expect(await current()).toMatchObject([{ penalties: 90 }]);
  });

  it('rejects a report whose publisher resolves to no single region, naming the file, line and reason', async () => {
    const c = balancedReport('2021', '朝阳区人民政府');
    const result = await ingestFile(ws.db, ws.file('chaoyang.html', renderHtml(c)));
    expect(result).toMatchObject({ status: 'loaded', loaded: 0, rejected: 1 });
    const reject = await ws.db.one<{ file_name: string; line: number; code: string; message: string }>(
      'SELECT file_name, line, code, message FROM rejects',
    );
    expect(reject).toMatchObject({ file_name: 'chaoyang.html', line: 1, code: 'unresolved_publisher' });
    expect(reject!.message).toMatch(/110105 朝阳区、220104 朝阳区/);
  });

  it('rejects a report whose request table cannot be read, saying which section and line', async () => {
    const html = renderHtml(balancedReport('2021')).replace(
      /<h2>三、收到和处理政府信息公开申请情况[\s\S]*?<h2>四/,
      '<h2>四',
    );
    const result = await ingestFile(ws.db, ws.file('broken.html', html));
    expect(result).toMatchObject({ loaded: 0, rejected: 1 });
    expect(await ws.db.one('SELECT code, message FROM rejects')).toMatchObject({
      code: 'unreadable_report',
      message: expect.stringMatching(/三、收到和处理政府信息公开申请情况/),
    });
  });

  it('still reads a .txt of tab-separated rows as a data file, not as a report', async () => {
    const text =
      'case_id\tregion_code\tagency\taction_type\tdecided_on\tpublished_on\tis_major\tlegal_review\nA1\t110101\t局\tlicense\t2024-01-05\t\t0\t1\n';
    const result = await ingestFile(ws.db, ws.file('enforcement_decisions_x.txt', text));
    expect(result).toMatchObject({ dataset: 'enforcement_decisions', loaded: 1 });
  });
});
