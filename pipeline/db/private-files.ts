// The database holds every province's data, the accounts' password hashes and the sessions' tokens (in the file and
// its write-ahead log), so it is readable by its owner only, like the command line's channel beside it. New files
// get that from the process's umask (set where the `shifan` process starts, bin/shifan.mjs); a database created
// before, or by a program with a looser umask, is tightened here when it is opened for writing.
import { chmodSync, existsSync, statSync } from 'node:fs';

/** Owner read and write only. */
export const PRIVATE_FILE = 0o600;

/** Removes group and other access from the database file and its write-ahead log where they have it. */
export function keepDatabasePrivate(path: string): void {
  for (const file of [path, `${path}.wal`]) {
    if (!existsSync(file)) continue;
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE);
  }
}
