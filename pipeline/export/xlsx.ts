// The workbook: one sheet per table (sheet names in Chinese), Chinese headers, rates as numbers with a
// percentage format, plus a first sheet 说明 with the package's context. Written with exceljs.
import ExcelJS from 'exceljs';
import type { ExportData } from './collect.ts';
import { TITLE_ZH } from './html.ts';
import { cellWords } from './cell-words.ts';

export async function writeXlsx(data: ExportData, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shifan';
  wb.created = new Date(data.context.generated_at);
  wb.modified = wb.created;
  const about = wb.addWorksheet('说明');
  about.columns = [{ width: 18 }, { width: 60 }];
  const c = data.context;
  about.addRows([
    [TITLE_ZH, c.quarter_zh],
    ['报告期', `${c.quarter_start} 至 ${c.quarter_end}`],
    ['评价年度', c.reporting_year],
    ['数据截至', c.as_of],
    ['数据依据', c.data_basis_zh],
    ['指标体系版本', c.system_version],
    ['刷新批次', c.refresh_run],
    ['生成时间', c.generated_at],
    [],
    ['工作表', '内容'],
    ...data.tables.map((t) => [t.title_zh, `${t.rows.length} 行（${t.id}.csv）`]),
  ]);
  about.getRow(1).font = { bold: true, size: 14 };
  for (const table of data.tables) {
    const ws = wb.addWorksheet(table.title_zh, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((col) => ({
      header: col.zh,
      key: col.key,
      width: Math.min(60, Math.max(8, col.zh.length * 2 + 2, col.key === 'message' || col.key === 'summary' ? 60 : 0)),
      style: col.kind === 'rate' ? { numFmt: '0.0%' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(
      table.rows.map((r) =>
        Object.fromEntries(table.columns.map((col) => [col.key, cellWords(r[col.key], col, r) ?? r[col.key] ?? null])),
      ),
    );
  }
  await wb.xlsx.writeFile(path);
}
