export { Database, DatabaseBusyError, type Params, type Row } from './database.ts';
export { defaultDbPath, defaultInboxDir, repoRoot, sqlDir, dataDir } from './paths.ts';
export { sqlText, sqlHeader, sqlPath, SqlFileError } from './sql-files.ts';
