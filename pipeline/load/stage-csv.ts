// CSV through DuckDB's own reader, never its auto-detection: delimiter, quoting, header and the column list are
// given explicitly and malformed records go to DuckDB's rejects table (a record with too many fields would
// otherwise silently yield zero rows). Line numbers come from the independent scan (readers/csv-scan.ts).
import { openSync, readSync, closeSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '../db/index.ts';
import { quoteIdent } from '../contracts/ddl.ts';
import type { DatasetContract } from '../contracts/index.ts';
import { decodeBytes, decodeGb18030ToUtf8, physicalLine, type CsvScan } from '../readers/index.ts';
import { codeForCsvError } from './reject-codes.ts';
import type { Breakpoint, ReaderReject, Staged } from './staged.ts';

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
    tempFile = join(db.scratch('decode'), 'utf8.csv');
    await decodeGb18030ToUtf8(path, tempFile);
    readPath = tempFile;
  }
  const select = contract.columns.map((c) => {
    const idx = fileColumns.indexOf(c.name);
    return idx >= 0 ? `c${idx} AS ${quoteIdent(c.name)}` : `CAST(NULL AS VARCHAR) AS ${quoteIdent(c.name)}`;
  });
  await db.run('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans');
  const relation = `(SELECT ${select.join(', ')} FROM ${csvReadSql(fileColumns.length, delimiter)})`;

  return {
    format: 'csv',
    encoding,
    sha256: scan.sha256,
    records: scan.records,
    relation,
    param: readPath,
    afterRead: async () => {
      const errors = await db.all<{
        line: number;
        column_name: string | null;
        error_type: string;
        csv_line: string | null;
        error_message: string;
      }>('SELECT line, column_name, error_type, csv_line, error_message FROM csv_rejects ORDER BY line');
      const rejectedDs = [...new Set(errors.map((e) => Number(e.line)))];
      const nameOf = (positional: string | null) =>
        positional ? (fileColumns[Number(positional.slice(1))] ?? null) : null;
      // DuckDB reports a short record once per missing column; one reject per record and error kind is enough.
      const seen = new Set<string>();
      const distinct = errors.filter((e) => {
        const key = `${e.line}|${e.error_type}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const readerRejects: ReaderReject[] = distinct.map((e) => ({
        line: physicalLine(scan, Number(e.line)),
        column: nameOf(e.column_name),
        code: codeForCsvError(e.error_type),
        value: null,
        message: e.error_message,
        raw: e.csv_line,
      }));
      return { readerRejects, readerRejectedRecords: rejectedDs.length, points: lineMap(scan, rejectedDs) };
    },
    rawFor: async (ds) => rawRecords(path, scan, ds, scan.utf8 ? 'utf-8' : 'gb18030'),
    cleanup: async () => {
      await db.run('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans');
      if (tempFile) rmSync(dirname(tempFile), { recursive: true, force: true });
    },
  };
}

/**
 * DuckDB's reader with every option explicit: columns c0…cN as text, the header skipped, RFC 4180 quoting,
 * strict mode, and malformed records into the temp table csv_rejects. $1 is the path.
 */
export function csvReadSql(columnCount: number, delimiter: string): string {
  const columns = `{${Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
  return (
    `read_csv($1, columns = ${columns}, header = true, delim = ${delimiter === '\t' ? `e'\\t'` : `','`}, ` +
    `quote = '"', escape = '"', strict_mode = true, auto_detect = false, allow_quoted_nulls = false, ` +
    `store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans', max_line_size = 4194304)`
  );
}

/**
 * DuckDB numbers accepted records 0, 1, 2, … in file order. Record k is entry D(k) of the scan, where D skips
 * the header, blank lines and rejected records; its physical line also counts the extra lines of multi-line
 * records before it. Both are piecewise `k + constant`, changing only at those (rare) places.
 */
export function lineMap(scan: Pick<CsvScan, 'blank' | 'multiline'>, rejectedDs: number[]): Breakpoint[] {
  const skipped = new Set<number>([...scan.blank.filter((d) => d > 1), ...rejectedDs]);
  const extraAt = new Map(scan.multiline);
  const events = [...new Set([...skipped, ...extraAt.keys()])].filter((d) => d > 1).sort((a, b) => a - b);
  let k = 0;
  let d = 2;
  let extra = extraAt.get(1) ?? 0; // a header spanning several lines
  const points: Breakpoint[] = [{ fromRec: 0, addLine: d + extra, addD: d }];
  for (const e of events) {
    k += e - d;
    extra += extraAt.get(e) ?? 0;
    if (!skipped.has(e)) k += 1; // an accepted multi-line record: its own line is before its extra lines
    d = e + 1;
    const point = { fromRec: k, addLine: d - k + extra, addD: d - k };
    // Consecutive events with no accepted record between them: the later mapping wins.
    if (points[points.length - 1].fromRec === k) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
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
      out.set(
        d,
        decodeBytes(buf, encoding)
          .replace(/\r?\n$/, '')
          .replace(/^\uFEFF/, ''),
      );
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
