// Fill-in templates per dataset, derived from the contracts: a CSV (UTF-8 with BOM, so Chinese Excel opens it) with
// the Chinese headers, and an XLSX with the same header on the sheet the loader reads (named after the dataset), a
// 说明 sheet with each column's rule and example, and a 示例 sheet with a filled-in example row. The example sits on
// its own sheet, never on the data sheet, so a template sent back with the example left in does not load it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from '../csv/safe-csv.ts';
import { datasets, type Column, type DatasetContract } from '../contracts/index.ts';
import { columnRuleText } from '../vocabulary/column-rules.ts';
import { exampleRow } from './example-row.ts';

/** The README's rule of a column (English), the same words the guides use. */
export function columnRule(contract: DatasetContract, col: Column): string {
  return columnRuleText(contract, col, 'en');
}

/** The CSV template: the Chinese header only. */
export function templateCsv(contract: DatasetContract): string {
  return csvText(
    contract.columns.map((c) => c.zh),
    [],
  );
}

/** The XLSX template as bytes. */
export async function templateXlsx(contract: DatasetContract): Promise<Buffer> {
  // the workbook library loads with the first XLSX template asked for, not with the server that serves them
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const headers = contract.columns.map((c) => c.zh);
  const sheet = workbook.addWorksheet(contract.name);
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['中文表头', '列名', '规则', '示例']);
  notes.getRow(1).font = { bold: true };
  const example = exampleRow(contract);
  contract.columns.forEach((col, i) => {
    notes.addRow([col.zh, col.name, columnRuleText(contract, col, 'zh'), example[i]]);
  });
  notes.columns.forEach((column, i) => {
    column.width = i === 2 ? 70 : 22;
  });
  const sample = workbook.addWorksheet('示例');
  sample.addRow(headers);
  sample.getRow(1).font = { bold: true };
  sample.addRow(example);
  sample.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeTemplates(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const contract of datasets) {
    const csvPath = join(outDir, `${contract.name}.csv`);
    writeFileSync(csvPath, templateCsv(contract));
    written.push(csvPath);
    const xlsxPath = join(outDir, `${contract.name}.xlsx`);
    writeFileSync(xlsxPath, await templateXlsx(contract));
    written.push(xlsxPath);
  }
  return written;
}
