// Where the product's files live. Resolved from this file so the CLI works from any working directory.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sqlDir = join(repoRoot, 'sql');
export const dataDir = join(repoRoot, 'data');

/** The embedded default database; `--db` or SHIFAN_DB override it. */
export function defaultDbPath(): string {
  return process.env.SHIFAN_DB ?? join(dataDir, 'shifan.duckdb');
}

export function defaultInboxDir(): string {
  return process.env.SHIFAN_INBOX ?? join(dataDir, 'inbox');
}
