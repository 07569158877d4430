// Reads just the header record of a CSV file: its fields, the delimiter (comma or tab) and, from the bytes
// seen, a first guess at the encoding. The full encoding verdict comes from scanCsv.
import { openSync, readSync, closeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';

const PEEK = 256 * 1024;

export interface CsvHeader {
  fields: string[];
  delimiter: ',' | '\t';
}

export function readCsvHeader(path: string, encoding?: 'utf-8' | 'gb18030'): CsvHeader {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(PEEK);
  let n: number;
  try {
    n = readSync(fd, buf, 0, PEEK, 0);
  } finally {
    closeSync(fd);
  }
  let bytes = buf.subarray(0, n);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const firstLine = firstRecord(bytes);
  const enc = encoding ?? (isUtf8(firstLine) ? 'utf-8' : 'gb18030');
  const text = new TextDecoder(enc).decode(firstLine);
  const delimiter = countOutsideQuotes(text, '\t') > countOutsideQuotes(text, ',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false });
  return { fields: (parsed.data[0] ?? []).map((f) => f ?? ''), delimiter };
}

/** Bytes of the first record (a quoted header field may contain a line break). */
function firstRecord(bytes: Buffer): Buffer {
  let inQuotes = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a && !inQuotes) return bytes.subarray(0, i > 0 && bytes[i - 1] === 0x0d ? i - 1 : i);
  }
  return bytes;
}

function countOutsideQuotes(text: string, ch: string): number {
  let count = 0;
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) count++;
  }
  return count;
}
