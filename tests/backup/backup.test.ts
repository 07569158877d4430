// Backup and restore (issue 10, finding 9): a snapshot taken through a serving app's writer lane restores into a
// new file with the same rows and the same indicators; a damaged snapshot and a damaged database are refused in
// plain words; the nightly job keeps the newest N.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Manifest,
  restoreDatabase,
  rotatingBackup,
  SnapshotError,
  verifySnapshot,
} from '../../pipeline/backup/index.ts';
import { storageFull } from '../../pipeline/db/storage-full.ts';
import { Database, DatabaseDamagedError, repoRoot } from '../../pipeline/db/index.ts';
import { publicShape, readIndicators } from '../../pipeline/indicators/index.ts';
import { type Ctx, closeApp, demoApp, get, login, post } from '../api/helper.ts';
import { DEMO_TIMEOUT } from '../support/demo-cache.ts';
import { mountSmallDisk } from '../support/small-disk.ts';

const shifan = join(repoRoot, 'bin', 'shifan.mjs');
let ctx: Ctx;
let backups: string;
let snapshot: string;
let manifest: Manifest;

const DATA_TABLES = [
  'enforcement_decisions_history',
  'litigation_cases_history',
  'regions_history',
  'load_log',
  'rejects',
  'indicator_values',
  'scorecard',
  'flags',
  'flag_evidence',
];

async function counts(db: Database, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n;
  return out;
}

beforeAll(async () => {
  backups = mkdtempSync(join(tmpdir(), 'shifan-backups-'));
  process.env.SHIFAN_BACKUP_DIR = backups;
  ctx = await demoApp();
  const central = await login(ctx.app, 'central');
  // The backup job asked for over the API while other requests are being answered.
  const [run, ...reads] = await Promise.all([
    post(ctx.app, central, '/api/jobs/backup/run'),
    ...Array.from({ length: 5 }, () => get(ctx.app, central, '/api/overview')),
  ]);
  expect(run.statusCode, run.body).toBe(200);
  expect(run.json()).toMatchObject({ job_id: 'backup', status: 'ok' });
  for (const r of reads) expect(r.statusCode).toBe(200);
  const [name] = readdirSync(backups);
  snapshot = join(backups, name);
  manifest = await verifySnapshot(snapshot);
}, DEMO_TIMEOUT);

afterAll(async () => {
  delete process.env.SHIFAN_BACKUP_DIR;
  await closeApp(ctx);
});

describe('a backup taken while serving', () => {
  it('is one Parquet file per table plus the schema, with row counts and SHA-256 in the manifest', async () => {
    const parquet = manifest.files.filter((f) => f.file.endsWith('.parquet')).map((f) => f.file);
    expect(parquet).toEqual(expect.arrayContaining(DATA_TABLES.map((t) => `${t}.parquet`)));
    expect(manifest.files.map((f) => f.file)).toEqual(expect.arrayContaining(['schema.sql', 'load.sql']));
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tables).toMatchObject(await counts(ctx.db, DATA_TABLES));
    // Parquet as it is, readable by any engine: DuckDB reads the history table without shifan.
    const rows = await ctx.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet('${join(snapshot, 'enforcement_decisions_history.parquet')}')`,
    );
    expect(rows!.n).toBe(manifest.tables.enforcement_decisions_history);
  });

  it('restores into a new file with the same row counts and the same indicators --json output', async () => {
    const target = join(ctx.dir, 'restored.duckdb');
    const result = await restoreDatabase(snapshot, target);
    expect(result.tables).toMatchObject(manifest.tables);
    const restored = await Database.open(target);
    let original: string;
    try {
      expect(await counts(restored, DATA_TABLES)).toEqual(await counts(ctx.db, DATA_TABLES));
      original = JSON.stringify((await readIndicators(ctx.db, 2024)).map(publicShape), null, 2);
      expect(JSON.stringify((await readIndicators(restored, 2024)).map(publicShape), null, 2)).toBe(original);
    } finally {
      restored.close();
    }
    // And the command itself, on the restored file.
    const cli = spawnSync(process.execPath, [shifan, '--db', target, 'indicators', '--year', '2024', '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toBe(`${original}\n`);
  }, 180_000);

  it('never restores over an existing database file', async () => {
    await expect(restoreDatabase(snapshot, ctx.db.path)).rejects.toThrow(/已存在.*never writes over/s);
  });

  it('refuses a snapshot with a truncated file, naming the file, and leaves no database behind', async () => {
    const damaged = join(ctx.dir, 'damaged-snapshot');
    cpSync(snapshot, damaged, { recursive: true });
    const file = join(damaged, 'enforcement_decisions_history.parquet');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const target = join(ctx.dir, 'from-damaged.duckdb');
    await expect(restoreDatabase(damaged, target)).rejects.toThrow(
      new RegExp(`备份文件已损坏或被截断：${file}.*damaged or truncated: ${file}`, 's'),
    );
    expect(existsSync(target)).toBe(false);
  });

  it('says a restore onto a full disk is a full disk, not a bad snapshot, and leaves no database behind', async () => {
    const disk = mountSmallDisk('2m', 'tests/backup/backup.test.ts, a restore onto a full disk');
    if (!disk) return;
    try {
      const target = join(disk.dir, 'restored.duckdb');
      const failure = await restoreDatabase(snapshot, target).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).not.toBeInstanceOf(SnapshotError);
      expect(storageFull(failure)).toBeDefined();
      expect(readdirSync(disk.dir)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it('refuses a snapshot without its manifest', async () => {
    await expect(restoreDatabase(ctx.dir, join(ctx.dir, 'x.duckdb'))).rejects.toThrow(/manifest\.json/);
  });
});

describe('a damaged database file', () => {
  it('is refused in plain words pointing to shifan restore, by Database.open and by the command line (exit 4)', async () => {
    const target = join(ctx.dir, 'restored-for-damage.duckdb');
    await restoreDatabase(snapshot, target);
    const truncated = join(ctx.dir, 'truncated.duckdb');
    copyFileSync(target, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size * 0.6));
    await expect(Database.open(truncated)).rejects.toThrow(DatabaseDamagedError);
    await expect(Database.open(truncated)).rejects.toThrow(/可能已损坏或被截断.*shifan restore/s);
    const cli = spawnSync(process.execPath, [shifan, '--db', truncated, 'loads'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status).toBe(4);
    expect(cli.stderr).toContain('cannot be opened: it looks damaged or truncated');
    expect(cli.stderr).toContain('shifan restore BACKUP_DIR --db NEW_FILE');
    expect(cli.stderr).not.toMatch(/^IO Error/m);
  }, 180_000);

  it('a whole database file still opens (the completeness check has no false alarm)', async () => {
    const target = join(ctx.dir, 'whole.duckdb');
    await restoreDatabase(snapshot, target);
    const db = await Database.open(target);
    db.close();
  });
});

describe('the nightly backup', () => {
  it('keeps the newest N snapshots and removes older ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifan-rotation-'));
    for (const day of [1, 2, 3])
      await rotatingBackup(ctx.db, { dir, keep: 2, now: new Date(Date.UTC(2026, 0, day, 17, 30)) });
    expect(readdirSync(dir).sort()).toEqual(['shifan-20260102-173000', 'shifan-20260103-173000']);
  }, 120_000);
});
