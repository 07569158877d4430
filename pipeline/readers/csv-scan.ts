// One streaming pass over a CSV file that yields what DuckDB's reader cannot: the SHA-256, whether the bytes
// are UTF-8, an independent count of records, and where each record starts (byte offset and physical line).
// The count is what "loaded + rejected = records in the file" is checked against; the positions turn DuckDB's
// row order into source line numbers and let rejects be kept verbatim.
//
// The structure is found on raw bytes. That is safe for GB18030/GBK too: their multi-byte sequences never
// contain bytes below 0x40, so quotes, commas, tabs and line feeds are always themselves.
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const CHUNK = 8 * 1024 * 1024;

export interface CsvScan {
  bytes: number;
  sha256: string;
  /** False when some bytes are not valid UTF-8: the file is then read as GB18030. */
  utf8: boolean;
  bom: boolean;
  /** Data records: not the header, not blank lines. */
  records: number;
  /**
   * Entries in DuckDB's own numbering ("D": 1 = header; every record or blank line counts one, however many
   * physical lines it spans). recordStart[D - 1] is the byte offset where entry D starts.
   */
  recordStart: Float64Array;
  entries: number;
  /** D values of blank lines, ascending (DuckDB skips them silently). */
  blank: number[];
  /** D → extra physical lines of records that span several lines (quoted line breaks), ascending by D. */
  multiline: Array<[d: number, extra: number]>;
}

class OffsetList {
  data = new Float64Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Scans `path`; `delimiter` decides whether a quote opens a quoted field (only at the start of a field). */
export function scanCsv(path: string, delimiter: string): CsvScan {
  const delim = delimiter.charCodeAt(0);
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const hash = createHash('sha256');
  const starts = new OffsetList();
  const blank: number[] = [];
  const multiline: Array<[number, number]> = [];
  let utf8 = true;
  let utf8Carry: Buffer = Buffer.alloc(0);
  let bom = false;

  let inQuotes = false;
  let quotePending = false; // inside quotes, the previous chunk ended on a quote: escaped or closing?
  let prevByte = -1; // last byte of the previous chunk
  let recordStart = 0; // absolute offset of the current entry
  let recordHasBytes = false;
  let extra = 0; // line feeds inside quotes in the current entry
  let entries = 0;

  const endEntry = (lfAbs: number, contentEnd: number) => {
    entries++;
    starts.push(recordStart);
    const empty = !recordHasBytes && contentEnd === recordStart;
    if (empty) blank.push(entries);
    if (extra > 0) multiline.push([entries, extra]);
    recordStart = lfAbs + 1;
    recordHasBytes = false;
    extra = 0;
  };

  const buf = Buffer.allocUnsafe(CHUNK);
  let base = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, base);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      if (base === 0 && n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) bom = true;
      if (utf8) [utf8, utf8Carry] = checkUtf8(utf8Carry, chunk);

      let i = 0;
      let nextQuote = -2; // cached position of the next quote outside quoted fields; -2 = unknown
      while (i < n) {
        if (inQuotes) {
          if (quotePending) {
            quotePending = false;
            if (chunk[i] === QUOTE) {
              i++;
              continue;
            }
            inQuotes = false;
            continue;
          }
          const q = chunk.indexOf(QUOTE, i);
          const end = q === -1 ? n : q;
          for (let lf = chunk.indexOf(LF, i); lf !== -1 && lf < end; lf = chunk.indexOf(LF, lf + 1)) extra++;
          if (q === -1) {
            i = n;
            break;
          }
          if (q + 1 < n) {
            if (chunk[q + 1] === QUOTE) i = q + 2;
            else {
              inQuotes = false;
              i = q + 1;
            }
          } else {
            quotePending = true;
            i = n;
          }
          nextQuote = -2;
        } else {
          if (nextQuote !== -1 && nextQuote < i) {
            nextQuote = chunk.indexOf(QUOTE, i);
          }
          const lf = chunk.indexOf(LF, i);
          const lfPos = lf === -1 ? n : lf;
          if (nextQuote !== -1 && nextQuote < lfPos) {
            const abs = base + nextQuote;
            const prev = nextQuote > 0 ? chunk[nextQuote - 1] : prevByte;
            const atFieldStart = abs === recordStart || (bom && abs === 3 && recordStart === 0) || prev === delim;
            if (atFieldStart) inQuotes = true;
            recordHasBytes = true;
            i = nextQuote + 1;
            nextQuote = -2;
          } else if (lf !== -1) {
            const abs = base + lf;
            const prev = lf > 0 ? chunk[lf - 1] : prevByte;
            const contentEnd = prev === CR ? abs - 1 : abs;
            endEntry(abs, contentEnd);
            i = lf + 1;
          } else {
            if (n > i) recordHasBytes = true;
            i = n;
          }
        }
      }
      prevByte = chunk[n - 1];
      base += n;
    }
  } finally {
    closeSync(fd);
  }
  // A last record without a trailing line break.
  if (recordStart < size) {
    const onlyBom = bom && recordStart === 0 && size === 3;
    if (!onlyBom) {
      entries++;
      starts.push(recordStart);
      if (extra > 0) multiline.push([entries, extra]);
    }
  }
  if (utf8Carry.length > 0) utf8 = false;
  const dataEntries = Math.max(0, entries - 1);
  const blankData = blank.filter((d) => d > 1).length;
  return {
    bytes: size,
    sha256: hash.digest('hex'),
    utf8,
    bom,
    records: dataEntries - blankData,
    recordStart: starts.data.subarray(0, starts.length),
    entries,
    blank,
    multiline,
  };
}

/** Validates UTF-8 across chunk boundaries: an incomplete trailing sequence is carried to the next chunk. */
function checkUtf8(carry: Buffer, chunk: Buffer): [boolean, Buffer] {
  const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
  let cut = data.length;
  for (let back = 1; back <= 3 && back <= data.length; back++) {
    const b = data[data.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) cut = data.length - back;
    break;
  }
  return [isUtf8(data.subarray(0, cut)), Buffer.from(data.subarray(cut))];
}

/** Physical line (1-based) where entry D starts. */
export function physicalLine(scan: Pick<CsvScan, 'multiline'>, d: number): number {
  let line = d;
  for (const [md, extra] of scan.multiline) {
    if (md >= d) break;
    line += extra;
  }
  return line;
}
