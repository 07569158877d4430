// CSV into `stage` through DuckDB's own reader, never its auto-detection: delimiter, quoting, header and the
// column list are given explicitly and malformed records go to DuckDB's rejects table (a record with too many
// fields would otherwise silently yield zero rows). Line numbers come from the independent scan (csv-scan.ts).
import { openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { quoteIdent } from '../contracts/ddl.ts';
import { decodeBytes, decodeGb18030ToUtf8, physicalLine, scanCsv, type CsvScan } from '../readers/index.ts';
import { codeForCsvError } from './reject-codes.ts';
import type { ReaderReject, Staged } from './staged.ts';
import type { DatasetContract } from '../contracts/index.ts';

let tempCounter = 0;

export async function stageCsv(
  db: Database,
  path: string,
  contract: DatasetContract,
  fileColumns: Array<string | undefined>,
  delimiter: string,
  scan: CsvScan,
): Promise<Staged> {
  const encoding = scan.utf8 ? (scan.bom ? 'utf-8-bom' : 'utf-8') : 'gb18030';
  let readPath = path;
  let tempFile: string | undefined;
  if (!scan.utf8) {
    tempFile = join(tmpdir(), `shifan-${process.pid}-${++tempCounter}.csv`);
    await decodeGb18030ToUtf8(path, tempFile);
    readPath = tempFile;
  }
  const positional = fileColumns.map((_, i) => `c${i}`);
  const columnsStruct = `{${positional.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;
  const delimLiteral = delimiter === '\t' ? `'\\t'` : `','`;
  await db.run('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans; DROP TABLE IF EXISTS stage_raw');
  await db.run(
    `CREATE TEMP TABLE stage_raw AS SELECT * FROM read_csv($1, columns = ${columnsStruct}, header = true, ` +
      `delim = ${delimiter === '\t' ? `e${delimLiteral}` : delimLiteral}, quote = '"', escape = '"', strict_mode = true, ` +
      `auto_detect = false, allow_quoted_nulls = false, store_rejects = true, rejects_table = 'csv_rejects', ` +
      `rejects_scan = 'csv_scans', max_line_size = 4194304)`,
    [readPath],
  );
  const errors = await db.all<{ line: number; column_name: string | null; error_type: string; csv_line: string | null; error_message: string }>(
    'SELECT line, column_name, error_type, csv_line, error_message FROM csv_rejects ORDER BY line',
  );
  const rejectedDs = [...new Set(errors.map((e) => Number(e.line)))];
  const nameOf = (positionalName: string | null) => {
    if (!positionalName) return null;
    const idx = Number(positionalName.slice(1));
    return fileColumns[idx] ?? null;
  };
  const readerRejects: ReaderReject[] = errors.map((e) => ({
    line: physicalLine(scan, Number(e.line)),
    column: nameOf(e.column_name),
    code: codeForCsvError(e.error_type),
    value: null,
    message: e.error_message,
    raw: e.csv_line,
  }));

  await createStageView(db, contract, fileColumns, lineMap(scan, rejectedDs));
  const rawFile = path;
  return {
    format: 'csv',
    encoding,
    sha256: scan.sha256,
    records: scan.records,
    readerRejects,
    readerRejectedRecords: rejectedDs.length,
    rawFor: async (ds) => rawRecords(rawFile, scan, ds, scan.utf8 ? 'utf-8' : 'gb18030'),
    cleanup: async () => {
      await db.run('DROP VIEW IF EXISTS stage; DROP TABLE IF EXISTS line_map; DROP TABLE IF EXISTS stage_raw; DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans');
      if (tempFile) rmSync(tempFile, { force: true });
    },
  };
}

interface Breakpoint { fromRowid: number; addLine: number; addD: number }

/**
 * DuckDB numbers accepted rows 0, 1, 2, … in file order. Row k is entry D(k) of the scan, where D skips the
 * header, blank lines and rejected records; its physical line also counts the extra lines of multi-line
 * records before it. Both are piecewise `rowid + constant`, changing only at those (rare) places.
 */
export function lineMap(scan: Pick<CsvScan, 'blank' | 'multiline'>, rejectedDs: number[]): Breakpoint[] {
  const skipped = new Set<number>([...scan.blank.filter((d) => d > 1), ...rejectedDs]);
  const extraAt = new Map(scan.multiline);
  const events = [...new Set([...skipped, ...extraAt.keys()])].filter((d) => d > 1).sort((a, b) => a - b);
  let k = 0;
  let d = 2;
  let extra = extraAt.get(1) ?? 0; // a header spanning several lines
  const points: Breakpoint[] = [{ fromRowid: 0, addLine: d + extra, addD: d }];
  for (const e of events) {
    k += e - d;
    d = e;
    if (skipped.has(e)) {
      extra += extraAt.get(e) ?? 0;
      d = e + 1;
    } else {
      extra += extraAt.get(e) ?? 0;
      k += 1;
      d = e + 1;
    }
    const point = { fromRowid: k, addLine: d - k + extra, addD: d - k };
    // Consecutive events with no accepted row between them: the later mapping wins.
    if (points[points.length - 1].fromRowid === k) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}

async function createStageView(db: Database, contract: DatasetContract, fileColumns: Array<string | undefined>, points: Breakpoint[]): Promise<void> {
  const select = contract.columns.map((c) => {
    const idx = fileColumns.indexOf(c.name);
    return idx >= 0 ? `s.c${idx} AS ${quoteIdent(c.name)}` : `CAST(NULL AS VARCHAR) AS ${quoteIdent(c.name)}`;
  });
  if (points.length === 1) {
    await db.run(`CREATE OR REPLACE TEMP VIEW stage AS SELECT ${select.join(', ')}, s.rowid + ${points[0].addLine} AS __line, s.rowid + ${points[0].addD} AS __d FROM stage_raw s`);
    return;
  }
  await db.run('CREATE OR REPLACE TEMP TABLE line_map (from_rowid BIGINT, add_line BIGINT, add_d BIGINT)');
  const appender = await db.connection.createAppender('line_map', 'main', 'temp');
  for (const p of points) {
    appender.appendBigInt(BigInt(p.fromRowid));
    appender.appendBigInt(BigInt(p.addLine));
    appender.appendBigInt(BigInt(p.addD));
    appender.endRow();
  }
  appender.closeSync();
  await db.run(
    `CREATE OR REPLACE TEMP VIEW stage AS SELECT ${select.join(', ')}, s.rowid + m.add_line AS __line, s.rowid + m.add_d AS __d ` +
      `FROM stage_raw s ASOF JOIN line_map m ON s.rowid >= m.from_rowid`,
  );
}

/** Reads the bytes of the given entries straight from the original file (offsets from the scan). */
function rawRecords(path: string, scan: CsvScan, ds: number[], encoding: 'utf-8' | 'gb18030'): Map<number, string> {
  const out = new Map<number, string>();
  if (ds.length === 0) return out;
  const fd = openSync(path, 'r');
  try {
    for (const d of ds) {
      if (d < 1 || d > scan.entries) continue;
      const start = scan.recordStart[d - 1];
      const end = d < scan.entries ? scan.recordStart[d] : scan.bytes;
      const length = Math.min(end - start, 1 << 20);
      const buf = Buffer.alloc(length);
      readSync(fd, buf, 0, length, start);
      out.set(d, decodeBytes(buf, encoding).replace(/\r?\n$/, '').replace(/^\uFEFF/, ''));
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
