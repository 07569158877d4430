// Handmade fixtures for indicator, flag and watchlist tests: rows written straight into the dataset history tables
// (as if loaded from a file named "<dataset>.csv", with a load_log row so evidence can name file and line), then a
// refresh with a fixed data date.
import type { Database } from '../../pipeline/db/index.ts';
import { datasets } from '../../pipeline/contracts/index.ts';
import { historyTable } from '../../pipeline/contracts/ddl.ts';
import type { ColumnType } from '../../pipeline/contracts/types.ts';
import { refresh, type RefreshOptions, type RefreshResult } from '../../pipeline/indicators/index.ts';
import { freshDatabase } from '../support/fresh-database.ts';

const jsonType: Record<ColumnType, string> = {
  text: 'VARCHAR',
  region_code: 'VARCHAR',
  enum: 'VARCHAR',
  int: 'BIGINT',
  number: 'DOUBLE',
  percent: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

/** A fresh prepared database (a copy of the run's prepared empty one, tests/support/fresh-database.ts). */
export async function openTestDb(): Promise<Database> {
  return freshDatabase();
}

let nextLoad = 900;

/** Inserts rows into a dataset (missing columns are NULL); line numbers start at 2 as under a header. Returns the load id. */
export async function addRows(
  db: Database,
  dataset: string,
  rows: Array<Record<string, unknown>>,
  /** the load's id (default: the next of this module's counter); two databases fed alike need the same ids */
  loadId = nextLoad++,
): Promise<number> {
  const contract = datasets.find((d) => d.name === dataset);
  if (!contract) throw new Error(`no dataset ${dataset}`);
  await db.run(
    `INSERT INTO load_log (load_id, file_name, file_path, sha256, dataset, status, started_at) VALUES ($1, $2, $3, $4, $5, 'loaded', current_localtimestamp())`,
    [loadId, `${dataset}.csv`, `/fixtures/${dataset}.csv`, `sha-${loadId}`, dataset],
  );
  const structure = Object.fromEntries([
    ...contract.columns.map((c) => [c.name, jsonType[c.type]]),
    ['_line', 'BIGINT'],
  ]);
  const names = contract.columns.map((c) => `"${c.name}"`).join(', ');
  const json = rows.map((r, i) => ({ ...r, _line: (r._line as number | undefined) ?? i + 2 }));
  await db.run(
    `INSERT INTO ${historyTable(contract)} (${names}, _load_id, _line)
     SELECT ${names}, $load, _line FROM (SELECT unnest(from_json($rows, $structure), recursive := true))`,
    { rows: JSON.stringify(json), structure: JSON.stringify([structure]), load: loadId },
  );
  return loadId;
}

export async function addRegions(
  db: Database,
  regions: Array<{ code: string; designation?: string; batch?: number | null; name?: string }>,
  loadId?: number,
): Promise<void> {
  await addRows(
    db,
    'regions',
    regions.map((r) => ({
      region_code: r.code,
      region_name: r.name ?? `地区${r.code}`,
      level: 'county',
      designation: r.designation ?? 'comprehensive',
      batch: r.batch === undefined ? 2022 : r.batch,
      project_name: r.designation === 'single' ? '示范项目' : null,
    })),
    loadId,
  );
}

export async function run(db: Database, asOf: string, options: RefreshOptions = {}): Promise<RefreshResult> {
  return refresh(db, { asOf, ...options });
}

export interface Value {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  status: string;
  provisional: boolean;
}

export async function metricValue(
  db: Database,
  metric: string,
  region: string,
  year: number,
): Promise<Value | undefined> {
  return db.one<Value>(
    'SELECT value, numerator, denominator, threshold, status, provisional FROM indicator_values WHERE metric_id = $1 AND region_code = $2 AND year = $3',
    [metric, region, year],
  );
}

/** Evidence record ids a metric collected for a region-year (the staged results of the last refresh). */
export async function evidenceOf(db: Database, metric: string, region: string, year: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    'SELECT unnest(evidence).record_id AS id FROM metric_results WHERE metric_id = $1 AND region_code = $2 AND year = $3 ORDER BY id',
    [metric, region, year],
  );
  return rows.map((r) => r.id);
}
