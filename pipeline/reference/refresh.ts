// Reference data that lives as files under data/ and is mirrored into tables when setup opens the database
// (pipeline/setup/open.ts, after the schema migrations). Each step is a no-op when its files are unchanged.
import type { Database } from '../db/database.ts';
import { refreshCalendarTable } from '../calendar/calendar-table.ts';
import { refreshDivisionsTable } from './divisions-table.ts';

export async function refreshReferenceData(db: Database): Promise<void> {
  await refreshCalendarTable(db);
  await refreshDivisionsTable(db);
}
