// The API README's response shapes and error codes, generated from the route schemas (TypeBox) and the
// vocabulary, never written by hand. `npm run docs` rewrites pipeline/api/README.md between its markers;
// tests/docs checks it is current.
import * as flags from '../api/schemas/flags.ts';
import * as watchlist from '../api/schemas/watchlist.ts';
import * as regions from '../api/schemas/regions.ts';
import { errors } from '../vocabulary/index.ts';
import { replaceSection } from './data-contract.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};

/** A schema as a TypeScript-like type: `{flag_id: string, year: integer, numbers: string | null}`. */
export function shapeOf(s: Schema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return s.anyOf.map(shapeOf).join(' | ');
  if (s.type === 'array' && s.items) return `${shapeOf(s.items)}[]`;
  if (s.type === 'object' || s.properties) {
    const req = new Set(s.required ?? []);
    return `{${Object.entries(s.properties ?? {})
      .map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${shapeOf(v)}`)
      .join(', ')}}`;
  }
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? 'any';
}

const ROUTES: Array<[string, { response: Record<number, unknown> }]> = [
  ['GET /api/regions', regions.list],
  ['GET /api/regions/:code', regions.detail],
  ['GET /api/flags', flags.list],
  ['GET /api/flags/:id', flags.detail],
  ['GET /api/records/:dataset/:load_id/:line', flags.record],
  ['GET /api/watchlist', watchlist.list],
  ['GET /api/watchlist/:id', watchlist.detail],
  ['POST /api/watchlist/:id/status', watchlist.setStatus],
  ['POST /api/watchlist', watchlist.add],
];

export function apiShapesMarkdown(): string {
  const out = ['| route | 200 response |', '|---|---|'];
  for (const [route, schema] of ROUTES)
    out.push(`| \`${route}\` | \`${shapeOf(schema.response[200] as Schema).replace(/\|/g, '\\|')}\` |`);
  return out.join('\n');
}

export function errorCodesMarkdown(): string {
  const out = ['| code | status | message (en) | 中文 |', '|---|---|---|---|'];
  for (const [code, e] of Object.entries(errors))
    out.push(`| \`${code}\` | ${e.status} | ${e.en.replace(/\|/g, '\\|')} | ${e.zh.replace(/\|/g, '\\|')} |`);
  return out.join('\n');
}

export function generatedApiReadme(doc: string): string {
  return replaceSection(replaceSection(doc, 'api-shapes', apiShapesMarkdown()), 'error-codes', errorCodesMarkdown());
}
