// A full disk, told apart from every other failure (pipeline/db/storage-full.ts): Node's own ENOSPC, and DuckDB's IO
// errors as this machine's DuckDB wrote them when its write-ahead log filled a small tmpfs (tests/load/disk-full.test.ts
// fills one for real).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storageFull } from '../../pipeline/db/storage-full.ts';
import { SqlFileError } from '../../pipeline/db/index.ts';
import { fatalReport } from '../../pipeline/cli/context.ts';

/** What Node throws for a write that finds no space: a write to /dev/full (Linux) fails with ENOSPC. */
function nodeEnospc(): Error {
  try {
    writeFileSync('/dev/full', 'x');
  } catch (err) {
    return err as Error;
  }
  throw new Error('/dev/full accepted a write');
}

describe('a full disk', () => {
  it("is Node's ENOSPC, with the file when Node names one", () => {
    // a failed write names no file (the file was opened before it), a failed mkdir or open does
    expect(storageFull(nodeEnospc())).toEqual({ path: '' });
    const mkdir = Object.assign(new Error("ENOSPC: no space left on device, mkdir '/data/x.scratch'"), {
      code: 'ENOSPC',
      path: '/data/x.scratch',
    });
    expect(storageFull(mkdir)).toEqual({ path: '/data/x.scratch' });
    // Node's message passed on without its code (Chromium's PDF written through Playwright)
    expect(storageFull(new Error('page.pdf: ENOSPC: no space left on device, write'))).toEqual({ path: '' });
    const quota = Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' });
    expect(storageFull(quota)).toEqual({ path: '' });
  });

  it("is DuckDB's failed write, with the file it names, also as a SQL file's error", () => {
    const commit =
      'TransactionContext Error: Failed to commit: Could not write file "/mnt/tiny/s.duckdb.wal": No space left on device';
    expect(storageFull(new Error(commit))).toEqual({ path: '/mnt/tiny/s.duckdb.wal' });
    expect(storageFull(new SqlFileError('sql/load/start_load.sql', undefined, commit))).toEqual({
      path: '/mnt/tiny/s.duckdb.wal',
    });
    // a write cut short is the first sign of a full disk
    const short = 'IO Error: Could not write all bytes to file "/data/shifan.duckdb": wanted=262144 wrote=4096';
    expect(storageFull(new Error(short))).toEqual({ path: '/data/shifan.duckdb' });
  });

  it('is not any other failure, of a write or otherwise', () => {
    for (const other of [
      Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), { code: 'ENOENT', path: '/x' }),
      new Error('IO Error: Could not write file "/data/shifan.duckdb": Permission denied'),
      new Error('Binder Error: column "x" not found'),
      'No space left on device',
      undefined,
    ])
      expect(storageFull(other), String(other)).toBeUndefined();
  });
});

describe('what the command line says of a full disk', () => {
  const duck = (path: string) => new Error(`IO Error: Could not write file "${path}": No space left on device`);

  it('names the file and suggests --db only when the file is the database, its log or its scratch folder', () => {
    for (const path of ['/data/shifan.duckdb', '/data/shifan.duckdb.wal', '/data/shifan.duckdb.scratch/xlsx-1/a']) {
      const said = fatalReport(duck(path), 'zh');
      expect(said.code).toBe(1);
      expect(said.message).toContain(`磁盘空间不足，未能写入 ${path}。`);
      expect(said.message).toContain('--db');
    }
    const backup = fatalReport(duck('/mnt/backups/2026-12-01/flags.parquet'), 'en');
    expect(backup.message).toBe(
      'shifan: the disk is full: could not write /mnt/backups/2026-12-01/flags.parquet. The step that failed was not saved and the data saved before it is intact; free some space on that disk (or choose a place with room) and run it again\n',
    );
  });

  it('says a full disk without a file when the write named none', () => {
    expect(fatalReport(nodeEnospc(), 'zh').message).toBe(
      'shifan: 磁盘空间不足，写入失败。失败的这一步没有保存，此前已保存的数据不受影响；请腾出空间后重新运行\n',
    );
  });
});
