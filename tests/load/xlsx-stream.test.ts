// XLSX ingest in bounded memory without blocking the server (issue 10, finding 4): the sheet streams into the
// stage table, and a server loading a workbook keeps answering requests while the rows are being read. Memory
// and latency figures are measured by `npm run bench:xlsx`, not here.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../api/helper.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import { XLSX_MAX_BYTES } from '../../pipeline/readers/index.ts';
import { renderLoadMessage } from '../../pipeline/vocabulary/index.ts';
import { type Workspace, workspace } from './fixtures.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => ws.close());

const ROWS = 20_000;

async function workbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet('enforcement_decisions');
  sheet
    .addRow(['案件编号', '行政区划代码', '执法机关', '执法类别', '决定日期', '公示日期', '重大执法决定', '法制审核'])
    .commit();
  for (let i = 0; i < rows; i++) {
    sheet
      .addRow([`X${i}`, '110101', '市场监督管理局', '许可', new Date(Date.UTC(2024, 0, 5)), '2024-01-08', '否', '是'])
      .commit();
    if (i % 2000 === 0) await new Promise((r) => setImmediate(r));
  }
  sheet.commit();
  await wb.commit();
}

describe('an XLSX upload', () => {
  it('lets the server answer requests while the rows are being read, and loads every row', async () => {
    const file = join(ws.dir, 'enforcement_decisions_big.xlsx');
    await workbook(file, ROWS);
    const app = await buildTestApp({ db: ws.db, secureCookies: false });
    // Real HTTP (not inject, which runs on promise callbacks alone and would never let the load take a turn).
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/health`;
    try {
      let rowsRead = 0;
      let done = false;
      // The same path as POST /api/upload: the ingest on the server's writer lane.
      const load = app.q
        .write((db) =>
          ingestFile(db, file, {
            source: 'upload',
            onRows: (n) => {
              rowsRead = n;
            },
          }),
        )
        .finally(() => {
          done = true;
        });
      const answeredAt: number[] = [];
      while (!done) {
        const res = await fetch(url);
        expect(res.status).toBe(200);
        await res.text();
        answeredAt.push(rowsRead);
      }
      const result = await load;
      expect(result).toMatchObject({ status: 'loaded', loaded: ROWS, rejected: 0 });
      // Answers came in while the sheet was part-way read, not only before or after.
      expect(answeredAt.filter((n) => n > 0 && n < ROWS).length).toBeGreaterThan(1);
      expect(await ws.db.one('SELECT decided_on::VARCHAR AS d FROM enforcement_decisions LIMIT 1')).toEqual({
        d: '2024-01-05',
      });
    } finally {
      await app.close();
    }
  }, 180_000);

  it('is refused above the XLSX size cap with a message saying the limit and what to do', async () => {
    const file = join(ws.dir, 'enforcement_decisions_huge.xlsx');
    writeFileSync(file, '');
    truncateSync(file, XLSX_MAX_BYTES + 1); // sparse: no disk used
    const result = await ingestFile(ws.db, file);
    expect(result).toMatchObject({
      status: 'refused',
      code: 'xlsx_too_large',
      params: { size_mb: XLSX_MAX_BYTES / 2 ** 20, limit_mb: XLSX_MAX_BYTES / 2 ** 20 },
    });
    expect(renderLoadMessage(result.code, result.params, 'zh')).toContain(
      `超过 ${XLSX_MAX_BYTES / 2 ** 20} MB 上限。请另存为 CSV`,
    );
    expect(renderLoadMessage(result.code, result.params, 'en')).toContain('Save it as CSV');
    expect(result.message).toContain('save it as CSV');
  });
});
