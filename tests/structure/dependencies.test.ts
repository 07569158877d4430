// A production install (`npm ci --omit=dev`) has every package the product imports: whatever pipeline/, bin/ or
// the dashboard's sources import is a production dependency (`.ci/production-install` proves it end to end).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/paths.ts';
import { importsOf } from './import-graph.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : files(path);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for relative paths and node: modules. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('/')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('production dependencies', () => {
  it('include every package that production code imports', () => {
    const production = [
      ...files(join(repoRoot, 'pipeline')),
      ...files(join(repoRoot, 'bin')),
      ...files(join(repoRoot, 'dashboard', 'src')),
    ];
    const imported = new Map<string, string>();
    for (const file of production) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const name = packageOf(spec);
        if (name && !imported.has(name)) imported.set(name, file.slice(repoRoot.length + 1));
      }
    }
    expect(imported.size).toBeGreaterThan(10);
    const missing = [...imported]
      .filter(([name]) => !(name in pkg.dependencies))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
