// Parquet, written the way the issue asks: rows go to a temporary UTF-8 CSV (papaparse), and an in-memory
// DuckDB copies it to Parquet with the column types the contract gives (one thread, so the file is reproducible).
import { rmSync } from 'node:fs';
import { DuckDBInstance, structValue } from '@duckdb/node-api';
import type { DatasetContract } from '../../contracts/index.ts';
import { columnSqlType } from '../../contracts/ddl.ts';
import { CsvWriter } from './csv.ts';
import type { Cell } from '../format.ts';

/** `rows` are cells in contract column order, already spelled as DuckDB reads them (ISO dates). */
export async function writeParquet(path: string, contract: DatasetContract, rows: Iterable<Cell[]>): Promise<number> {
  const tmp = `${path}.tmp.csv`;
  const csv = new CsvWriter(
    tmp,
    contract.columns.map((c) => c.name),
    { encoding: 'utf8' },
  );
  for (const row of rows) csv.row(row);
  csv.close();
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const columns = structValue(Object.fromEntries(contract.columns.map((c) => [c.name, columnSqlType(c)])));
    await connection.run('COPY (SELECT * FROM read_csv($1, header = true, columns = $3)) TO $2 (FORMAT parquet)', [
      tmp,
      path,
      columns,
    ]);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(tmp, { force: true });
  }
  return csv.rows;
}
