// A new database as openPreparedDatabase leaves it (every migration applied, the reference data loaded), for the
// many tests that start each case from an empty database. Preparing one runs every migration and loads the
// divisions and the calendar: about half a second of CPU, paid by some 150 test cases. The prepared file is made
// once per code version (beside the demo cache, under the same key: pipeline/, sql/, data/) and each caller gets a
// copy of it, opened through openPreparedDatabase as before, so what a test sees is what a fresh database holds.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../pipeline/db/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { demoCacheDir } from './demo-cache.ts';

let template: string | undefined;

/** The prepared empty database of this code version, made on first use (an atomic rename: never seen half-made). */
async function preparedTemplate(): Promise<string> {
  if (template && existsSync(template)) return template;
  const base = demoCacheDir();
  const path = join(base, 'empty.duckdb');
  if (!existsSync(path)) {
    mkdirSync(base, { recursive: true });
    const work = join(base, `empty.building-${process.pid}-${Date.now()}`);
    const db = await openPreparedDatabase(join(work, 'empty.duckdb'));
    db.close();
    renameSync(join(work, 'empty.duckdb'), path);
    rmSync(work, { recursive: true, force: true });
  }
  template = path;
  return path;
}

/**
 * A fresh prepared database: at PATH when given, else in a folder of its own that closing the database removes.
 * The same database `openPreparedDatabase` makes of a new file, for less than half the CPU.
 */
export async function freshDatabase(path?: string): Promise<Database> {
  const source = await preparedTemplate();
  const dir = path ? undefined : mkdtempSync(join(tmpdir(), 'shifan-db-'));
  const target = path ?? join(dir!, 'test.duckdb');
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(source, target);
  const db = await openPreparedDatabase(target);
  if (dir) {
    const close = db.close.bind(db);
    db.close = () => {
      close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  return db;
}
