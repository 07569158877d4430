// The disk fills during a load: the command says so in the user's language and names the file DuckDB could not
// write, the load is marked interrupted (not "file unreadable": the file is fine), nothing loaded before is lost, and
// the same file loads once there is room. A real full disk: the database on a small tmpfs (tests/support/small-disk.ts),
// which needs root; elsewhere the file is skipped with a message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import { fatalReport } from '../../pipeline/cli/context.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { runCli } from '../cli/run-cli.ts';
import { mountSmallDisk } from '../support/small-disk.ts';
import { writeDecisions } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'shifan-disk-full-'));
const disk = mountSmallDisk('64m', 'tests/load/disk-full.test.ts');

describe.runIf(disk)('a disk that fills during a load', () => {
  const dbPath = join(disk?.dir ?? '', 'full.duckdb');
  let db: Database;
  let failure: unknown;

  beforeAll(async () => {
    db = await freshDatabase(dbPath);
    expect(
      await ingestFile(db, await writeDecisions(join(work, 'enforcement_decisions_a.csv'), 500, 'A')),
    ).toMatchObject({
      status: 'loaded',
      loaded: 500,
    });
    // room for about 200 KB more: the next file's commit (tens of MB of log) cannot be written
    disk!.resize(`${disk!.usedKb() + 200}k`);
    const big = await writeDecisions(join(work, 'enforcement_decisions_b.csv'), 200_000, 'B');
    failure = await ingestFile(db, big).then(
      () => undefined,
      (err: unknown) => err,
    );
  }, 120_000);

  afterAll(() => {
    db?.close();
    disk?.unmount();
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
    disk!.resize('256m');
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

  it('shows the cut-off load and why in `shifan loads`, in Chinese and in English', async () => {
    db.close();
    const zh = await runCli(['--db', dbPath, 'loads']);
    const cutOff = zh.stdout.split('\n').find((line) => line.includes('已中断'));
    expect(cutOff).toContain('enforcement_decisions_b.csv');
    expect(cutOff).toContain('磁盘空间不足，这次装载没有保存，已有的数据不受影响；腾出空间后重新装载该文件即可');
    const en = await runCli(['--db', dbPath, '--lang', 'en', 'loads']);
    expect(en.stdout).toContain('the disk was full, so this load was not saved');
    expect(en.stdout.split('\n')[0]).toMatch(/^Load +File +Dataset +Status/);
    db = await openPreparedDatabase(dbPath);
  });
});
