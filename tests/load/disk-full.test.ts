// The disk fills during a load: the command says so in the user's language and names the file DuckDB could not
// write, the load is marked interrupted (not "file unreadable": the file is fine), nothing loaded before is lost, and
// the same file loads once there is room. A real full disk: the database on a small tmpfs, which needs root (mount);
// elsewhere the file is skipped with a message.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, statfsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import { fatalReport } from '../../pipeline/cli/context.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { decisionHeader } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'shifan-disk-full-'));
const disk = join(work, 'disk');

/** Mounts a tmpfs of SIZE at the disk folder (or resizes it); false when this process may not mount. */
function mountDisk(size: string, remount = false): boolean {
  try {
    const options = remount ? `remount,size=${size}` : `size=${size}`;
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', disk], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

mkdirSync(disk);
const mounted = process.platform === 'linux' && process.getuid?.() === 0 && mountDisk('64m');
if (!mounted) console.warn('tests/load/disk-full.test.ts skipped: filling a real disk needs root and mount (tmpfs)');

async function decisionsFile(path: string, rows: number, prefix: string): Promise<string> {
  const out = createWriteStream(path);
  out.write(`${decisionHeader}\n`);
  for (let i = 0; i < rows; i++) out.write(`${prefix}${i},110101,市场监督管理局,license,2024-01-05,2024-01-08,0,1\n`);
  out.end();
  await once(out, 'finish');
  return path;
}

describe.runIf(mounted)('a disk that fills during a load', () => {
  const dbPath = join(disk, 'full.duckdb');
  let db: Database;
  let failure: unknown;

  beforeAll(async () => {
    db = await freshDatabase(dbPath);
    expect(
      await ingestFile(db, await decisionsFile(join(work, 'enforcement_decisions_a.csv'), 500, 'A')),
    ).toMatchObject({
      status: 'loaded',
      loaded: 500,
    });
    // room for about 200 KB more: the next file's commit (tens of MB of log) cannot be written
    const { bsize, blocks, bfree } = statfsSync(disk);
    const usedKb = Math.ceil(((blocks - bfree) * bsize) / 1024);
    expect(mountDisk(`${usedKb + 200}k`, true)).toBe(true);
    const big = await decisionsFile(join(work, 'enforcement_decisions_b.csv'), 200_000, 'B');
    failure = await ingestFile(db, big).then(
      () => undefined,
      (err: unknown) => err,
    );
  }, 120_000);

  afterAll(() => {
    db?.close();
    execFileSync('umount', [disk]);
  });

  it('stops the load with a message in Chinese or English that names the file DuckDB could not write', () => {
    expect(failure).toBeInstanceOf(Error);
    const zh = fatalReport(failure, 'zh');
    const en = fatalReport(failure, 'en');
    expect(zh.code).toBe(1);
    expect(zh.message).toMatch(
      new RegExp(`^shifan: 磁盘空间不足，未能写入 ${dbPath}(\\.wal)?。失败的这一步没有保存，此前已保存的数据不受影响`),
    );
    expect(en.message).toMatch(new RegExp(`^shifan: the disk is full: could not write ${dbPath}(\\.wal)?\\.`));
  });

  it('keeps every row loaded before, and marks the cut-off load interrupted once there is room', async () => {
    expect(mountDisk('256m', true)).toBe(true);
    db.close();
    db = await openPreparedDatabase(dbPath);
    const loads = await db.all(`SELECT file_name, status, message_code, loaded FROM load_log ORDER BY load_id`);
    expect(loads).toEqual([
      { file_name: 'enforcement_decisions_a.csv', status: 'loaded', message_code: null, loaded: 500 },
      // marked with its reason on the full disk: the rolled-back commit left room for the mark's few bytes
      { file_name: 'enforcement_decisions_b.csv', status: 'interrupted', message_code: 'storage_full', loaded: 0 },
    ]);
    expect(
      await db.all(`SELECT left(case_id, 1) AS batch, count(*)::INT AS n FROM enforcement_decisions GROUP BY 1`),
    ).toEqual([{ batch: 'A', n: 500 }]);
  });

  it('loads the same file once there is room', async () => {
    const result = await ingestFile(db, join(work, 'enforcement_decisions_b.csv'));
    expect(result).toMatchObject({ status: 'loaded', loaded: 200_000, rejected: 0 });
  }, 120_000);
});
