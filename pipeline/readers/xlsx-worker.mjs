// The XLSX parse, in a worker thread (started by xlsx.ts): exceljs's streaming WorkbookReader reads the sheet and the
// rows go to the main thread in batches, raw (exceljs cell values; xlsx.ts turns them into text). In a worker,
// neither loading exceljs (a second or more of synchronous module loading) nor parsing the XML holds up a server's
// event loop, and the parse runs beside the database insert on a second core. Plain JavaScript because a worker is
// started from a file, and this file must run the same from the TypeScript sources and from the compiled dist/cli
// (xlsx.ts finds it at ../../pipeline/readers/ from either place).
//
// One worker reads one workbook after another: loading exceljs costs about 0.4 s of CPU, which a fresh worker per
// file paid again for every file (15 of the demo's 169 files are XLSX; an inbox of provincial workbooks is mostly XLSX).
//
// Protocol. To the worker: { type: 'open', job, path, preferredSheets, batchRows, tempDir } starts reading a workbook
// (only when the one before it has ended). To the main thread, each message carrying its job: { type: 'sheet', name }
// once (name null: the workbook has no sheet), then { type: 'rows', rows: [{ line, values }] } batches, each after a
// { type: 'more' } from the main thread (so a slow insert holds the parse back instead of queueing the sheet in
// memory), then { type: 'end' }; or { type: 'error', message } at any point, which also ends the job. A workbook
// left before its end is not finished here: the main thread terminates this worker instead.
// @ts-check
import { createReadStream } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const systemTmpdir = os.tmpdir;

/**
 * @typedef {{ job: number, path: string, preferredSheets: string[], batchRows: number, tempDir?: string }} Job
 */

/** Resolves on each { type: 'more' } from the main thread (for the job being read: there is one at a time). */
let credit = 0;
/** @type {(() => void) | null} */
let waiting = null;
port.on('message', (/** @type {any} */ m) => {
  if (m?.type === 'open') {
    credit = 0;
    run(m);
    return;
  }
  if (m?.type !== 'more') return;
  credit++;
  waiting?.();
  waiting = null;
});
async function mayPost() {
  while (credit === 0) await new Promise((resolve) => (waiting = () => resolve(undefined)));
  credit--;
}

/**
 * exceljs's streaming reader (4.4) hands each byte chunk of a part to its XML parser decoded on its own
 * (lib/utils/parse-sax.js: `TextDecoder.decode(chunk)` without `stream: true`), so a character whose UTF-8 bytes
 * straddle two chunks became two U+FFFD: 是 read as ��. The parser passes strings through untouched, so the
 * reader is given text instead, decoded across chunk boundaries: zip entries through Node's StringDecoder
 * (`setEncoding`), and a sheet's chunks (from the zip, or from the temp file exceljs parks a sheet in when it
 * precedes the shared strings) through a streaming TextDecoder. tests/readers/xlsx-stream.test.ts holds the
 * streamed rows to the whole-workbook reader's and fails if an exceljs upgrade moves these parts.
 * @param {any} reader
 */
function decodeAsUtf8Text(reader) {
  for (const name of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings', '_parseWorksheet']) {
    if (typeof reader[name] !== 'function') {
      throw new Error(`exceljs WorkbookReader has no ${name}: UTF-8 decoding cannot be set up`);
    }
  }
  for (const name of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings']) {
    const parse = reader[name].bind(reader);
    reader[name] = (/** @type {NodeJS.ReadableStream} */ entry) => {
      entry.setEncoding('utf8');
      return parse(entry);
    };
  }
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  reader._parseWorksheet = (/** @type {AsyncIterable<Buffer | string>} */ chunks, /** @type {string} */ sheetNo) =>
    parseWorksheet(utf8Text(chunks), sheetNo);
}

/** @param {AsyncIterable<Buffer | string>} chunks */
async function* utf8Text(chunks) {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** @type {Promise<any> | undefined} */
let excel;

/** @param {Job} job */
async function read({ job, path, preferredSheets, batchRows, tempDir }) {
  // exceljs parks a sheet that precedes the shared strings in a temp file (the `tmp` package, in os.tmpdir()).
  // Given a folder (the database's scratch folder), the temp file goes there, where a dead load's leftovers are
  // removed at the next open, not into a shared /tmp. This thread's own `os` module is patched; the server's is not.
  os.tmpdir = tempDir ? () => tempDir : systemTmpdir;
  excel ??= import('exceljs');
  const { default: Excel } = await excel;
  const input = createReadStream(path, { highWaterMark: 1 << 16 });
  try {
    await readFrom(job, Excel, input, preferredSheets, batchRows);
  } finally {
    // The parse stops at the end of the chosen sheet, not of the zip: the sheets after it are never read, so the file
    // would stay open (and its parse held in memory) in this worker, which reads the next workbook. Done with it.
    input.destroy();
  }
}

/**
 * @param {number} job
 * @param {any} Excel
 * @param {import('node:fs').ReadStream} input
 * @param {string[]} preferredSheets
 * @param {number} batchRows
 */
async function readFrom(job, Excel, input, preferredSheets, batchRows) {
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAsUtf8Text(reader);
  const wanted = new Set(preferredSheets.map((/** @type {string} */ s) => s.trim().toLowerCase()));
  // The workbook part (sheet names, in tab order) precedes the sheets in every writer's zip; from it the target
  // sheet is known when the first sheet arrives. Without it, the first sheet in the file is read.
  /** @type {string | undefined} */
  let target;
  /** @type {any} */
  let sheet;
  // Sheets are taken with next(), never a loop's break: returning the reader's iterator would stop the zip
  // parse that the chosen sheet's rows still come from.
  const sheets = /** @type {AsyncIterator<any>} */ (reader[Symbol.asyncIterator]());
  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    const ws = next.value;
    if (target === undefined) {
      const names = /** @type {any} */ (reader.model?.sheets ?? []).map((/** @type {any} */ s) => s.name);
      target = names.find((/** @type {string} */ n) => wanted.has(n.trim().toLowerCase())) ?? names[0] ?? ws.name ?? '';
    }
    if ((ws.name ?? '') === target || target === '') {
      sheet = ws;
      break;
    }
  }
  port.postMessage({ job, type: 'sheet', name: sheet ? (sheet.name ?? target ?? '') : null });
  if (!sheet) return;
  /** @type {Array<{ line: number; values: unknown[] }>} */
  let batch = [];
  for await (const row of sheet) {
    batch.push({ line: row.number, values: row.values });
    if (batch.length >= batchRows) {
      await mayPost();
      port.postMessage({ job, type: 'rows', rows: batch });
      batch = [];
    }
  }
  if (batch.length > 0) {
    await mayPost();
    port.postMessage({ job, type: 'rows', rows: batch });
  }
}

/** @param {Job} job */
function run(job) {
  read(job).then(
    () => port.postMessage({ job: job.job, type: 'end' }),
    (err) =>
      port.postMessage({ job: job.job, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}
