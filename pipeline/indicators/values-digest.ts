// Refreshes a database at a fixed data date and prints a digest of what the refresh wrote (indicator values,
// thresholds as stored, scorecard), so that a change to how definitions are kept can be shown to change no result:
// run it before and after on copies of the same loaded database and compare.
//   node bin/run-ts.mjs pipeline/indicators/values-digest.ts DB [--as-of 2026-01-15]
// The small demo gives 22,400 indicator values (pipeline/indicators/README.md records the digest).
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Database } from '../db/index.ts';
import { refresh } from './refresh.ts';

export interface ValuesDigest {
  indicator_values: number;
  indicator_values_sha256: string;
  indicator_thresholds_sha256: string;
  scorecard_sha256: string;
}

export async function valuesDigest(db: Database): Promise<ValuesDigest> {
  const [row] = await db.allFile<ValuesDigest>('indicators/refresh/values_digest');
  return { ...row, indicator_values: Number(row.indicator_values) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--as-of');
  const asOf = at >= 0 ? args[at + 1] : '2026-01-15';
  const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--as-of');
  if (!path) {
    console.error('usage: node bin/run-ts.mjs pipeline/indicators/values-digest.ts DB [--as-of YYYY-MM-DD]');
    process.exit(2);
  }
  const { Database } = await import('../db/index.ts');
  const db = await Database.open(path);
  try {
    await refresh(db, { asOf });
    console.log(JSON.stringify({ as_of: asOf, ...(await valuesDigest(db)) }, null, 2));
  } finally {
    db.close();
  }
}
