// A load killed in the middle of its transaction leaves nothing half-written, and the next ingest says so.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import iconv from 'iconv-lite';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database, repoRoot, scratchRoot } from '../../pipeline/db/index.ts';
import { ingestFile } from '../../pipeline/load/index.ts';
import { decisionHeader, workspace, writeDecisions, type Workspace } from './fixtures.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

const shifan = join(repoRoot, 'bin', 'shifan.mjs');
let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => ws.close());

/** Runs `shifan ingest` and kills it with SIGKILL once it reports the given phase (SHIFAN_PROFILE). */
function ingestAndKillAt(db: string, file: string, phase: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [shifan, '--db', db, 'ingest', file], {
      env: { ...process.env, SHIFAN_PROFILE: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes(`${phase}:`)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`not killed; stderr: ${stderr}`)),
    );
  });
}

/** A GB18030 file: the loader decodes it into a UTF-8 copy in the database's scratch folder before reading. */
async function bigGbkFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(iconv.encode(`${decisionHeader}\n`, 'gb18030'));
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) chunk.push(`K${i},110101,市场监督管理局,license,2024-01-05,2024-01-08,0,1\n`);
  out.write(iconv.encode(chunk.join(''), 'gb18030'));
  out.end();
  await once(out, 'finish');
}

describe('a killed load', () => {
  it('is marked interrupted by the next command that opens the database, which says so, and its scratch files are removed', async () => {
    const dbPath = ws.db.path;
    ws.db.close();
    const file = join(ws.dir, 'enforcement_decisions_gbk.csv');
    await bigGbkFile(file, 200_000);
    await ingestAndKillAt(dbPath, file, 'typed');
    // The scratch folder the dead process was decoding into is still there.
    expect(existsSync(scratchRoot(dbPath))).toBe(true);

    const result = spawnSync(process.execPath, [shifan, '--db', dbPath, '--lang', 'zh', 'loads', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    // in the command's language, like the rest of what it says
    expect(result.stderr).toContain(
      '（enforcement_decisions_gbk.csv）所在的进程已结束，未完成：已标记为中断，其数据均未保留',
    );
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ status: 'interrupted' });
    expect(existsSync(scratchRoot(dbPath))).toBe(false);

    const db = await Database.open(dbPath);
    try {
      expect(db.recovery.interruptedLoads).toEqual([]);
      expect(await db.all('SELECT status, message FROM load_log')).toEqual([
        {
          status: 'interrupted',
          message: 'the loading process ended before the load committed; nothing of it was kept',
        },
      ]);
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM enforcement_decisions_history'))!.n).toBe(0);
    } finally {
      db.close();
      ws.db = await Database.open(join(ws.dir, 'other.duckdb'));
    }
  }, 180_000);

  it('leaves no rows and no rejects behind, and a new ingest loads the file', async () => {
    const dbPath = ws.db.path;
    ws.db.close();
    const file = join(ws.dir, 'enforcement_decisions_big.csv');
    await writeDecisions(file, 200_000);
    await ingestAndKillAt(dbPath, file, 'inserted');

    const db = await openPreparedDatabase(dbPath);
    try {
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM enforcement_decisions_history'))!.n).toBe(0);
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM rejects'))!.n).toBe(0);
      expect(await db.one('SELECT status FROM load_log')).toEqual({ status: 'interrupted' });
      const again = await ingestFile(db, file);
      expect(again).toMatchObject({ status: 'loaded', loaded: 200_000 });
      expect(await db.all('SELECT status FROM load_log ORDER BY load_id')).toEqual([
        { status: 'interrupted' },
        { status: 'loaded' },
      ]);
    } finally {
      db.close();
      ws.db = await openPreparedDatabase(join(ws.dir, 'other.duckdb'));
    }
  }, 180_000);
});

describe('a busy database', () => {
  it('makes a second process say which process holds it and exit with status 3', async () => {
    const dbPath = ws.db.path;
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const { DuckDBInstance } = await import('@duckdb/node-api');
      await DuckDBInstance.create(${JSON.stringify(dbPath)});
      console.log('holding'); setTimeout(() => {}, 20000);
    `,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    ws.db.close();
    try {
      await new Promise<void>((resolve) => holder.stdout!.on('data', () => resolve()));
      const result = spawnSync(process.execPath, [shifan, '--db', dbPath, 'loads'], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(3);
      expect(result.stderr).toContain(`(PID ${holder.pid})`);
      expect(result.stderr).toContain('is in use by');
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
      ws.db = await openPreparedDatabase(join(ws.dir, 'other.duckdb'));
    }
  });
});
