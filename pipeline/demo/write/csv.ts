// A CSV file written in chunks: papaparse does the quoting, iconv-lite the GBK encoding; the file is never held
// in memory whole. Tracks the physical line of every row it writes (header = line 1), so planted bad rows can
// name their line.
import { closeSync, openSync, writeSync } from 'node:fs';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { Cell } from '../format.ts';

export interface CsvOptions {
  encoding: 'utf8' | 'gbk';
  bom?: boolean;
  delimiter?: ',' | '\t';
  newline?: '\n' | '\r\n';
}

const CHUNK_ROWS = 20_000;

export class CsvWriter {
  /** Data rows written. */
  rows = 0;
  private fd: number;
  private pending: Cell[][] = [];
  private readonly delimiter: string;
  private readonly newline: string;

  constructor(
    readonly path: string,
    header: string[],
    private readonly options: CsvOptions,
  ) {
    this.fd = openSync(path, 'w');
    this.delimiter = options.delimiter ?? ',';
    this.newline = options.newline ?? '\n';
    if (options.bom) writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]));
    this.pending.push(header);
    this.flush();
  }

  /** Writes one row; returns its line number in the file. */
  row(cells: Cell[]): number {
    this.pending.push(cells);
    this.rows++;
    if (this.pending.length >= CHUNK_ROWS) this.flush();
    return this.rows + 1;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text =
      Papa.unparse(this.pending, { delimiter: this.delimiter, newline: this.newline, header: false }) + this.newline;
    this.pending = [];
    const bytes = this.options.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    writeSync(this.fd, bytes);
  }
}
