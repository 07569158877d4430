// The database's scratch folder: uploads being received and files decoded for loading live in `<db file>.scratch/`,
// beside the database and never in a shared /tmp, so that what a dead process left behind can be found and
// removed. Only one process can open a database file (DuckDB's lock), so whatever is in the folder when the
// database is opened belongs to a process that ended without cleaning up (kill -9, power loss).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function scratchRoot(dbPath: string): string {
  // Not `<db>.tmp`: that is DuckDB's own spill folder, which DuckDB manages.
  return dbPath === ':memory:' ? join(tmpdir(), `shifan-memory-${process.pid}.scratch`) : `${resolve(dbPath)}.scratch`;
}

/** A new empty folder under the scratch root (e.g. one per upload); the caller removes it when done. */
export function scratchDir(dbPath: string, prefix: string): string {
  const root = scratchRoot(dbPath);
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `${prefix}-`));
}

/** Removes the whole scratch folder; called when the database is opened for writing. */
export function clearScratch(dbPath: string): boolean {
  const root = scratchRoot(dbPath);
  try {
    rmSync(root, { recursive: true, force: true, maxRetries: 2 });
    return true;
  } catch {
    return false;
  }
}
