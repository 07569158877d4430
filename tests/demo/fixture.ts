// Shared by the demo tests: the small demo in a scratch folder (a copy of the run's cached build, or generated
// afresh where generating is the point), and reading any generated file back into header + rows the way a
// sender's recipient would (GBK decoded, BOM stripped, tabs or commas).
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateDemo, type DemoResult } from '../../pipeline/demo/index.ts';
import { copyDemo } from '../support/demo-cache.ts';

export const SEED = 1;

/** The small demo's files in a folder of their own: a copy of the build cached for this run (tests/README.md). */
export async function smallDemo(seed = SEED): Promise<DemoResult & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-demo-'));
  return { dir, ...(await copyDemo({ seed, filesDir: dir })).demo };
}

/** The small demo generated now by generateDemo, for the tests about generating (same seed, same bytes). */
export async function generatedDemo(seed = SEED): Promise<DemoResult & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-demo-'));
  return { dir, ...(await generateDemo({ scale: 'small', seed, outDir: dir })) };
}

export interface ReadBack {
  encoding: 'utf8' | 'gbk' | 'binary';
  delimiter?: string;
  header: string[];
  rows: string[][];
}

const readBacks = new Map<string, Promise<ReadBack>>();

/** A file read back once per content: several tests read every file of a demo (ExcelJS takes 0.1–0.3 s a workbook). */
export function readBack(path: string): Promise<ReadBack> {
  const { size, mtimeMs } = statSync(path);
  const key = `${path}\0${size}\0${mtimeMs}`;
  let read = readBacks.get(key);
  if (!read) {
    read = readBackNow(path);
    readBacks.set(key, read);
  }
  return read;
}

async function readBackNow(path: string): Promise<ReadBack> {
  if (path.endsWith('.xlsx')) return readXlsx(path);
  if (path.endsWith('.jsonl')) {
    const objects = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const header = Object.keys(objects[0]);
    return {
      encoding: 'utf8',
      header,
      rows: objects.map((o) => header.map((h) => (o[h] === null ? '' : String(o[h])))),
    };
  }
  if (path.endsWith('.parquet')) return readParquet(path);
  const bytes = readFileSync(path);
  const utf8 = isUtf8(bytes);
  const text = (utf8 ? bytes.toString('utf8') : iconv.decode(bytes, 'gbk')).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { encoding: utf8 ? 'utf8' : 'gbk', delimiter: parsed.meta.delimiter, header, rows };
}

async function readXlsx(path: string): Promise<ReadBack> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      values.map((v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v),
      ),
    );
  });
  const [header, ...data] = rows;
  return { encoding: 'binary', header, rows: data.map((r) => header.map((_, i) => r[i] ?? '')) };
}

async function readParquet(path: string): Promise<ReadBack> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($1)', [path]);
    const header = reader.columnNames();
    return { encoding: 'binary', header, rows: reader.getRows().map((r) => r.map((v) => String(v ?? ''))) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The dataset a demo file carries, from its name prefix (longest dataset name first). */
export function datasetOfFile(file: string, names: readonly string[]): string | undefined {
  return [...names].sort((a, b) => b.length - a.length).find((n) => file.startsWith(n));
}
