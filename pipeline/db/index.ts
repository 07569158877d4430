export { Database, DatabaseBusyError, type Params, type Row } from './database.ts';
export { dataDir, defaultDbPath, defaultInboxDir, repoRoot, sqlDir } from './paths.ts';
export { SqlFileError, sqlHeader, sqlPath, sqlText } from './sql-files.ts';
