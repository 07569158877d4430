// One response contract: the dashboard's answer types are Static<> of the API's TypeBox route schemas
// (pipeline/api/schemas), never written again by hand, and the fields are read by the names the server sends (no
// renaming layer). Read from the source text: every request the dashboard makes names its answer's type through a
// namespace imported from pipeline/api/schemas, and dashboard/src/api declares no shape of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/paths.ts';

const dashboard = join(repoRoot, 'dashboard', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The names a file imports from pipeline/api/schemas: namespaces (`import type * as X`) and types
 *  (`import type { A, B as C }`). */
function schemaImports(text: string): { namespaces: Set<string>; types: Set<string> } {
  const types = new Set<string>();
  for (const m of text.matchAll(
    /import\s+type\s+\{([^}]*)\}\s+from\s+['"][^'"]*pipeline\/api\/schemas\/[\w-]+\.ts['"]/g,
  ))
    for (const spec of m[1].split(','))
      if (spec.trim())
        types.add(
          spec
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        );
  return { namespaces: schemaNamespaces(text), types };
}

/** `import type * as X from '…/pipeline/api/schemas/…'`: the namespaces that name route schemas' types. */
function schemaNamespaces(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(
    /import\s+(?:type\s+)?\*\s+as\s+(\w+)\s+from\s+['"][^'"]*pipeline\/api\/schemas\/[\w-]+\.ts['"]/g,
  ))
    out.add(m[1]);
  return out;
}

/** Every request through the client (getJson, getRows, getPage, post) with its type argument ('' when none). */
function requests(text: string): Array<{ call: string; type: string }> {
  const out: Array<{ call: string; type: string }> = [];
  for (const m of text.matchAll(/\b(getJson|getRows|getPage|post)\s*(<|\()/g)) {
    if (m[2] === '(') {
      out.push({ call: m[1], type: '' });
      continue;
    }
    // the type argument, up to its matching '>'
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '<') depth++;
      else if (text[i] === '>') depth--;
    }
    out.push({ call: m[1], type: text.slice(start, i - 1).trim() });
  }
  return out;
}

/** Whether a type argument is one route-schema type (or a list of it): `S.Meta`, `S.Account[]`, `UploadCheck`. */
function fromSchemas(type: string, imports: { namespaces: Set<string>; types: Set<string> }): boolean {
  const m = /^(?:(\w+)\.)?(\w+)(\[\])?$/.exec(type);
  if (!m) return false;
  return m[1] === undefined ? imports.types.has(m[2]) : imports.namespaces.has(m[1]);
}

describe('the check itself', () => {
  it('reads namespaces, requests and their type arguments, and tells schema types from hand-written ones', () => {
    const text = [
      "import type * as S from '../../../pipeline/api/schemas/meta.ts';",
      "import type * as T from './types.ts';",
      "const a = getJson<S.Meta>('/meta');",
      "const b = getRows<T.Row>('/rows');",
      "const c = post<{ ok: boolean }>('/x');",
      "const d = post('/y');",
      "const e = getJson<Array<S.Meta>>('/z');",
      "const f = getJson<Round[]>('/rounds');",
      "const g = getJson<Other>('/other');",
    ].join('\n');
    const ns = schemaImports(
      `${text}\nimport type { Round, Notice as N } from '../../../pipeline/api/schemas/naming.ts';`,
    );
    expect([...ns.namespaces]).toEqual(['S']);
    expect([...ns.types]).toEqual(['Round', 'N']);
    const found = requests(text);
    expect(found.map((r) => r.type)).toEqual([
      'S.Meta',
      'T.Row',
      '{ ok: boolean }',
      '',
      'Array<S.Meta>',
      'Round[]',
      'Other',
    ]);
    expect(found.map((r) => fromSchemas(r.type, ns))).toEqual([true, false, false, false, false, true, false]);
  });
});

describe('the dashboard', () => {
  const files = sourceFiles(dashboard).filter((f) => !f.endsWith(join('api', 'client.ts')));

  it('types every request it makes by a route schema of pipeline/api/schemas', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const ns = schemaImports(text);
      for (const r of requests(text)) {
        seen++;
        if (!fromSchemas(r.type, ns)) bad.push(`${relative(repoRoot, file)}: ${r.call}<${r.type}>`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });

  it('declares no response shape of its own in dashboard/src/api (no interface, no object type)', () => {
    const declared: string[] = [];
    // useQuery.ts declares the hook's own loading state (Query<T>), which wraps an answer and is not one.
    for (const file of sourceFiles(join(dashboard, 'api')).filter((f) => !f.endsWith('useQuery.ts'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:export\s+)?(interface\s+\w+|type\s+\w+(?:<[^>]*>)?\s*=\s*\{)/gm))
        declared.push(`${relative(repoRoot, file)}: ${m[1]}`);
    }
    expect(declared).toEqual([]);
  });

  it('reads a draw by the names the server sends (draw_id, state), with no renaming of answers', () => {
    const text = sourceFiles(dashboard)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const renaming of ['normaliseDraw', 'normaliseCertificate', 'drawIdOf', 'categoryOf'])
      expect(text, renaming).not.toContain(renaming);
  });
});
