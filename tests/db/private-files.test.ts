// The database is its owner's only: a file left readable by others is tightened when opened for writing, and the
// `shifan` process creates what it writes (database, log, exports) with no access for group or others.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipeline/db/database.ts';
import { repoRoot } from '../../pipeline/db/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'shifan-private-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('database files', () => {
  it('takes group and other access away from a database file that had it, when opened for writing', async () => {
    const path = join(dir, 'loose.duckdb');
    const first = await Database.open(path, { migrate: false });
    await first.close();
    chmodSync(path, 0o644);
    const again = await Database.open(path, { migrate: false });
    await again.close();
    expect(mode(path)).toBe(0o600);
  });

  it('creates the database and its folders owner-only from the command line, whatever the shell umask', () => {
    const path = join(dir, 'new', 'cli.duckdb');
    const r = spawnSync(
      'sh',
      ['-c', `umask 022 && exec "${process.execPath}" bin/shifan.mjs --db "${path}" users list`],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, 'new'))).toBe(0o700);
  });
});
