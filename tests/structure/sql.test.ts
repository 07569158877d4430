// SQL lives in sql/**/*.sql with named parameters: a positional $1 … $11 says nothing of what it binds, and a
// call that passes its values in the wrong order still runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlDir } from '../../pipeline/db/paths.ts';

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sqlFiles(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : [],
  );
}

/** The statement text without comments and string literals, where a `$1` would be a parameter. */
const code = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");

describe('the SQL files', () => {
  const files = sqlFiles(sqlDir);

  it('are found, in every room folder', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('use named parameters only ($name, never $1)', () => {
    const positional = files
      .filter((f) => /\$\d/.test(code(readFileSync(f, 'utf8'))))
      .map((f) => f.slice(sqlDir.length + 1));
    expect(positional).toEqual([]);
  });

  it('each belong to a room of pipeline/ (sql/<room>/ beside pipeline/<room>/), or to the schema, macros or the API', () => {
    const shared = new Set(['schema', 'macros', 'api']);
    const rooms = new Set(readdirSync(join(sqlDir, '..', 'pipeline')));
    const orphans = readdirSync(sqlDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !shared.has(e.name) && !rooms.has(e.name))
      .map((e) => e.name);
    expect(orphans).toEqual([]);
  });
});
