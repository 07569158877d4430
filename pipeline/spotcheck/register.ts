// The inspector register as the dashboard edits it: the list with each inspector's load in the year, a change of
// load cap or active flag (audited), and an import from CSV text (written to a temp file and read by the same
// checked reader as `shifan spotcheck inspectors import`, so a bad row refuses the file naming its line).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { appendAudit } from '../audit/index.ts';
import { CodedError } from '../vocabulary/index.ts';
import { importInspectors, type ImportResult, type InspectorRow } from './inspectors.ts';

export interface RegisterRow extends InspectorRow {
  /** teams held in the year's committed, current draws */
  load_this_year: number;
}

/** No inspector of that id: a coded error (404 by its code, not by this class's name). */
export class InspectorNotFoundError extends CodedError {
  override name = 'InspectorNotFoundError';
  constructor(id: string) {
    super('inspector.not_found', { id });
  }
}

export async function listInspectors(db: Database, year: number): Promise<RegisterRow[]> {
  return db.allFile<RegisterRow>('spotcheck/inspectors_list', { year });
}

/** Changes one inspector's load cap and/or active flag; the audit entry records both values before and after. */
export async function updateInspector(
  db: Database,
  id: string,
  change: { load_cap?: number; active?: boolean },
  actor: string,
): Promise<InspectorRow> {
  if (change.load_cap !== undefined && (!Number.isInteger(change.load_cap) || change.load_cap < 0)) {
    throw new CodedError('inspector.bad_load_cap', { value: change.load_cap });
  }
  return db.transaction(async () => {
    const [before] = await db.allFile<InspectorRow>('spotcheck/inspector_one', { inspector_id: id });
    if (!before) throw new InspectorNotFoundError(id);
    const after = { ...before, load_cap: change.load_cap ?? before.load_cap, active: change.active ?? before.active };
    await db.runFile('spotcheck/inspector_update', {
      inspector_id: id,
      load_cap: after.load_cap,
      active: after.active,
    });
    await appendAudit(db, {
      action: 'spotcheck.inspector_update',
      actor,
      subject: `inspector:${id}`,
      details: { load_cap: [before.load_cap, after.load_cap], active: [before.active, after.active] },
    });
    return after;
  });
}

/** Imports inspectors from CSV text (header inspector_id,name,home_province_code,load_cap,active). */
export async function importInspectorsText(
  db: Database,
  text: string,
  fileName: string,
  actor: string,
): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-inspectors-'));
  const path = join(dir, fileName.replace(/[^\p{L}\p{N}._-]/gu, '_') || 'inspectors.csv');
  try {
    writeFileSync(path, text.replace(/^\uFEFF/, ''), 'utf8');
    const result = await importInspectors(db, path, actor, fileName);
    return { ...result, file: fileName };
  } catch (err) {
    // the reader names the temp path; the user knows the file by the name they chose
    if (err instanceof Error) err.message = err.message.split(path).join(fileName);
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
