// The rejects store: every refused record kept verbatim with file, line, column and reason.
import type { Database } from '../db/index.ts';

export interface RejectRow {
  line: number | null;
  column_name: string | null;
  code: string;
  value: string | null;
  message: string;
  raw: string | null;
}

export async function writeRejects(db: Database, loadId: number, file: string, rows: RejectRow[]): Promise<void> {
  if (rows.length === 0) return;
  const appender = await db.connection.createAppender('rejects');
  for (const r of rows) {
    appender.appendInteger(loadId);
    appender.appendVarchar(file);
    if (r.line === null) appender.appendNull();
    else appender.appendBigInt(BigInt(r.line));
    if (r.column_name === null) appender.appendNull();
    else appender.appendVarchar(r.column_name);
    appender.appendVarchar(r.code);
    if (r.value === null) appender.appendNull();
    else appender.appendVarchar(r.value);
    appender.appendVarchar(r.message);
    if (r.raw === null) appender.appendNull();
    else appender.appendVarchar(r.raw);
    appender.endRow();
  }
  appender.closeSync();
}
