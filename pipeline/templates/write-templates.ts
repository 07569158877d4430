// Fill-in templates per dataset, derived from the contracts: a CSV (UTF-8 with BOM, so Chinese Excel opens it)
// and an XLSX with the Chinese headers and a second sheet explaining each column.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvText } from '../csv/safe-csv.ts';
import { datasets, isRequired, type Column, type DatasetContract } from '../contracts/index.ts';

export function columnRule(contract: DatasetContract, col: Column): string {
  const parts: string[] = [];
  const typeText: Record<Column['type'], string> = {
    text: 'text',
    region_code: '6-digit GB/T 2260 code',
    int: 'whole number',
    number: 'number',
    percent: 'percent 0–100',
    date: 'date (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日)',
    datetime: 'date-time (ISO 8601; Asia/Shanghai when no offset)',
    boolean: 'boolean (true/false, 1/0, 是/否, Y/N)',
    enum: 'one of',
  };
  parts.push(
    col.type === 'enum'
      ? `one of ${(col.values ?? []).map((v) => `${v.value} ${v.zh}`).join(' / ')}`
      : typeText[col.type],
  );
  if (contract.key.includes(col.name)) parts.push('key');
  else if (isRequired(contract, col)) parts.push('required');
  if (col.optional) parts.push('optional column');
  if (col.note) parts.push(col.note);
  return parts.join('; ');
}

export async function writeTemplates(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const contract of datasets) {
    const csvPath = join(outDir, `${contract.name}.csv`);
    writeFileSync(
      csvPath,
      csvText(
        contract.columns.map((c) => c.zh),
        [],
      ),
    );
    written.push(csvPath);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(contract.name);
    sheet.addRow(contract.columns.map((c) => c.zh));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
    const notes = workbook.addWorksheet('说明');
    notes.addRow(['中文表头', 'column', 'rule']);
    notes.getRow(1).font = { bold: true };
    for (const col of contract.columns) notes.addRow([col.zh, col.name, columnRule(contract, col)]);
    notes.columns.forEach((column, i) => {
      column.width = i === 2 ? 80 : 24;
    });
    const xlsxPath = join(outDir, `${contract.name}.xlsx`);
    await workbook.xlsx.writeFile(xlsxPath);
    written.push(xlsxPath);
  }
  return written;
}
