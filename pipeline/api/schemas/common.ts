// Building blocks of the route schemas: nullable scalars, row lists, the error shape, the query options every
// tabular endpoint takes. Enumerations come from the contracts and the feature modules, never restated.
import { Type, type TSchema } from 'typebox';
import { datasets } from '../../contracts/index.ts';

/** TypeBox building blocks of the route schemas that are the one response contract (flags, watchlist, regions). */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A string that is one of the codes (JSON Schema enum), typed as their union. */
export const oneOf = <K extends string>(codes: K[]) => Type.Unsafe<K>({ type: 'string', enum: codes });
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
export const RegionCode = Type.String({ pattern: '^\\d{6}$', description: '6-digit administrative division code' });
/** ?format=json|arrow on tabular routes. */
export const Format = Type.Optional(
  Type.Unsafe<'json' | 'arrow'>({
    type: 'string',
    enum: ['json', 'arrow'],
    description: 'arrow = Apache Arrow IPC stream; or send Accept: application/vnd.apache.arrow.stream',
  }),
);

type Schema = Record<string, unknown>;

export const str = { type: 'string' } as const;
export const num = { type: 'number' } as const;
export const int = { type: 'integer' } as const;
export const bool = { type: 'boolean' } as const;
export const nstr = { type: ['string', 'null'] } as const;
export const nnum = { type: ['number', 'null'] } as const;
export const nint = { type: ['integer', 'null'] } as const;
export const nbool = { type: ['boolean', 'null'] } as const;
export const anyValue = {} as const;

export const regionCode = RegionCode;
export const year = Year;
/** Ids, line numbers, counts and offsets: bounded by the database's INTEGER, so an absurd number is a 400 from the
 *  schema rather than an overflow inside a query (a 500). */
export const MAX_INT = 2147483647;
export const id = { type: 'integer', minimum: 1, maximum: MAX_INT } as const;
/** The same bound as a TypeBox schema. */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT });
export const datasetName = { type: 'string', enum: datasets.map((d) => d.name) } as const;

export function obj(properties: Record<string, unknown>, required?: string[]): Schema {
  return { type: 'object', properties, ...(required ? { required } : {}), additionalProperties: true };
}

export function rows(properties: Record<string, unknown>): Schema {
  return { type: 'array', items: obj(properties) };
}

/** One error shape: a vocabulary code (pipeline/vocabulary/errors.ts), its parameters, the message rendered from them. */
export const errorBody = obj(
  { error: obj({ code: str, params: obj({}), message: str }, ['code', 'params', 'message']) },
  ['error'],
);

/** Error responses every authenticated route can give. */
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;

/** ?format=json|arrow (Accept: application/vnd.apache.arrow.stream works too). */
export const format = {
  type: 'string',
  enum: ['json', 'arrow'],
  description: 'arrow = Apache Arrow IPC stream; or send Accept: application/vnd.apache.arrow.stream',
} as const;

/** Schema of a tabular endpoint: JSON rows, or the same rows as an Arrow IPC stream. */
export function table(
  tags: string[],
  summary: string,
  properties: Record<string, unknown>,
  extra: Schema = {},
): Schema {
  const { querystring, ...rest } = extra as { querystring?: Schema };
  const qs = (querystring ?? { type: 'object', properties: {} }) as { properties: Record<string, unknown> };
  return {
    tags,
    summary: `${summary} (JSON, or Arrow IPC)`,
    querystring: { ...qs, type: 'object', properties: { ...qs.properties, format }, additionalProperties: false },
    produces: ['application/json', 'application/vnd.apache.arrow.stream'],
    response: { 200: rows(properties), ...errors },
    ...rest,
  };
}
