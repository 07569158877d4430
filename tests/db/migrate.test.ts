// Migrating: every numbered migration once, then the dataset tables and views the contracts define. A database
// that already holds this code's schema (its fingerprint says so) is opened without checking any of it again.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasets } from '../../pipeline/contracts/index.ts';
import { historyTable } from '../../pipeline/contracts/ddl.ts';
import { Database } from '../../pipeline/db/database.ts';
import { migrate, schemaFingerprint } from '../../pipeline/db/migrate.ts';
import { sqlDir } from '../../pipeline/db/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'shifan-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const migrations = readdirSync(join(sqlDir, 'schema'))
  .filter((f) => /^\d{3}_.+\.sql$/.test(f))
  .map((f) => f.replace(/\.sql$/, ''))
  .sort();

describe('migrating a database', () => {
  it('applies every migration once to a new database, creates each dataset table and view, and nothing on the next open', async () => {
    const path = join(dir, 'new.duckdb');
    const db = await Database.open(path, { migrate: false });
    expect(await migrate(db)).toEqual(migrations);
    const tables = new Set(
      (await db.all<{ name: string }>('SELECT table_name AS name FROM information_schema.tables')).map((r) => r.name),
    );
    for (const contract of datasets) {
      expect(tables, contract.name).toContain(historyTable(contract));
      expect(tables, contract.name).toContain(contract.name);
    }
    expect(await migrate(db)).toEqual([]);
    db.close();
    const again = await Database.open(path);
    expect(await again.all('SELECT count(*)::INT AS n FROM schema_migrations')).toEqual([{ n: migrations.length }]);
    again.close();
  });

  it('checks the tables and views again when the stored fingerprint is not this code’s (a database of older code)', async () => {
    const path = join(dir, 'older.duckdb');
    const contract = datasets.find((d) => d.name === 'enforcement_decisions')!;
    const column = contract.columns[contract.columns.length - 1].name;
    const first = await Database.open(path);
    // what a database migrated before this contract had its last column looks like
    await first.run(`DROP VIEW ${contract.name}`);
    await first.run(`ALTER TABLE ${historyTable(contract)} DROP COLUMN "${column}"`);
    await first.run(`UPDATE schema_fingerprint SET fingerprint = 'older code'`);
    first.close();
    const db = await Database.open(path);
    const columns = await db.all<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1`,
      [contract.name],
    );
    expect(columns.map((c) => c.name)).toContain(column);
    const [stored] = await db.all<{ fingerprint: string }>('SELECT fingerprint FROM schema_fingerprint');
    expect(stored.fingerprint.startsWith(`${schemaFingerprint(migrations, datasets)} `)).toBe(true);
    db.close();
  });

  it('builds a view again that was replaced or dropped since, though the fingerprint was left as it was', async () => {
    const path = join(dir, 'views.duckdb');
    const contract = datasets.find((d) => d.name === 'enforcement_decisions')!;
    const column = contract.columns[contract.columns.length - 1].name;
    const visible = async (db: Database) =>
      (
        await db.all<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1`,
          [contract.name],
        )
      ).map((c) => c.name);
    const first = await Database.open(path);
    // code from before the fingerprint rewrites dataset views after its own contracts and does not touch it
    const narrower = contract.columns
      .filter((c) => c.name !== column)
      .map((c) => `"${c.name}"`)
      .join(', ');
    await first.run(
      `CREATE OR REPLACE VIEW ${contract.name} AS SELECT ${narrower}, _load_id, _line FROM ${historyTable(contract)} WHERE _superseded_by IS NULL`,
    );
    await first.run('DROP VIEW incidents');
    first.close();
    const db = await Database.open(path);
    expect(await visible(db)).toContain(column);
    expect(await db.all(`SELECT count(*)::INT AS n FROM incidents`)).toEqual([{ n: 0 }]);
    db.close();
  });

  it('fingerprints the migrations and the contracts: a new migration or a new contract column changes it', () => {
    const base = schemaFingerprint(migrations, datasets);
    expect(schemaFingerprint([...migrations], [...datasets])).toBe(base);
    expect(schemaFingerprint([...migrations, '999_next'], datasets)).not.toBe(base);
    const [first, ...rest] = datasets;
    const widened = { ...first, columns: [...first.columns, { ...first.columns[0], name: 'added_later' }] };
    expect(schemaFingerprint(migrations, [widened, ...rest])).not.toBe(base);
  });
});
