// The API README's routes, requests and response shapes, generated from the route schemas (TypeBox) and its error
// codes from the vocabulary, never written by hand. `npm run docs` rewrites pipeline/api/README.md between its
// markers; tests/docs checks it is current, and tests/api/contract.test.ts that ROUTES lists every route the server
// registers with the very schema object it registers.
import * as auth from '../api/schemas/auth.ts';
import * as data from '../api/schemas/data.ts';
import * as disclosureReports from '../api/schemas/disclosure-reports.ts';
import * as flags from '../api/schemas/flags.ts';
import * as indicators from '../api/schemas/indicators.ts';
import * as inspectors from '../api/schemas/inspectors.ts';
import * as jobs from '../api/schemas/jobs.ts';
import * as meta from '../api/schemas/meta.ts';
import * as naming from '../api/schemas/naming.ts';
import * as templates from '../api/schemas/templates.ts';
import * as regions from '../api/schemas/regions.ts';
import * as risk from '../api/schemas/risk.ts';
import * as spotchecks from '../api/schemas/spotchecks.ts';
import * as uploadCheck from '../api/schemas/upload-check.ts';
import * as users from '../api/schemas/users.ts';
import * as watchlist from '../api/schemas/watchlist.ts';
import { errors } from '../vocabulary/index.ts';
import { replaceSection } from './data-contract.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
};

export interface RouteSchema {
  summary?: string;
  querystring?: unknown;
  params?: unknown;
  body?: unknown;
  response: Record<number, unknown>;
}

/** The metric ids the indicator routes' path parameter takes are the server's; the docs show the parameter's shape. */
const EXAMPLE_METRICS = ['<metric id>'];

/** Every route: method and path (Fastify's spelling, under /api) and its schema. */
export const ROUTES: Array<[string, RouteSchema]> = [
  ['POST /api/auth/login', auth.login],
  ['POST /api/auth/logout', auth.logout],
  ['POST /api/auth/password', auth.changePassword],
  ['GET /api/auth/me', auth.me],
  ['GET /api/auth/session', auth.session],
  ['GET /api/health', meta.health],
  ['GET /api/figures', meta.figures],
  ['GET /api/meta', meta.meta],
  ['GET /api/overview', meta.overview],
  ['GET /api/indicators/:metric', indicators.values(EXAMPLE_METRICS)],
  ['GET /api/indicators/:metric/trend', indicators.trend(EXAMPLE_METRICS)],
  ['GET /api/regions', regions.list],
  ['GET /api/regions/:code', regions.detail],
  ['GET /api/risk', risk.queue],
  ['GET /api/flags', flags.list],
  ['GET /api/flags/:id', flags.detail],
  ['POST /api/flags/:id/triage', flags.triage],
  ['GET /api/records/:dataset/:load_id/:line', flags.record],
  ['GET /api/spotchecks', spotchecks.list],
  ['GET /api/spotchecks/findings', spotchecks.findings],
  ['GET /api/spotchecks/:id', spotchecks.certificate],
  ['GET /api/spotchecks/:id/files/:name', spotchecks.file],
  ['POST /api/spotchecks/freeze', spotchecks.freeze],
  ['POST /api/spotchecks/:id/draw', spotchecks.draw],
  ['POST /api/spotchecks/:id/commit', spotchecks.commit],
  ['POST /api/spotchecks/:id/verify', spotchecks.verify],
  ['GET /api/watchlist', watchlist.list],
  ['GET /api/watchlist/:id', watchlist.detail],
  ['POST /api/watchlist/:id/status', watchlist.setStatus],
  ['POST /api/watchlist', watchlist.add],
  ['GET /api/data/loads', data.loads],
  ['GET /api/data/rejects', data.rejects],
  ['GET /api/data/freshness', data.freshness],
  ['POST /api/upload', data.upload],
  ['POST /api/upload/check', uploadCheck.uploadCheck],
  ['POST /api/refresh', data.refresh],
  ['GET /api/disclosure-reports', disclosureReports.list],
  ['GET /api/jobs', jobs.list],
  ['POST /api/jobs/:id/run', jobs.runNow],
  ['POST /api/jobs/runs/:run_id/ack', jobs.acknowledge],
  ['GET /api/exports', jobs.exports],
  ['POST /api/exports', jobs.createExport],
  ['GET /api/exports/:quarter/:file', jobs.download],
  ['GET /api/users', users.list],
  ['POST /api/users', users.add],
  ['POST /api/users/:username/disable', users.disable],
  ['POST /api/users/:username/enable', users.enable],
  ['POST /api/users/:username/password', users.resetPassword],
  ['POST /api/users/:username/province', users.setProvince],
  ['GET /api/inspectors', inspectors.list],
  ['POST /api/inspectors/import', inspectors.importCsv],
  ['POST /api/inspectors/:id', inspectors.update],
  ['GET /api/naming/rounds', naming.list],
  ['POST /api/naming/rounds', naming.create],
  ['GET /api/naming/rounds/:round', naming.status],
  ['GET /api/naming/rounds/:round/applicants', naming.applicants],
  ['GET /api/naming/rounds/:round/contradictions', naming.contradictions],
  ['GET /api/naming/rounds/:round/ranking', naming.ranking],
  ['GET /api/naming/rounds/:round/field-check', naming.fieldCheck],
  ['POST /api/naming/rounds/:round/field-check', naming.makeFieldCheck],
  ['GET /api/naming/rounds/:round/candidates', naming.candidates],
  ['POST /api/naming/rounds/:round/candidates', naming.addCandidates],
  ['POST /api/naming/rounds/:round/notice', naming.notice],
  ['POST /api/naming/rounds/:round/decisions', naming.decision],
  ['GET /api/naming/rounds/:round/reports', naming.reports],
  ['POST /api/naming/rounds/:round/export', naming.makeExport],
  ['GET /api/naming/rounds/:round/export', naming.exportStatus],
  ['GET /api/templates/:file', templates.template],
  ['GET /api/naming/rounds/:round/export/:file', naming.downloadExport],
];

/** The named shapes: every capitalised TypeBox export of the schema files (FlagRow, Certificate, Severity …). */
function namedShapes(): Map<object, string> {
  const names = new Map<object, string>();
  const modules = [
    auth,
    data,
    disclosureReports,
    flags,
    indicators,
    inspectors,
    jobs,
    meta,
    naming,
    regions,
    risk,
    spotchecks,
    templates,
    uploadCheck,
    users,
    watchlist,
  ];
  for (const mod of modules)
    for (const [name, value] of Object.entries(mod))
      if (/^[A-Z]/.test(name) && value && typeof value === 'object' && !names.has(value)) names.set(value, name);
  return names;
}

/** A schema as a TypeScript-like type; named shapes by their name (collected in `used`) except at the top. */
export function shapeOf(s: Schema, names = new Map<object, string>(), used = new Set<object>(), top = true): string {
  const name = names.get(s);
  if (name && !top) {
    used.add(s);
    return name;
  }
  const inner = (x: Schema) => shapeOf(x, names, used, false);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return s.anyOf.map(inner).join(' | ');
  if (s.type === 'array' && s.items) {
    if (Array.isArray(s.items)) return `[${s.items.map(inner).join(', ')}]`;
    const items = s.items;
    const item = inner(items);
    const union = !names.has(items) && ((items.anyOf?.length ?? 0) > 1 || (items.enum?.length ?? 0) > 1);
    return union ? `(${item})[]` : `${item}[]`;
  }
  if (s.type === 'object' || s.properties || s.patternProperties) {
    if (!s.properties && s.patternProperties) {
      const [value] = Object.values(s.patternProperties);
      return `{[key: string]: ${inner(value)}}`;
    }
    const req = new Set(s.required ?? []);
    return `{${Object.entries(s.properties ?? {})
      .map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${inner(v)}`)
      .join(', ')}}`;
  }
  if (s.type === 'string' && s.format === 'binary') return 'file';
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? 'any';
}

const cell = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;

/** The routes with their requests (path, query, body) and 200 answers, then every named shape they use, once. */
export function apiShapesMarkdown(): string {
  const names = namedShapes();
  const used = new Set<object>();
  const shape = (s: unknown) => shapeOf(s as Schema, names, used, false);
  const out = ['| route | request | 200 answer |', '|---|---|---|'];
  for (const [route, schema] of ROUTES) {
    const request = [
      schema.params ? `path ${shape(schema.params)}` : '',
      schema.querystring ? `query ${shape(schema.querystring)}` : '',
      schema.body ? `body ${shape(schema.body)}` : '',
    ].filter(Boolean);
    const answer = schema.response[200];
    out.push(
      `| \`${route}\` | ${request.map(cell).join('<br>') || '—'} | ${answer === undefined ? '—' : cell(shape(answer))} |`,
    );
  }
  out.push('', '| shape | definition |', '|---|---|');
  // a shape's definition can use further shapes: define until nothing new is used
  const defined = new Set<object>();
  for (let pending = [...used]; pending.length > 0; pending = [...used].filter((s) => !defined.has(s))) {
    for (const s of pending) {
      defined.add(s);
      out.push(`| \`${names.get(s)}\` | ${cell(shapeOf(s as Schema, names, used, true))} |`);
    }
  }
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
