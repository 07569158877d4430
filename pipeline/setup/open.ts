// Opening the database ready for work: the schema first (pipeline/db knows only its own tables), then the
// reference files under data/ mirrored into their tables (the working-day calendar and the divisions), a no-op
// costing one small query each when the files are unchanged. The ground floor never reaches up to the calendar
// or the reference data; setup, which stands above both, puts them together.
import { Database } from '../db/index.ts';
import { refreshReferenceData } from '../reference/index.ts';

export async function openPreparedDatabase(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
  const db = await Database.open(path, options);
  if (options.readOnly) return db;
  try {
    await refreshReferenceData(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
