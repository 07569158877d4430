export { backupDatabase, sha256File, MANIFEST, FORMAT, FORMAT_VERSION, type BackupResult, type Manifest, type ManifestFile } from './snapshot.ts';
export { restoreDatabase, verifySnapshot, SnapshotError, type RestoreResult } from './restore.ts';
export { rotatingBackup, defaultBackupDir, defaultKeep, snapshotName, DEFAULT_KEEP, type RotationResult } from './rotation.ts';
