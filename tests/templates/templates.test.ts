// Templates come from the contracts: a filled-in template loads cleanly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasets } from '../../pipeline/contracts/index.ts';
import { writeTemplates } from '../../pipeline/templates/index.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import { workspace, type Workspace } from '../load/fixtures.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => ws.close());

describe('templates', () => {
  it('writes a CSV with a BOM and Chinese headers and an XLSX with a column guide, for every dataset', async () => {
    const files = await writeTemplates(join(ws.dir, 'templates'));
    expect(files).toHaveLength(datasets.length * 2);
    for (const d of datasets) {
      const text = readFileSync(join(ws.dir, 'templates', `${d.name}.csv`), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.slice(1).trim()).toBe(d.columns.map((c) => c.zh).join(','));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(ws.dir, 'templates', `${d.name}.xlsx`));
      expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(d.columns.map((c) => c.zh));
      expect(wb.getWorksheet('说明')!.rowCount).toBe(d.columns.length + 1);
    }
  });

  it('loads a filled-in CSV template without rejects', async () => {
    await writeTemplates(join(ws.dir, 'templates'));
    const header = readFileSync(join(ws.dir, 'templates', 'satisfaction_surveys.csv'), 'utf8');
    const path = ws.file('satisfaction_surveys_2024.csv', `${header}110101,2024,400,352\r\n`);
    expect(await ingestFile(ws.db, path)).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
  });
});
