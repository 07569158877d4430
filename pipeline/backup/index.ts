export { type RestoreResult, restoreDatabase, SnapshotError, verifySnapshot } from './restore.ts';
export {
  DEFAULT_KEEP,
  defaultBackupDir,
  defaultKeep,
  type RotationResult,
  rotatingBackup,
  snapshotName,
} from './rotation.ts';
export {
  type BackupResult,
  backupDatabase,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST,
  type Manifest,
  type ManifestFile,
  sha256File,
} from './snapshot.ts';
