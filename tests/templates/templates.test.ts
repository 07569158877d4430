// Templates come from the contracts: a filled-in template loads cleanly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasets } from '../../pipeline/contracts/index.ts';
import { exampleRow, templateXlsx, writeTemplates } from '../../pipeline/templates/index.ts';
import { checkFile, ingestFile } from '../../pipeline/load/index.ts';
import { csvText } from '../../pipeline/csv/safe-csv.ts';
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
  it('gives every dataset an example row that loads with no reject, through the checks a real file meets', async () => {
    const refused: string[] = [];
    for (const d of datasets) {
      const path = ws.file(
        `${d.name}_example.csv`,
        csvText(
          d.columns.map((c) => c.zh),
          [exampleRow(d)],
        ),
      );
      const checked = await checkFile(ws.db, path, { dataset: d.name });
      if (checked.status !== 'checked') refused.push(`${d.name}: ${checked.code} ${checked.message}`);
      for (const r of checked.rejects) refused.push(`${d.name}.${r.column_name} = ${r.value}: ${r.code}`);
      if (refused.length === 0) expect(checked, d.name).toMatchObject({ records: 1, good: 1, rejected: 0 });
    }
    expect(refused).toEqual([]);
  });

  it('keeps the example off the sheet the loader reads: data sheet header only, 说明 with rule and example, 示例 with the row', async () => {
    const d = datasets.find((x) => x.name === 'litigation_cases')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx(d)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['litigation_cases', '说明', '示例']);
    expect(wb.worksheets[0].rowCount).toBe(1);
    const guide = wb.getWorksheet('说明')!;
    expect((guide.getRow(1).values as unknown[]).slice(1)).toEqual(['中文表头', '列名', '规则', '示例']);
    const outcome = guide.getRow(d.columns.findIndex((c) => c.name === 'outcome') + 2).values as unknown[];
    expect(outcome[3]).toBe('可填：败诉 / 胜诉 / 撤诉 / 驳回起诉 / 其他');
    expect((wb.getWorksheet('示例')!.getRow(2).values as unknown[]).slice(1).map(String)).toEqual(
      exampleRow(d).map((v) => v),
    );
  });
});
