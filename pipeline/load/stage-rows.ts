// XLSX and JSON Lines arrive as rows in Node; they are appended to a temp `stage` table as they are read, with
// each row's source line (`_line`) and verbatim text (`_raw`, for rejects), so a 1 M-row sheet never sits in
// memory: the rows stream from the reader into DuckDB. Every 20 ms or so the loop yields to the event loop,
// so a server loading a file keeps answering requests meanwhile.
import type { Database } from '../db/index.ts';
import { quoteIdent } from '../contracts/ddl.ts';
import type { DatasetContract } from '../contracts/index.ts';
import type { Breakpoint, ReaderReject, Staged } from './staged.ts';
import { excelSerialToText, type ReportFileFormat } from '../readers/index.ts';

export interface SourceRow {
  line: number;
  /** Cells keyed by contract column name. */
  cells: Map<string, string | null>;
  raw: string;
}

/** The loop gives the event loop a turn once this long has passed since the last (checked every CHECK_ROWS rows):
 *  a waiting request is answered within about this, however slow the rows are (a fixed 2,000 rows per turn took
 *  2.6 s on a busy machine while the code was still cold). */
const TURN_MS = 20;
const CHECK_ROWS = 100;
const FLUSH_ROWS = 10_000;

export async function stageRows(
  db: Database,
  contract: DatasetContract,
  rows: Iterable<SourceRow> | AsyncIterable<SourceRow>,
  info: {
    format: 'xlsx' | 'jsonl' | ReportFileFormat;
    sha256: string;
    readerRejects: ReaderReject[];
    onClose?: () => void;
    onRows?: (rowsRead: number) => void;
  },
): Promise<Staged> {
  const cols = contract.columns.map((c) => `${quoteIdent(c.name)} VARCHAR`);
  await db.run(`CREATE OR REPLACE TEMP TABLE stage (${cols.join(', ')}, _line BIGINT, _raw VARCHAR)`);
  const appender = await db.connection.createAppender('stage', 'main', 'temp');
  // Record number -> line breakpoints, built as rows arrive (XLSX rows skip empty sheet rows).
  const points: Breakpoint[] = [];
  let count = 0;
  let turnAt = performance.now();
  try {
    for await (const row of rows) {
      for (const c of contract.columns) {
        let v = row.cells.get(c.name) ?? null;
        // A serial number in a date column is an Excel date that lost its format.
        if (
          v !== null &&
          info.format === 'xlsx' &&
          (c.type === 'date' || c.type === 'datetime') &&
          /^\d{4,6}(\.\d+)?$/.test(v.trim())
        ) {
          v = excelSerialToText(Number(v));
        }
        if (v === null) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.appendBigInt(BigInt(row.line));
      appender.appendVarchar(row.raw);
      appender.endRow();
      const add = row.line - count;
      if (points.length === 0 || add !== points[points.length - 1].addLine)
        points.push({ fromRec: count, addLine: add, addD: add });
      count++;
      if (count % CHECK_ROWS === 0) {
        // Flushed in steps of 10,000 rows: left alone, DuckDB's appender flushes ~200,000 rows at once,
        // synchronously, holding the event loop for seconds on a busy machine.
        if (count % FLUSH_ROWS === 0) appender.flushSync();
        info.onRows?.(count);
        if (performance.now() - turnAt >= TURN_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          turnAt = performance.now();
        }
      }
    }
  } finally {
    appender.closeSync();
    info.onClose?.();
  }
  if (points.length === 0) points.push({ fromRec: 0, addLine: 0, addD: 0 });
  const rejectedLines = new Set(info.readerRejects.map((r) => r.line)).size;
  const columnList = contract.columns.map((c) => quoteIdent(c.name)).join(', ');
  return {
    format: info.format,
    encoding: info.format === 'jsonl' ? 'utf-8' : null,
    sha256: info.sha256,
    records: count + rejectedLines,
    relation: `(SELECT ${columnList} FROM stage)`,
    param: null,
    afterRead: async () => ({ readerRejects: info.readerRejects, readerRejectedRecords: rejectedLines, points }),
    // Reader entry d is the source line (addD = addLine).
    rawFor: async (ds) => {
      if (ds.length === 0) return new Map();
      const found = await db.allFile<{ line: number; raw: string }>('load/stage_raw', { lines: JSON.stringify(ds) });
      return new Map(found.map((r) => [r.line, r.raw]));
    },
    cleanup: async () => db.run('DROP TABLE IF EXISTS stage'),
  };
}
