// Parquet through DuckDB's own reader. Its "line" is the row number (1-based) since Parquet has no lines.
import type { Database } from '../db/index.ts';
import { quoteIdent } from '../contracts/ddl.ts';
import type { DatasetContract } from '../contracts/index.ts';
import type { Staged } from './staged.ts';

export async function parquetColumns(db: Database, path: string): Promise<string[]> {
  const rows = await db.all<{ column_name: string }>('DESCRIBE SELECT * FROM read_parquet($1)', [path]);
  return rows.map((r) => r.column_name);
}

export async function stageParquet(
  db: Database,
  path: string,
  contract: DatasetContract,
  fileColumns: string[],
  matched: Array<string | undefined>,
  sha256: string,
): Promise<Staged> {
  const select = contract.columns.map((c) => {
    const idx = matched.indexOf(c.name);
    if (idx < 0) return `CAST(NULL AS VARCHAR) AS ${quoteIdent(c.name)}`;
    return `CAST("${fileColumns[idx].replace(/"/g, '""')}" AS VARCHAR) AS ${quoteIdent(c.name)}`;
  });
  await db.run('DROP VIEW IF EXISTS stage; DROP TABLE IF EXISTS stage');
  await db.run(
    `CREATE TEMP TABLE stage AS SELECT ${select.join(', ')}, file_row_number + 1 AS __line, file_row_number + 1 AS __d, ` +
      `to_json(p) AS __raw FROM read_parquet($1, file_row_number = true) p`,
    [path],
  );
  // Counted from the file's own metadata, not from what was read.
  const meta = await db.one<{ n: number }>('SELECT sum(num_rows)::BIGINT AS n FROM (SELECT DISTINCT row_group_id, row_group_num_rows AS num_rows FROM parquet_metadata($1))', [path]);
  return {
    format: 'parquet',
    encoding: null,
    sha256,
    records: Number(meta?.n ?? 0),
    readerRejects: [],
    readerRejectedRecords: 0,
    rawFor: async (ds) => {
      if (ds.length === 0) return new Map();
      const rows = await db.all<{ d: number; raw: string }>('SELECT __d AS d, CAST(__raw AS VARCHAR) AS raw FROM stage WHERE list_contains($1, __d)', [ds.map((d) => BigInt(d)) as never]);
      return new Map(rows.map((r) => [r.d, r.raw]));
    },
    cleanup: async () => db.run('DROP TABLE IF EXISTS stage'),
  };
}
