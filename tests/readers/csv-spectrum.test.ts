// The CSV conformance cases of csv-spectrum (vendored in tests/fixtures/csv-spectrum) through the CSV reader: the
// independent scan must count the records, and DuckDB's reader with shifan's explicit options must return the
// expected fields. location_coordinates is skipped: its expected JSON is broken upstream (see its README).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipeline/db/index.ts';
import { readCsvHeader, scanCsv } from '../../pipeline/readers/index.ts';
import { csvReadSql } from '../../pipeline/load/stage-csv.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'csv-spectrum');
const cases = readdirSync(join(root, 'csvs'))
  .map((f) => f.replace(/\.csv$/, ''))
  .filter((n) => n !== 'location_coordinates')
  .sort();

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('csv-spectrum through the CSV reader', () => {
  it.each(cases)('reads %s as the expected records', async (name) => {
    const path = join(root, 'csvs', `${name}.csv`);
    const expected = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8')) as Array<
      Record<string, string>
    >;
    const header = readCsvHeader(path);
    const scan = scanCsv(path, header.delimiter);
    expect(scan.records).toBe(expected.length);
    await db.run('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans');
    const rows = await db.all<Record<string, string | null>>(
      `SELECT * FROM ${csvReadSql(header.fields.length, header.delimiter)}`,
      [path],
    );
    const asObjects = rows.map((r) => Object.fromEntries(header.fields.map((f, i) => [f, r[`c${i}`] ?? ''])));
    expect(asObjects).toEqual(expected);
  });
});
