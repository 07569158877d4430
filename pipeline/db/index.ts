export { Database, DatabaseBusyError, DatabaseDamagedError, type Params, type Recovery, type Row } from './database.ts';
export { scratchRoot } from './scratch.ts';
export { defaultDbPath, defaultInboxDir, repoRoot, sqlDir, dataDir } from './paths.ts';
export { sqlText, sqlHeader, sqlPath, SqlFileError } from './sql-files.ts';
