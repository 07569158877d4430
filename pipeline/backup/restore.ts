// `shifan restore DIR [--db NEW]`: checks a snapshot against its manifest (every file present, of the listed size
// and SHA-256; nothing but what the manifest lists), imports it into a NEW database file (never over an existing
// one, good or damaged: that one is moved aside by hand), then checks every table's row count against the
// manifest. Anything wrong removes the half-made file and says which file of the snapshot is at fault.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database, sqlText } from '../db/index.ts';
import { storageFull } from '../db/storage-full.ts';
import { FORMAT, MANIFEST, type Manifest, sha256File } from './snapshot.ts';

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

export interface RestoreResult {
  db: string;
  tables: Record<string, number>;
  ms: number;
}

const bad = (zh: string, en: string) => new SnapshotError(`${zh} (${en})`);

/** Reads and checks the manifest and every file it lists; returns the manifest when the snapshot is whole. */
export async function verifySnapshot(dirArg: string): Promise<Manifest> {
  const dir = resolve(dirArg);
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath))
    throw bad(
      `备份目录 ${dir} 中没有 ${MANIFEST}，不是完整的备份`,
      `${dir} has no ${MANIFEST}; it is not a complete backup`,
    );
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (err) {
    throw bad(
      `${manifestPath} 无法读取，备份已损坏`,
      `${manifestPath} cannot be read, the backup is damaged: ${(err as Error).message}`,
    );
  }
  if (manifest.format !== FORMAT || !Array.isArray(manifest.files) || typeof manifest.tables !== 'object') {
    throw bad(`${manifestPath} 不是 shifan 备份清单`, `${manifestPath} is not a shifan backup manifest`);
  }
  for (const f of manifest.files) {
    const path = join(dir, f.file);
    if (f.file.includes('/') || f.file.includes('\\') || f.file === MANIFEST)
      throw bad(`清单中的文件名无效：${f.file}`, `invalid file name in the manifest: ${f.file}`);
    if (!existsSync(path)) throw bad(`备份文件缺失：${path}`, `a file of the backup is missing: ${path}`);
    const size = statSync(path).size;
    if (size !== f.bytes) {
      throw bad(
        `备份文件已损坏或被截断：${path}（${size} 字节，应为 ${f.bytes} 字节）`,
        `a file of the backup is damaged or truncated: ${path} has ${size} bytes, the manifest says ${f.bytes}`,
      );
    }
    if ((await sha256File(path)) !== f.sha256) {
      throw bad(
        `备份文件已损坏：${path}（SHA-256 与清单不符）`,
        `a file of the backup is damaged: ${path} does not match its SHA-256 in the manifest`,
      );
    }
  }
  const listed = new Set([MANIFEST, ...manifest.files.map((f) => f.file)]);
  const extra = readdirSync(dir).filter((f) => !listed.has(f));
  if (extra.length)
    throw bad(
      `备份目录中有清单之外的文件：${extra.join(', ')}`,
      `the backup folder holds files the manifest does not list: ${extra.join(', ')}`,
    );
  return manifest;
}

/** Verifies the snapshot, imports it into `target` (which must not exist) and checks the row counts. */
export async function restoreDatabase(dirArg: string, targetArg: string): Promise<RestoreResult> {
  const started = performance.now();
  const dir = resolve(dirArg);
  const target = resolve(targetArg);
  if (existsSync(target)) {
    throw bad(
      `目标数据库 ${target} 已存在，恢复不会覆盖已有文件；请用 --db 指定一个新文件（或先把旧文件移走）`,
      `the target database ${target} exists; restore never writes over a database file: give a new one with --db (or move the old one aside first)`,
    );
  }
  const manifest = await verifySnapshot(dir);
  let imported = false;
  try {
    const instance = await DuckDBInstance.create(target);
    const connection = await instance.connect();
    try {
      // The folder is a literal: IMPORT DATABASE takes no parameters. Checked above, quotes doubled.
      await connection.run(`IMPORT DATABASE '${dir.replace(/'/g, "''")}'`);
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    imported = true;
    const db = await Database.open(target);
    try {
      const tables: Record<string, number> = {};
      for (const r of await db.all<{ name: string }>(sqlText('backup/table_counts'))) {
        tables[r.name] = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM "${r.name.replace(/"/g, '""')}"`))!.n;
      }
      for (const [name, n] of Object.entries(manifest.tables)) {
        if (tables[name] !== n) {
          throw bad(
            `恢复后表 ${name} 有 ${tables[name] ?? 0} 行，清单记载 ${n} 行`,
            `after the restore table ${name} has ${tables[name] ?? 0} rows, the manifest says ${n}`,
          );
        }
      }
      return { db: target, tables, ms: performance.now() - started };
    } finally {
      db.close();
    }
  } catch (err) {
    rmSync(target, { force: true });
    rmSync(`${target}.wal`, { force: true });
    // the disk's fault, not the snapshot's: said as a full disk (pipeline/db/storage-full.ts)
    if (err instanceof SnapshotError || storageFull(err)) throw err;
    throw bad(
      `从 ${dir} 恢复失败${imported ? '' : '（导入出错）'}`,
      `restoring from ${dir} failed: ${(err as Error).message}`,
    );
  }
}
