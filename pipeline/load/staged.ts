// What every reader hands to the loader: a SQL relation with one VARCHAR column per contract column (NULL for
// optional columns the file lacks) and `__rec`, the record's number in reading order; the independent record
// count; and, once the relation has been read, the reader's own rejects and how record numbers map to source
// lines. The relation may use $2, bound to `param`.
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
  format: 'csv' | 'xlsx' | 'jsonl' | 'parquet';
  encoding: string | null;
  sha256: string;
  /** Data records in the file, counted independently of the reader that produces `relation`. */
  records: number;
  relation: string;
  param: string | null;
  /** The line of record 0 before anything is known about skipped records (points[0].addLine once read). */
  lineBase: number;
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
