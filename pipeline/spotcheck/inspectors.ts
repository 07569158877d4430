// 双随机: the second random draw, of inspectors for each selected region, and the inspector register.
// Regions are served in draw order, so a region drawn earlier has first call on an inspector near their cap.
import { CodedError } from '../vocabulary/index.ts';
import type { Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import { compareTicketed, ticketOf } from './sampler.ts';

export const DEFAULT_TEAM_SIZE = 2;

export interface PoolInspector {
  inspector_id: string;
  home_province_code: string;
  load_cap: number;
  /** assignments already held in other committed, current draws of the same year */
  prior_load: number;
}

export interface Assignment {
  region_code: string;
  position: number;
  inspector_id: string;
  ticket: string;
}

/** Too few inspectors can go to a region: a coded error with the figures, worded by the vocabulary. */
export class InspectorShortageError extends CodedError {
  override name = 'InspectorShortageError';
}

/** The province of a region: its code's first two digits and 0000 (GB/T 2260; the regions contract enforces it). */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/**
 * For each region (in the order given), the inspectors in ascending ticket(seed_hash, region_code + "|" + id),
 * skipping anyone from the region's province and anyone already at their load cap; the first m make the team.
 */
export function assignInspectors(
  regionCodes: readonly string[],
  inspectors: readonly PoolInspector[],
  seedHash: string,
  teamSize: number,
): Assignment[] {
  if (!Number.isInteger(teamSize) || teamSize < 1) throw new CodedError('spotcheck.bad_team_size', { value: teamSize });
  const load = new Map(inspectors.map((i) => [i.inspector_id, i.prior_load]));
  const out: Assignment[] = [];
  for (const region of regionCodes) {
    const province = provinceOf(region);
    const ordered = inspectors
      .map((i) => ({ i, id: i.inspector_id, ticket: ticketOf(seedHash, `${region}|${i.inspector_id}`) }))
      .sort(compareTicketed);
    const team = ordered
      .filter((c) => c.i.home_province_code !== province && load.get(c.id)! < c.i.load_cap)
      .slice(0, teamSize);
    if (team.length < teamSize) {
      const conflicted = inspectors.filter((i) => i.home_province_code === province).length;
      const full = inspectors.filter(
        (i) => i.home_province_code !== province && load.get(i.inspector_id)! >= i.load_cap,
      ).length;
      throw new InspectorShortageError('spotcheck.inspector_shortage', {
        region,
        team: teamSize,
        can_go: team.length,
        active: inspectors.length,
        conflicted,
        province,
        full,
      });
    }
    team.forEach((c, k) => {
      load.set(c.id, load.get(c.id)! + 1);
      out.push({ region_code: region, position: k + 1, inspector_id: c.id, ticket: c.ticket });
    });
  }
  return out;
}

/** Active inspectors with their load in the year's other committed, current draws. */
export async function inspectorPool(db: Database, year: number, excludeDrawId: number): Promise<PoolInspector[]> {
  return db.allFile<PoolInspector>('spotcheck/inspector_pool', { year, draw_id: excludeDrawId });
}

export interface InspectorRow {
  inspector_id: string;
  name: string;
  home_province_code: string;
  load_cap: number;
  active: boolean;
}

export interface ImportResult {
  file: string;
  imported: number;
  total_active: number;
}

/**
 * Loads inspectors from a UTF-8 CSV with the header inspector_id,name,home_province_code,load_cap,active.
 * Rows replace earlier rows with the same inspector_id. Any bad row refuses the whole file, naming its line and
 * every bad cell of it.
 */
export async function importInspectors(
  db: Database,
  path: string,
  actor: string,
  /** How the refusal names the file (an upload's own name rather than its temporary path). */
  fileName = path,
): Promise<ImportResult> {
  const rows = await db.allFile<
    InspectorRow & { line: number; problems: Array<{ code: string; value: string }>; copies: number }
  >('spotcheck/inspectors_read', { path });
  const bad = rows.filter((r) => r.problems.length > 0);
  if (bad.length > 0) {
    // every bad cell of a row, not only its first: a row fixed one cell at a time would come back again and again
    const cells = bad.flatMap((r) =>
      r.problems.map((p) => ({
        code: `inspectors.${p.code}`,
        params: { file: fileName, line: Number(r.line), value: p.value, copies: Number(r.copies) },
      })),
    );
    throw new CodedError('inspectors.bad_rows', { file: fileName, count: bad.length, problems: cells.slice(0, 40) });
  }
  return db.transaction(async () => {
    const clean: InspectorRow[] = rows.map(({ inspector_id, name, home_province_code, load_cap, active }) => ({
      inspector_id,
      name,
      home_province_code,
      load_cap,
      active,
    }));
    await db.runFile('spotcheck/inspectors_upsert', { rows: JSON.stringify(clean) });
    const active = await db.one<{ n: number }>('SELECT count(*) AS n FROM inspectors WHERE active');
    const ids = rows.map((r) => r.inspector_id).sort();
    await appendAudit(db, {
      action: 'spotcheck.inspectors_import',
      actor,
      subject: 'inspectors',
      details: { file: path, inspector_ids: ids },
    });
    return { file: path, imported: rows.length, total_active: active?.n ?? 0 };
  });
}
