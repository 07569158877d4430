// The tests' demo cache (tests/support/demo-cache.ts): built again when what it reads changes, and each copy is
// the caller's own; and the command line the global setup compiles (tests/support/compiled-cli.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { compiledCliIsFresh } from './compiled-cli.ts';
import { copyDemo, DEMO_TIMEOUT, hashInputs, ROOT } from './demo-cache.ts';
import { wholeSuite } from './global-setup.ts';

describe('the demo cache key', () => {
  it('changes when a file it reads changes or a file is added, and not when nothing changed', () => {
    const root = mkdtempSync(join(tmpdir(), 'shifan-key-'));
    writeFileSync(join(root, 'a.sql'), 'SELECT 1;\n');
    writeFileSync(join(root, 'b.ts'), 'export const b = 1;\n');
    const before = hashInputs(root, ['a.sql', 'b.ts']);
    expect(hashInputs(root, ['b.ts', 'a.sql'])).toBe(before);
    writeFileSync(join(root, 'a.sql'), 'SELECT 2;\n');
    const edited = hashInputs(root, ['a.sql', 'b.ts']);
    expect(edited).not.toBe(before);
    writeFileSync(join(root, 'c.sql'), '');
    expect(hashInputs(root, ['a.sql', 'b.ts', 'c.sql'])).not.toBe(edited);
  });
});

describe('the global setup', () => {
  it('starts the common builds only for a run of the whole suite, not for chosen files', () => {
    expect(wholeSuite(['run'])).toBe(true);
    expect(wholeSuite(['run', '--reporter', 'verbose', '--outputFile.json=tmp/a.json'])).toBe(true);
    expect(wholeSuite(['run', 'tests/api/auth.test.ts'])).toBe(false);
    expect(wholeSuite(['run', '--reporter', 'verbose', 'tests/api'])).toBe(false);
    expect(wholeSuite(['run', 'auth'])).toBe(false);
  });
});

describe('a copy of the cached demo', () => {
  it(
    "is the caller's own: its files lie in the folder asked for, and a write to one copy's database is not seen by another",
    async () => {
      const copies = await Promise.all(
        ['one', 'two'].map(async (name) => {
          const dir = mkdtempSync(join(tmpdir(), `shifan-copy-${name}-`));
          const copy = await copyDemo({ seed: 1, filesDir: join(dir, 'inbox'), database: join(dir, 'demo.duckdb') });
          return { dir, ...copy };
        }),
      );
      const [one, two] = copies;
      for (const c of copies) {
        for (const f of [...c.demo.files, c.demo.plantedFile]) {
          expect(f.startsWith(join(c.dir, 'inbox'))).toBe(true);
          expect(readFileSync(f).length).toBeGreaterThan(0);
        }
        expect(c.loads.length).toBe(c.demo.files.length);
      }
      const a = await openPreparedDatabase(join(one.dir, 'demo.duckdb'));
      const b = await openPreparedDatabase(join(two.dir, 'demo.duckdb'));
      try {
        const count = async (db: typeof a) => (await db.one<{ n: number }>('SELECT count(*)::INT AS n FROM flags'))!.n;
        const flags = await count(b);
        expect(flags).toBeGreaterThan(0);
        await a.run('DELETE FROM flags');
        expect(await count(a)).toBe(0);
        expect(await count(b)).toBe(flags);
      } finally {
        a.close();
        b.close();
      }
    },
    DEMO_TIMEOUT,
  );
});

describe('the compiled command line', () => {
  it('is fresh after the global setup, so a spawned shifan runs it rather than the sources through tsx', () => {
    expect(compiledCliIsFresh(ROOT)).toBe(true);
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'shifan.mjs'), '--help'], {
      encoding: 'utf8',
      env: { ...process.env, SHIFAN_DEBUG: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/running the compiled/);
  });

  it('is stale once a source file of the build is newer than the build', () => {
    const root = mkdtempSync(join(tmpdir(), 'shifan-cli-'));
    mkdirSync(join(root, 'pipeline', 'cli'), { recursive: true });
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'pipeline', 'cli', 'main.ts'), '');
    writeFileSync(join(root, 'dist', 'cli', 'main.js'), '');
    const sources = ['pipeline/cli/main.ts'];
    writeFileSync(join(root, 'dist', 'cli', 'build.json'), JSON.stringify({ sources, early_sources: sources }));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'pipeline', 'cli', 'main.ts'), past, past);
    expect(compiledCliIsFresh(root)).toBe(true);
    writeFileSync(join(root, 'pipeline', 'cli', 'main.ts'), 'export {};\n');
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'pipeline', 'cli', 'main.ts'), future, future);
    expect(compiledCliIsFresh(root)).toBe(false);
  });
});
