// Parquet through DuckDB's own reader. Its "line" is the row number (1-based), since Parquet has no lines.
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
    return `CAST(p."${fileColumns[idx].replace(/"/g, '""')}" AS VARCHAR) AS ${quoteIdent(c.name)}`;
  });
  // Counted from the file's own metadata, not from what the reader returns.
  const meta = await db.one<{ n: number }>('SELECT sum(num_rows)::BIGINT AS n FROM parquet_file_metadata($1)', [path]);
  return {
    format: 'parquet',
    encoding: null,
    sha256,
    records: Number(meta?.n ?? 0),
    relation: `(SELECT ${select.join(', ')} FROM read_parquet($1) p)`,
    param: path,
    afterRead: async () => ({
      readerRejects: [],
      readerRejectedRecords: 0,
      points: [{ fromRec: 0, addLine: 1, addD: 1 }],
    }),
    rawFor: async (ds) => {
      const out = new Map<number, string>();
      for (const d of ds) {
        const row = await db.one<{ raw: string }>(
          'SELECT CAST(to_json(p) AS VARCHAR) AS raw FROM read_parquet($1) p LIMIT 1 OFFSET $2',
          [path, d - 1],
        );
        if (row) out.set(d, row.raw);
      }
      return out;
    },
    cleanup: async () => undefined,
  };
}
