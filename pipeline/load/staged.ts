// What every reader hands to validation: a temp relation `stage` with one VARCHAR column per contract column
// (NULL for optional columns the file lacks), the source line `__line`, and `__d` (the reader's own record
// number, used to find the verbatim text); plus the independent record count and the reader's own rejects.
export interface ReaderReject {
  line: number;
  column: string | null;
  code: string;
  value: string | null;
  message: string;
  raw: string | null;
}

export interface Staged {
  format: 'csv' | 'xlsx' | 'jsonl' | 'parquet';
  encoding: string | null;
  sha256: string;
  /** Data records in the file, counted independently of the reader that filled `stage`. */
  records: number;
  readerRejects: ReaderReject[];
  /** Records the reader refused (a record with several errors counts once). */
  readerRejectedRecords: number;
  /** Verbatim text of records, by __d. */
  rawFor(ds: number[]): Promise<Map<number, string>>;
  cleanup(): Promise<void>;
}
