// The small demo, loaded and refreshed into a scratch database, shared by the export and job-definition tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../pipeline/db/index.ts';
import { generateDemo } from '../../pipeline/demo/index.ts';
import { ingestPaths } from '../../pipeline/load/index.ts';
import { refresh } from '../../pipeline/indicators/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

export async function refreshedSmallDemo(): Promise<{ db: Database; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-export-'));
  const demo = await generateDemo({ scale: 'small', seed: 7, outDir: join(dir, 'inbox') });
  const db = await openPreparedDatabase(join(dir, 'demo.duckdb'));
  await ingestPaths(db, demo.files, { source: 'demo' });
  await refresh(db);
  return { db, dir };
}
