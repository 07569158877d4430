// A past quarter's package is built from the data as it stood at the quarter's end, as the load log knows it:
// a file counts when its load had finished by the quarter's last day. Three cases, each stated in the package:
//   current       — nothing arrived after the quarter's end: the latest refresh is the quarter's data;
//   quarter_end   — some files arrived later: a copy of the database (backup → restore into a scratch file) has the
//                   later loads' rows taken out (rows they superseded come back), is refreshed with --as-of the
//                   quarter's end, and the package is built from it; the served database is never touched;
//   later_data    — no file had arrived by the quarter's end (a database loaded after it, like a demo): there is
//                   no state to rebuild, so the package is built from the current data and says so on its cover.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase, restoreDatabase } from '../backup/index.ts';
import { datasets } from '../contracts/index.ts';
import { historyTable, quoteIdent } from '../contracts/ddl.ts';
import type { Database } from '../db/index.ts';
import { refresh } from '../indicators/index.ts';
import { openPreparedDatabase } from '../setup/open.ts';

export type DataBasis = 'current' | 'quarter_end' | 'later_data';

export interface LoadsAtEnd {
  files_by_end: number;
  files_after: number;
  first_after: string | null;
  last_after: string | null;
}

export async function loadsAtQuarterEnd(db: Database, end: string): Promise<LoadsAtEnd> {
  return (await db.allFile<LoadsAtEnd>('export/loads_by_quarter_end', { end }))[0]!;
}

export function basisOf(loads: LoadsAtEnd): DataBasis {
  if (loads.files_after === 0) return 'current';
  return loads.files_by_end > 0 ? 'quarter_end' : 'later_data';
}

/** The sentence the package's cover and manifest carry about the data it was built from. */
export function basisText(basis: DataBasis, end: string, asOf: string, loads: LoadsAtEnd): string {
  if (basis === 'current') return `本季度结束（${end}）前已载入的全部数据，数据日期 ${asOf}`;
  if (basis === 'quarter_end')
    return `按季度末（${end}）已载入的数据重新计算：不含其后（${loads.first_after} 至 ${loads.last_after}）载入的 ${loads.files_after} 个文件`;
  return `本季度结束（${end}）前尚无数据载入；本报告使用其后（${loads.first_after} 至 ${loads.last_after}）载入的数据（数据日期 ${asOf}），并非季度末当时的数据`;
}

/**
 * Runs `build` on a scratch copy of the database holding only the files loaded by `end`, refreshed as of `end`.
 * The statements that take out a dataset's later rows are derived from the data contract (history tables named by
 * it, identifiers quoted); the cut-off is a bound parameter.
 */
export async function withDataAsOf<T>(
  db: Database,
  end: string,
  build: (snapshot: Database) => Promise<T>,
): Promise<T> {
  const scratch = mkdtempSync(join(tmpdir(), 'shifan-asof-'));
  try {
    await backupDatabase(db, join(scratch, 'backup'));
    const path = join(scratch, 'as-of.duckdb');
    await restoreDatabase(join(scratch, 'backup'), path);
    const snap = await openPreparedDatabase(path);
    try {
      const later = `SELECT load_id FROM load_log WHERE status = 'loaded' AND CAST(finished_at AS DATE) > CAST($end AS DATE)`;
      for (const d of datasets) {
        const table = quoteIdent(historyTable(d));
        await snap.run(`DELETE FROM ${table} WHERE _load_id IN (${later})`, { end });
        await snap.run(`UPDATE ${table} SET _superseded_by = NULL WHERE _superseded_by IN (${later})`, { end });
      }
      await refresh(snap, { asOf: end });
      return await build(snap);
    } finally {
      snap.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
