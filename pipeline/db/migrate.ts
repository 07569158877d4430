// Applies sql/schema/NNN_*.sql in order, each once, recorded in schema_migrations, then creates the dataset tables
// the contracts define; a fingerprint of both lets an open of an up-to-date database skip all of it.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDdl, historyTable } from '../contracts/ddl.ts';
import { type DatasetContract, datasets } from '../contracts/index.ts';
import { sqlDir } from './paths.ts';

/** What migrating needs of the handle: Database.open passes itself, and this file need not import it back. */
export interface MigrationTarget {
  run(sql: string, params?: string[]): Promise<void>;
  all<T>(sql: string): Promise<T[]>;
  runFile(name: string): Promise<void>;
  allFile<T>(name: string): Promise<T[]>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

let thisCode: { files: string[]; fingerprint: string } | undefined;

/** This code's migrations and their fingerprint: they do not change while it runs, so read and hashed once. */
function thisCodesSchema(): { files: string[]; fingerprint: string } {
  if (!thisCode) {
    const files = migrationFiles();
    thisCode = { files, fingerprint: schemaFingerprint(files, datasets) };
  }
  return thisCode;
}

export async function migrate(db: MigrationTarget): Promise<string[]> {
  const { files, fingerprint } = thisCodesSchema();
  // The schema this code would build is already there, its views as the last migration left them: nothing to apply,
  // no table or view to check. Opening is most of what a short command does, and checking every dataset table and
  // view cost about 60 ms per open.
  if ((await storedFingerprint(db)) === `${fingerprint} ${await viewsHash(db)}`) {
    await loadMacros(db);
    return [];
  }
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_localtimestamp())`,
  );
  const done = new Set((await db.all<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const name of files) {
    if (done.has(name)) continue;
    await db.transaction(async () => {
      await db.runFile(`schema/${name}`);
      await db.run('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  await ensureDatasetTables(db);
  await db.run('CREATE TABLE IF NOT EXISTS schema_fingerprint (fingerprint VARCHAR NOT NULL)');
  const stamp = `${fingerprint} ${await viewsHash(db)}`;
  await db.transaction(async () => {
    await db.run('DELETE FROM schema_fingerprint');
    await db.run('INSERT INTO schema_fingerprint VALUES ($1)', [stamp]);
  });
  // The new schema goes into the database file now, not only into its write-ahead log: DuckDB 1.5 cannot replay a log
  // that holds the creation of a schema (duckdb/duckdb#19712, #22044: "GetDefaultDatabase with no default database
  // set"), so a process killed before its first checkpoint (a first `npm start` stopped with Ctrl-C during the demo's
  // load) left a database no command could open again (tests/setup/first-run.test.ts). A log of loads and refreshes
  // replays: processes killed during a load and at three points of a refresh were tried by hand.
  await db.run('CHECKPOINT');
  // The reference tables (calendar_days, divisions) are created here and filled by setup
  // (pipeline/setup/open.ts): the schema is this floor's, the reference data is not.
  await loadMacros(db);
  return applied;
}

/** The numbered migrations of sql/schema/, in the order they apply. */
function migrationFiles(): string[] {
  return readdirSync(join(sqlDir, 'schema'))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => f.replace(/\.sql$/, ''));
}

/**
 * What a migrated database holds, in one hash: the names of the migrations applied (each applies once, by name) and
 * the dataset tables and views the contracts define. A new migration or a changed contract gives another hash, and
 * the next open migrates as before.
 */
export function schemaFingerprint(migrations: readonly string[], contracts: readonly DatasetContract[]): string {
  const hash = createHash('sha256');
  for (const name of migrations) hash.update(`migration ${name}\n`);
  for (const contract of contracts)
    for (const statement of datasetDdl(contract, new Set())) hash.update(`${statement}\n`);
  return hash.digest('hex');
}

/**
 * The views of the database as they stand, in one hash: stored with the fingerprint and compared at every open, so a
 * view replaced since (by code from before the fingerprint, which rewrites dataset views after its own contracts and
 * leaves the fingerprint alone) or dropped by hand sends the open through the whole migration again. A few
 * milliseconds, against the 60 the skip saves.
 */
async function viewsHash(db: MigrationTarget): Promise<string> {
  const [row] = await db.allFile<{ views: string | null }>('db/views_hash');
  return row?.views ?? 'none';
}

/** What the last complete migration stored: the fingerprint and the views' hash; none in a new database or one
 *  migrated before the fingerprint existed. */
async function storedFingerprint(db: MigrationTarget): Promise<string | undefined> {
  try {
    return (await db.all<{ fingerprint: string }>('SELECT fingerprint FROM schema_fingerprint'))[0]?.fingerprint;
  } catch {
    return undefined;
  }
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
