// Applies sql/schema/NNN_*.sql in order, each once, recorded in schema_migrations.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDdl, historyTable } from '../contracts/ddl.ts';
import { datasets } from '../contracts/index.ts';
import { sqlDir } from './paths.ts';

/** What migrating needs of the handle: Database.open passes itself, and this file need not import it back. */
export interface MigrationTarget {
  run(sql: string, params?: string[]): Promise<void>;
  all<T>(sql: string): Promise<T[]>;
  runFile(name: string): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export async function migrate(db: MigrationTarget): Promise<string[]> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_localtimestamp())`,
  );
  const done = new Set((await db.all<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const files = readdirSync(join(sqlDir, 'schema'))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const name = file.replace(/\.sql$/, '');
    if (done.has(name)) continue;
    await db.transaction(async () => {
      await db.runFile(`schema/${name}`);
      await db.run('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  await ensureDatasetTables(db);
  // The reference tables (calendar_days, divisions) are created here and filled by setup
  // (pipeline/setup/open.ts): the schema is this floor's, the reference data is not.
  await loadMacros(db);
  return applied;
}

/**
 * Macros live outside migrations so that fixing one takes effect without a new schema version. Every file of
 * sql/macros/ is loaded, in name order; a macro that reads a table needs that table to exist already.
 */
export async function loadMacros(db: Pick<MigrationTarget, 'runFile'>): Promise<void> {
  for (const name of macroFiles()) await db.runFile(name);
}

/** The macro files (`macros/<name>`), in load order; temporary macros belong to a connection, so every connection
 *  that runs SQL using them loads them (the API's read connections too). */
export function macroFiles(): string[] {
  return readdirSync(join(sqlDir, 'macros'))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => `macros/${f.replace(/\.sql$/, '')}`);
}

/** Dataset tables come from the contracts, not from numbered files: the contract is their one definition. */
async function ensureDatasetTables(db: MigrationTarget): Promise<void> {
  const rows = await db.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'`,
  );
  for (const contract of datasets) {
    const existing = new Set(rows.filter((r) => r.table_name === historyTable(contract)).map((r) => r.column_name));
    for (const statement of datasetDdl(contract, existing)) await db.run(statement);
  }
}
