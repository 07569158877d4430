// The house's floors hold: no import circle anywhere in pipeline/ or dashboard/src, and the ground floor (db,
// contracts, readers) never imports a room above it. Read from the source text (tests/structure/import-graph.ts).
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/paths.ts';
import { circles, importGraph, importsOf } from './import-graph.ts';

const graph = importGraph(repoRoot, ['pipeline', 'dashboard/src']);

/** The ground floor, lowest first: a room may import its own floor and the floors below it, nothing higher. */
const GROUND: Record<string, number> = { 'pipeline/contracts/': 0, 'pipeline/readers/': 0, 'pipeline/db/': 1 };
const floorOf = (file: string) => Object.entries(GROUND).find(([dir]) => file.startsWith(dir))?.[1];

describe('the import graph walk', () => {
  it('reads static, re-exported, bare, type-only, multi-line and dynamic imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "import './d.css';",
      'import {\n  e,\n  f,\n} from "./e.ts";',
      "const g = await import('./g.ts');",
      "const url = 'http://example.org/from';",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['./a.ts', './b.ts', './c.ts', './d.css', './e.ts', './g.ts']);
  });

  it('finds a circle of three files and a file importing itself, and none in a chain', () => {
    const found = circles(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['d']],
        ['e', ['a']],
      ]),
    );
    expect(found.sort()).toEqual([['a', 'b', 'c'], ['d']]);
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it("sees the whole repository: hundreds of files, the database opener among the CLI's imports", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('pipeline/cli/context.ts')).toContain('pipeline/setup/open.ts');
    expect(graph.get('dashboard/src/main.tsx')?.length).toBeGreaterThan(0);
  });
});

describe('the house', () => {
  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('has no import from the ground floor (db, contracts, readers) to a higher room', () => {
    const upward = [...graph].flatMap(([file, targets]) => {
      const floor = floorOf(file);
      if (floor === undefined) return [];
      return targets.filter((t) => (floorOf(t) ?? Number.POSITIVE_INFINITY) > floor).map((t) => `${file} -> ${t}`);
    });
    expect(upward).toEqual([]);
  });
});
