// XLSX and JSON Lines arrive as rows in Node; they are appended to a temp `stage` table, record number = line.
// These files are small (reports, registers), so the rows are held in memory.
import type { Database } from '../db/index.ts';
import { quoteIdent } from '../contracts/ddl.ts';
import type { DatasetContract } from '../contracts/index.ts';
import { pointsFromLines, type ReaderReject, type Staged } from './staged.ts';
import { excelSerialToText, type ReportFileFormat } from '../readers/index.ts';

export interface SourceRow {
  line: number;
  /** Cells keyed by contract column name. */
  cells: Map<string, string | null>;
  raw: string;
}

export async function stageRows(
  db: Database,
  contract: DatasetContract,
  rows: SourceRow[],
  info: { format: 'xlsx' | 'jsonl' | ReportFileFormat; sha256: string; readerRejects: ReaderReject[] },
): Promise<Staged> {
  const cols = contract.columns.map((c) => `${quoteIdent(c.name)} VARCHAR`);
  await db.run(`CREATE OR REPLACE TEMP TABLE stage (${cols.join(', ')})`);
  const appender = await db.connection.createAppender('stage', 'main', 'temp');
  const raws = new Map<number, string>();
  for (const row of rows) {
    for (const c of contract.columns) {
      let v = row.cells.get(c.name) ?? null;
      // A serial number in a date column is an Excel date that lost its format.
      if (v !== null && info.format === 'xlsx' && (c.type === 'date' || c.type === 'datetime') && /^\d{4,6}(\.\d+)?$/.test(v.trim())) {
        v = excelSerialToText(Number(v));
      }
      if (v === null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
    raws.set(row.line, row.raw);
  }
  appender.closeSync();
  const rejectedLines = new Set(info.readerRejects.map((r) => r.line)).size;
  return {
    format: info.format,
    encoding: info.format === 'jsonl' ? 'utf-8' : null,
    sha256: info.sha256,
    records: rows.length + rejectedLines,
    relation: 'stage',
    param: null,
    afterRead: async () => ({ readerRejects: info.readerRejects, readerRejectedRecords: rejectedLines, points: pointsFromLines(rows.map((r) => r.line)) }),
    rawFor: async (ds) => new Map(ds.filter((d) => raws.has(d)).map((d) => [d, raws.get(d)!])),
    cleanup: async () => db.run('DROP TABLE IF EXISTS stage'),
  };
}
