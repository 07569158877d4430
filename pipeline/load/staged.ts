// What every reader hands to the loader: a SQL relation with one VARCHAR column per contract column (NULL for
// optional columns the file lacks), read in file order; the independent record count; and, once the relation
// has been read, the reader's own rejects and how record numbers (0, 1, 2, … in reading order) map to source
// lines. The relation may use $1, bound to `param`.
import type { FileFormat } from '../readers/index.ts';

export interface ReaderReject {
  line: number;
  column: string | null;
  code: string;
  value: string | null;
  message: string;
  raw: string | null;
}

/** From record number `fromRec` on: line = rec + addLine, reader entry d = rec + addD. */
export interface Breakpoint {
  fromRec: number;
  addLine: number;
  addD: number;
}

export interface AfterRead {
  readerRejects: ReaderReject[];
  /** Records the reader refused (a record with several errors counts once). */
  readerRejectedRecords: number;
  points: Breakpoint[];
}

export interface Staged {
  format: FileFormat;
  encoding: string | null;
  sha256: string;
  /** Data records in the file, counted independently of the reader that produces `relation`. */
  records: number;
  relation: string;
  param: string | null;
  afterRead(): Promise<AfterRead>;
  /** Verbatim text of records, by reader entry d. */
  rawFor(ds: number[]): Promise<Map<number, string>>;
  cleanup(): Promise<void>;
}

export function locate(points: Breakpoint[], rec: number): { line: number; d: number } {
  let p = points[0];
  for (const q of points) {
    if (q.fromRec <= rec) p = q;
    else break;
  }
  return { line: rec + p.addLine, d: rec + p.addD };
}

/** Breakpoints for rows that carry their own line numbers (XLSX rows skip empty sheet rows). */
export function pointsFromLines(lines: number[]): Breakpoint[] {
  const points: Breakpoint[] = [{ fromRec: 0, addLine: lines[0] ?? 0, addD: lines[0] ?? 0 }];
  for (let rec = 1; rec < lines.length; rec++) {
    const add = lines[rec] - rec;
    if (add !== points[points.length - 1].addLine) points.push({ fromRec: rec, addLine: add, addD: add });
  }
  return points;
}
