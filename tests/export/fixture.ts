// The small demo (seed 1, as the API and browser tests use it), loaded and refreshed into a scratch database, shared by the export and job-definition
// tests: a copy of the build cached for this run (tests/support/demo-cache.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../pipeline/db/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { copyDemo } from '../support/demo-cache.ts';

export async function refreshedSmallDemo(): Promise<{ db: Database; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-export-'));
  await copyDemo({ seed: 1, filesDir: join(dir, 'inbox'), database: join(dir, 'demo.duckdb') });
  const db = await openPreparedDatabase(join(dir, 'demo.duckdb'));
  return { db, dir };
}
