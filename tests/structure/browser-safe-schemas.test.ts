// The API's route schemas are the one definition of its answers, and the dashboard imports them: nothing they
// reach may need Node (a node: module or a Node-only package), or the browser build breaks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/paths.ts';
import { importGraph } from './import-graph.ts';

/** Packages a browser bundle can hold. */
const BROWSER_PACKAGES = new Set(['typebox']);

describe('the route schemas', () => {
  it('reach no node: module and no package but TypeBox, through every file they import', () => {
    const graph = importGraph(repoRoot, ['pipeline']);
    const start = [...graph.keys()].filter((f) => f.startsWith('pipeline/api/schemas/'));
    expect(start.length).toBeGreaterThan(10);
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    start.forEach(walk);
    const unsafe: string[] = [];
    for (const file of reached) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      for (const [, spec] of text.matchAll(/^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm)) {
        if (spec.startsWith('.')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (spec.startsWith('node:') || !BROWSER_PACKAGES.has(name)) unsafe.push(`${file} imports ${spec}`);
      }
    }
    expect(unsafe).toEqual([]);
  });
});
