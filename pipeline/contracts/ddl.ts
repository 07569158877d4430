// Tables and views derived from the contracts. Each dataset has a history table holding every row ever
// loaded (with its load and source line) and a view, named after the dataset, of the rows not superseded.
import type { Column, ColumnType, DatasetContract } from './types.ts';

const sqlType: Record<ColumnType, string> = {
  text: 'VARCHAR',
  region_code: 'VARCHAR',
  int: 'BIGINT',
  number: 'DOUBLE',
  percent: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  boolean: 'BOOLEAN',
  enum: 'VARCHAR',
};

export function columnSqlType(col: Column): string {
  return sqlType[col.type];
}

export function historyTable(contract: DatasetContract): string {
  return `${contract.name}_history`;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}

/** Statements that create the dataset's history table (adding columns a newer contract has) and its view. */
export function datasetDdl(contract: DatasetContract, existingColumns: Set<string>): string[] {
  const table = historyTable(contract);
  const statements: string[] = [];
  if (existingColumns.size === 0) {
    const cols = contract.columns.map((c) => `  ${quoteIdent(c.name)} ${columnSqlType(c)}`);
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${table} (\n${cols.join(',\n')},\n` +
        `  _load_id INTEGER NOT NULL,\n  _line BIGINT NOT NULL,\n  _superseded_by INTEGER\n)`,
    );
  } else {
    for (const c of contract.columns) {
      if (!existingColumns.has(c.name))
        statements.push(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(c.name)} ${columnSqlType(c)}`);
    }
  }
  const visible = contract.columns.map((c) => quoteIdent(c.name)).join(', ');
  statements.push(
    `CREATE OR REPLACE VIEW ${contract.name} AS SELECT ${visible}, _load_id, _line FROM ${table} WHERE _superseded_by IS NULL`,
  );
  return statements;
}
