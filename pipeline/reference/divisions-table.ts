// Loads data/reference/divisions.csv into the divisions table when the table is empty or the file changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from '../db/database.ts';
import { divisionsCsvPath } from './regions.ts';

export async function refreshDivisionsTable(
  db: Database,
  path: string = divisionsCsvPath(),
): Promise<{ refreshed: boolean; rows: number }> {
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  const state = await db.one<{ sha256: string | null; rows: number }>(
    `SELECT (SELECT sha256 FROM reference_sources WHERE name = 'divisions') AS sha256, (SELECT count(*) FROM divisions) AS rows`,
  );
  if (state && state.sha256 === sha256 && state.rows > 0) return { refreshed: false, rows: state.rows };
  await db.transaction(async () => {
    await db.run('DELETE FROM divisions');
    await db.runFile('reference/load_divisions', { path });
    await db.run(`INSERT OR REPLACE INTO reference_sources VALUES ('divisions', $1, current_localtimestamp())`, [
      sha256,
    ]);
  });
  const loaded = await db.one<{ rows: number }>('SELECT count(*) AS rows FROM divisions');
  return { refreshed: true, rows: loaded?.rows ?? 0 };
}
