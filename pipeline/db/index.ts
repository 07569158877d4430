export { Database, DatabaseBusyError, DatabaseDamagedError, type Params, type Recovery, type Row } from './database.ts';
export { dataDir, defaultDbPath, defaultInboxDir, repoRoot, sqlDir } from './paths.ts';
export { scratchRoot } from './scratch.ts';
export { SqlFileError, sqlHeader, sqlPath, sqlText } from './sql-files.ts';
