// `shifan backup`: a consistent snapshot of the whole database as DuckDB's EXPORT DATABASE in Parquet (schema.sql,
// load.sql and one Parquet file per table: readable as they are by Spark, Trino, pandas or DuckDB elsewhere) plus
// manifest.json with the row count of every table and the SHA-256 of every file.
//
// Consistency: the export and the row counts run in one transaction on a connection of their own, so they see one
// snapshot of the data (DuckDB's MVCC) even if a write commits meanwhile; in the server the backup also runs on the
// single writer lane (app.q.write), so no load is half-way through its own steps. A connection of its own also
// keeps the writer connection's temp tables out of the export (EXPORT DATABASE would list them in load.sql
// without their schema, and the snapshot would not import).
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { sqlText } from '../db/index.ts';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'shifan-backup';
export const FORMAT_VERSION = 1;

export interface ManifestFile {
  file: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  format_version: number;
  created_at: string;
  /** The database file the snapshot was taken of. */
  source: string;
  duckdb_version: string;
  /** Row count of every table, in the snapshot. */
  tables: Record<string, number>;
  files: ManifestFile[];
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  ms: number;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes the snapshot into `outDir` (created; refused when it exists and is not empty). The export goes to a
 * sibling folder first and is renamed into place when complete, so a crash mid-backup never leaves a folder that
 * looks finished; the manifest is the last file written.
 */
export async function backupDatabase(db: Database, outDir: string, now = new Date()): Promise<BackupResult> {
  const started = performance.now();
  const dir = resolve(outDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(
      `备份目录 ${dir} 已存在且不为空，请换一个目录 (the backup folder ${dir} exists and is not empty; choose a new one)`,
    );
  }
  mkdirSync(dirname(dir), { recursive: true });
  const partial = join(dirname(dir), `.${basename(dir)}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  const connection = await db.instance.connect();
  const tables: Record<string, number> = {};
  try {
    await connection.run('BEGIN TRANSACTION');
    try {
      // The path is a literal: EXPORT DATABASE takes no parameters. It is our own folder name, quotes doubled.
      await connection.run(`EXPORT DATABASE '${partial.replace(/'/g, "''")}' (FORMAT parquet)`);
      const names = (await connection.runAndReadAll(sqlText('backup/table_counts')))
        .getRowObjectsJS()
        .map((r) => String(r.name));
      for (const name of names) {
        // Table names come from the catalogue, quoted as identifiers.
        const rows = (
          await connection.runAndReadAll(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)
        ).getRows();
        tables[name] = Number(rows[0][0]);
      }
      await connection.run('COMMIT');
    } catch (err) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  } finally {
    connection.closeSync();
  }
  const version = (await db.one<{ v: string }>('SELECT version() AS v'))!.v;
  const files: ManifestFile[] = [];
  for (const file of readdirSync(partial).sort()) {
    const path = join(partial, file);
    files.push({ file, bytes: statSync(path).size, sha256: await sha256File(path) });
  }
  const manifest: Manifest = {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    created_at: now.toISOString(),
    source: db.path,
    duckdb_version: version,
    tables,
    files,
  };
  writeFileSync(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  if (existsSync(dir)) rmSync(dir, { recursive: true }); // the empty folder checked above
  renameSync(partial, dir);
  return { dir, manifest, ms: performance.now() - started };
}
