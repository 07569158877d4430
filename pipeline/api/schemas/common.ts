// Building blocks of the route schemas, in TypeBox: the one definition of every request and response of the API.
// Route handlers are typed from them through Fastify's TypeBox type provider, the dashboard's response types are
// Static<> of them, and the API README's shapes are generated from them (pipeline/docs/api-shapes.ts). Browser-safe:
// nothing here or in the schema files reaches a node: module. Enumerations come from pipeline/vocabulary and
// pipeline/contracts, never restated.
import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import { datasets } from '../../contracts/index.ts';
import { NBool, NInt, NNum, NStr, Nullable, Obj, oneOf, Strict, termOf } from '../../shapes/kit.ts';

export { NBool, NInt, NNum, NStr, Nullable, Obj, oneOf, Strict, termOf };

/** The values of an enum column of the data contract (pipeline/contracts), as an enum. */
export const contractEnum = <K extends string>(dataset: string, column: string) => {
  const values = datasets.find((d) => d.name === dataset)?.columns.find((c) => c.name === column)?.values;
  if (!values) throw new Error(`the contract has no enum column ${dataset}.${column}`);
  return oneOf(values.map((v) => v.value) as K[]);
};
/** Years the product knows: a bound, so an absurd year is a 400 from the schema. */
export const YEARS = { minimum: 2000, maximum: 2100 } as const;
export const Year = Type.Integer(YEARS);
export const REGION_CODE_PATTERN = '^\\d{6}$';
export const RegionCode = Type.String({
  pattern: REGION_CODE_PATTERN,
  description: '6-digit administrative division code',
});
/** Ids, line numbers, counts and offsets: bounded by the database's INTEGER, so an absurd number is a 400 from the
 *  schema rather than an overflow inside a query (a 500). */
export const MAX_INT = 2147483647;
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** One error shape: a vocabulary code (pipeline/vocabulary/errors.ts), its parameters, the message rendered from them. */
export const ErrorBody = Obj({
  error: Obj({
    code: Type.String(),
    params: Type.Record(Type.String(), Type.Unknown()),
    message: Type.String(),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** Error responses every authenticated route can give. */
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** A file sent as it is stored (a download): not serialized, so typed as whatever the handler streams or sends. */
export const FileBody = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'the file' });

/** ?format=json|arrow on tabular routes. */
export const Format = Type.Optional(
  oneOf(['json', 'arrow'], {
    description: 'arrow = Apache Arrow IPC stream; or send Accept: application/vnd.apache.arrow.stream',
  }),
);

/**
 * Schema of a tabular endpoint: JSON rows, or the same rows as an Arrow IPC stream (?format=arrow or the Accept
 * header). The querystring gets `format`; the 200 answer is an array of `row`.
 */
export function table<R extends TSchema, Q extends TProperties = Record<never, never>>(
  tags: string[],
  summary: string,
  row: R,
  querystring: Q = {} as Q,
) {
  return {
    tags,
    summary: `${summary} (JSON, or Arrow IPC)`,
    querystring: Strict({ ...querystring, format: Format }),
    produces: ['application/json', 'application/vnd.apache.arrow.stream'],
    response: { 200: Type.Array(row), ...errors },
  };
}

/** A written file of a package or an export: its name, size and SHA-256 (a manifest's entry). */
export const PackageFile = Obj({ name: Type.String(), bytes: Type.Integer(), sha256: Type.String() });
