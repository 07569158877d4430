// The tests' demo cache (tests/support/demo-cache.ts): built again when what it reads changes, and each copy is
// the caller's own.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { copyDemo, DEMO_TIMEOUT, hashInputs } from './demo-cache.ts';

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
