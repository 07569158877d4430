// A first setup cut off by a full disk before its first checkpoint left a write-ahead log DuckDB 1.5.6 cannot
// replay (duckdb/duckdb#19712): every later command failed with "Failure while replaying WAL file … GetDefaultDatabase",
// even with room again. The next open now moves that log aside (kept, not deleted), says so in the user's language,
// and the setup runs again. A real full disk (tests/support/small-disk.ts): root only, else skipped with a message.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, decisionHeader } from '../load/fixtures.ts';
import { runCli } from '../cli/run-cli.ts';
import { mountSmallDisk } from '../support/small-disk.ts';

const disk = mountSmallDisk('1m', 'tests/db/first-setup-full-disk.test.ts');

describe.runIf(disk)('a first setup on a disk that is full', () => {
  afterAll(() => disk?.unmount());
  const db = join(disk?.dir ?? '', 'new.duckdb');

  it('fails saying the disk is full, and the next command with room sets the log aside and works', async () => {
    const first = await runCli(['--db', db, 'loads']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('磁盘空间不足');
    expect(existsSync(`${db}.wal`)).toBe(true);

    disk!.resize('64m');
    const next = await runCli(['--db', db, 'loads']);
    expect(next.code, next.stderr).toBe(0);
    const aside = readdirSync(disk!.dir).find((f) => f.startsWith('new.duckdb.wal.unreplayable-'));
    expect(aside).toBeDefined();
    expect(next.stderr).toContain(
      `数据库的首次准备没有完成（磁盘已满，或进程提前结束），其日志无法重放，已移到 ${join(disk!.dir, aside!)}`,
    );

    // the database is whole: a file loads, and the notice is not said again
    const file = join(disk!.dir, 'enforcement_decisions_x.csv');
    writeFileSync(file, csv(decisionHeader, 'X1,110101,bureau,license,2024-01-05,2024-01-08,0,1'));
    const loaded = await runCli(['--db', db, '--lang', 'en', 'ingest', file]);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(/enforcement_decisions_x\.csv +enforcement_decisions +Loaded +1 +0/);
    expect(loaded.stderr).not.toContain('first setup');
  }, 120_000);
});
