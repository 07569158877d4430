// The tests' fresh databases (tests/support/fresh-database.ts): copies of one prepared empty database, each the
// caller's own and holding what openPreparedDatabase makes of a new file.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { freshDatabase } from './fresh-database.ts';

/** Every table with its row count (the applied migrations and the reference data among them). */
async function contents(db: Database): Promise<Record<string, number>> {
  const tables = await db.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables)
    out[name] = (await db.one<{ n: number }>(`SELECT count(*)::INT AS n FROM "${name}"`))!.n;
  return out;
}

describe('a fresh database', () => {
  it('holds the tables and reference rows openPreparedDatabase makes of a new file', async () => {
    const made = await openPreparedDatabase(join(mkdtempSync(join(tmpdir(), 'shifan-made-')), 'new.duckdb'));
    const copy = await freshDatabase();
    try {
      const expected = await contents(made);
      expect(Object.keys(expected).length).toBeGreaterThan(10);
      expect(Object.values(expected).some((n) => n > 0)).toBe(true); // the divisions and the calendar
      expect(await contents(copy)).toEqual(expected);
    } finally {
      made.close();
      copy.close();
    }
  });

  it("is the caller's own: a write to one is not seen by another, and closing it removes its folder", async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    try {
      await a.run('CREATE TABLE probe (x INTEGER)');
      expect(await contents(a)).toHaveProperty('probe', 0);
      expect(await contents(b)).not.toHaveProperty('probe');
    } finally {
      a.close();
      b.close();
    }
    expect(existsSync(dirname(a.path))).toBe(false);
  });

  it('is made at the path asked for, which closing leaves in place', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shifan-at-')), 'sub', 'x.duckdb');
    const db = await freshDatabase(path);
    db.close();
    expect(existsSync(path)).toBe(true);
  });
});
