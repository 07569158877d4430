// Test fixtures for the spot check: an in-memory database with regions, inspectors and findings written straight
// into the dataset history tables (as if loaded), so the tests do not depend on the loader's file handling.
import type { Database } from '../../pipeline/db/index.ts';
import { regions as regionsContract } from '../../pipeline/contracts/regions.ts';
import { spotcheckFindings } from '../../pipeline/contracts/spotcheck-findings.ts';
import { historyTable } from '../../pipeline/contracts/ddl.ts';
import { freshDatabase } from '../support/fresh-database.ts';

export interface RegionRow {
  region_code: string;
  region_name?: string;
  province_code?: string | null;
  level?: 'city' | 'county';
  batch: number | null;
  designation: 'comprehensive' | 'single' | 'none';
  project_name?: string | null;
}

/** A fresh prepared database (a copy of the run's prepared empty one, tests/support/fresh-database.ts). */
export async function openTestDb(): Promise<Database> {
  return freshDatabase();
}

export async function addRegions(db: Database, rows: RegionRow[]): Promise<void> {
  const json = rows.map((r, i) => ({
    region_code: r.region_code,
    region_name: r.region_name ?? `地区${r.region_code}`,
    province_code: r.province_code ?? null,
    level: r.level ?? 'county',
    batch: r.batch,
    designation: r.designation,
    project_name: r.project_name ?? (r.designation === 'single' ? '示范项目' : null),
    line: i + 2,
  }));
  await db.run(
    `INSERT INTO ${historyTable(regionsContract)} (region_code, region_name, province_code, level, batch, designation, project_name, _load_id, _line)
     SELECT region_code, region_name, province_code, level, batch, designation, project_name, 0, line
     FROM (SELECT unnest(from_json($rows, '[{"region_code":"VARCHAR","region_name":"VARCHAR","province_code":"VARCHAR","level":"VARCHAR","batch":"BIGINT","designation":"VARCHAR","project_name":"VARCHAR","line":"BIGINT"}]'), recursive := true))`,
    { rows: JSON.stringify(json) },
  );
}

export async function addFindings(
  db: Database,
  rows: Array<{ region_code: string; year: number; indicator_no: number; met: boolean; note?: string }>,
): Promise<void> {
  const json = rows.map((r, i) => ({ ...r, note: r.note ?? null, line: i + 2 }));
  await db.run(
    `INSERT INTO ${historyTable(spotcheckFindings)} (region_code, year, indicator_no, met, note, _load_id, _line)
     SELECT region_code, year, indicator_no, met, note, 0, line
     FROM (SELECT unnest(from_json($rows, '[{"region_code":"VARCHAR","year":"BIGINT","indicator_no":"BIGINT","met":"BOOLEAN","note":"VARCHAR","line":"BIGINT"}]'), recursive := true))`,
    { rows: JSON.stringify(json) },
  );
}

export async function addInspectors(
  db: Database,
  rows: Array<{ id: string; province: string; cap?: number; active?: boolean }>,
): Promise<void> {
  if (rows.length === 0) return;
  // one statement for all of them: a planned INSERT per inspector cost about 5 ms each, some 50 per test
  await db.run(
    `INSERT INTO inspectors SELECT * FROM (VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')})`,
    rows.flatMap((r) => [r.id, `督察员${r.id}`, r.province, r.cap ?? 10, r.active ?? true]),
  );
}

/** `perProvince` designated regions in each of the given two-digit provinces, batch 2022, codes pp01xx. */
export function designatedRegions(
  provinces: string[],
  perProvince: number,
  extra: Partial<RegionRow> = {},
): RegionRow[] {
  return provinces.flatMap((p) =>
    Array.from({ length: perProvince }, (_, i) => ({
      region_code: `${p}01${String(i + 1).padStart(2, '0')}`,
      batch: 2022,
      designation: 'comprehensive' as const,
      ...extra,
    })),
  );
}

/** Inspectors spread over provinces, `count` of them, ids I01.. */
export function inspectorSet(count: number, provinces: string[], cap = 10) {
  return Array.from({ length: count }, (_, i) => ({
    id: `I${String(i + 1).padStart(2, '0')}`,
    province: `${provinces[i % provinces.length]}0000`,
    cap,
  }));
}

export const SEED = '31415926535897932384626';
