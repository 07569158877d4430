// A first `npm start` that is stopped midway (Ctrl-C while the demo loads, a closed terminal, a killed process) must
// leave a database the next start can open and finish: the schema is in the database file before any load
// (pipeline/db/migrate.ts checkpoints after migrating), and the sample's setup takes up where it stopped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { hasRefreshed } from '../../pipeline/indicators/index.ts';
import { ensureSampleData, FIRST_RUN_STEPS } from '../../pipeline/setup/first-run.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { copyDemo, DEMO_TIMEOUT } from '../support/demo-cache.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shifan-first-run-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a process killed right after it made a new database', () => {
  it('leaves a database the next command opens, with its schema and reference data', async () => {
    const path = join(work, 'killed.duckdb');
    // a process of its own that makes the database and is killed (SIGKILL: nothing closed, nothing checkpointed)
    const script = `const { openPreparedDatabase } = await import(${JSON.stringify(join(ROOT, 'pipeline/setup/open.ts'))});
      await openPreparedDatabase(${JSON.stringify(path)});
      process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    const db = await openPreparedDatabase(path);
    try {
      const n = await db.one<{ divisions: number; migrations: number }>(
        'SELECT (SELECT count(*) FROM divisions) AS divisions, (SELECT count(*) FROM schema_migrations) AS migrations',
      );
      expect(n?.divisions).toBe(3216);
      expect(n?.migrations).toBeGreaterThan(10);
    } finally {
      db.close();
    }
  });
});

describe('a first setup stopped after the demo was loaded, before the refresh', () => {
  let db: Database;
  beforeAll(async () => {
    // the cache's 'loaded' stage is exactly that database: every demo file loaded, nothing refreshed
    const path = join(work, 'stopped.duckdb');
    await copyDemo({ seed: 1, filesDir: join(work, 'cached-files'), database: path, stage: 'loaded' });
    db = await openPreparedDatabase(path);
  }, DEMO_TIMEOUT);
  afterAll(() => db?.close());

  it(
    'is taken up again by the next start: the loaded files skipped as the same content, then the rest',
    async () => {
      expect(await hasRefreshed(db)).toBe(false);
      const steps: string[] = [];
      const saved = process.env.SHIFAN_INBOX;
      process.env.SHIFAN_INBOX = join(work, 'inbox');
      try {
        const report = await ensureSampleData(db, { seed: 1, onStep: (s) => steps.push(s) });
        expect(report).toMatchObject({ fresh: true, resumed: true });
        expect(steps).toEqual(FIRST_RUN_STEPS);
        const demoFiles = report.demo!.results.filter((r) => !r.file.startsWith('naming_'));
        expect(demoFiles.length).toBe(report.demo!.files);
        expect(demoFiles.filter((r) => r.status !== 'skipped').map((r) => r.file)).toEqual([]);
      } finally {
        if (saved === undefined) delete process.env.SHIFAN_INBOX;
        else process.env.SHIFAN_INBOX = saved;
      }
      expect(await hasRefreshed(db)).toBe(true);
      // the mark that the sample is complete, written after its last step
      expect(await db.one<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'setup.sample'`)).toEqual({
        n: 1,
      });
      expect(await db.one<{ n: number }>(`SELECT count(*) AS n FROM naming_rounds WHERE round_id = '2026'`)).toEqual({
        n: 1,
      });
      // and the start after that finds a database that holds data
      expect(await ensureSampleData(db, { seed: 1 })).toMatchObject({ fresh: false });
    },
    DEMO_TIMEOUT,
  );
});

describe('a first setup stopped in its last step, after the refresh', () => {
  it(
    'is not taken for complete: a refresh alone does not mark the sample done',
    async () => {
      // the cache's 'refreshed' stage: every demo file loaded and refreshed, the naming round not yet written
      const path = join(work, 'last-step.duckdb');
      await copyDemo({ seed: 1, filesDir: join(work, 'cached-files-2'), database: path });
      const db = await openPreparedDatabase(path);
      try {
        expect(await hasRefreshed(db)).toBe(true);
        const [state] = await db.allFile<{ others: number; demo: number; complete: boolean }>('setup/sample_state');
        expect(Number(state?.others)).toBe(0);
        expect(Number(state?.demo)).toBeGreaterThan(100);
        expect(state?.complete).toBe(false);
      } finally {
        db.close();
      }
    },
    DEMO_TIMEOUT,
  );
});
