// The nightly backup (job `backup` of data/schedules.json): a snapshot into data/backups/shifan-YYYYMMDD-HHMMSS/
// (SHIFAN_BACKUP_DIR), keeping the newest N complete snapshots (SHIFAN_BACKUP_KEEP, default 7: a week of nights).
// Only folders of that name with a manifest are counted and removed; anything else in the folder is left alone.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { dataDir } from '../db/index.ts';
import { type BackupResult, backupDatabase, MANIFEST } from './snapshot.ts';

export const DEFAULT_KEEP = 7;
const NAME = /^shifan-\d{8}-\d{6}$/;

export function defaultBackupDir(): string {
  return process.env.SHIFAN_BACKUP_DIR ?? join(dataDir, 'backups');
}

export function defaultKeep(): number {
  const n = Number(process.env.SHIFAN_BACKUP_KEEP ?? DEFAULT_KEEP);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP;
}

/** shifan-YYYYMMDD-HHMMSS in UTC: sorts by time as text. */
export function snapshotName(now: Date): string {
  return `shifan-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;
}

export interface RotationResult extends BackupResult {
  removed: string[];
  kept: string[];
}

export async function rotatingBackup(
  db: Database,
  options: { dir?: string; keep?: number; now?: Date } = {},
): Promise<RotationResult> {
  const root = options.dir ?? defaultBackupDir();
  const keep = options.keep ?? defaultKeep();
  const now = options.now ?? new Date();
  // Two backups in the same second (a manual run right after the nightly one): the later takes the next second.
  let at = now.getTime();
  while (existsSync(join(root, snapshotName(new Date(at))))) at += 1000;
  const name = snapshotName(new Date(at));
  const result = await backupDatabase(db, join(root, name), now);
  const complete = readdirSync(root)
    .filter((f) => NAME.test(f) && existsSync(join(root, f, MANIFEST)))
    .sort();
  const removed = complete.slice(0, Math.max(0, complete.length - keep));
  for (const f of removed) rmSync(join(root, f), { recursive: true, force: true });
  // Leftovers of a backup that died mid-way (the export goes to a hidden .partial folder first).
  for (const f of readdirSync(root).filter((f) => f.startsWith('.') && f.includes('.partial-')))
    rmSync(join(root, f), { recursive: true, force: true });
  return { ...result, removed, kept: complete.slice(removed.length) };
}
