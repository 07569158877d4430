// The building blocks of the project's JSON shapes in TypeBox: the shapes the product stores as JSON (a job run's
// details, a flag's figures, a watchlist entry's evidence; files beside this one) and, through
// pipeline/api/schemas/common.ts, every request and response of the API. Browser-safe: nothing here reaches a node:
// module, so the dashboard types itself by Static<> of the same definitions.
import { Type, type TProperties, type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A string that is one of the codes (JSON Schema enum), typed as their union. */
export const oneOf = <K extends string>(codes: readonly K[], options: Record<string, unknown> = {}) =>
  Type.Unsafe<K>({ type: 'string', enum: [...codes], ...options });
/** The codes of a vocabulary term group (pipeline/vocabulary/terms.ts), as an enum. */
export const termOf = <G extends Record<string, unknown>>(group: G, options: Record<string, unknown> = {}) =>
  oneOf(Object.keys(group) as Array<Extract<keyof G, string>>, options);

/** Nullable scalars of the database's rows. */
export const NStr = Nullable(Type.String());
export const NNum = Nullable(Type.Number());
export const NInt = Nullable(Type.Integer());
export const NBool = Nullable(Type.Boolean());

/**
 * A response object: its listed fields are the contract (the dashboard's types are Static<> of them), and fields not
 * listed still pass through serialization (additionalProperties), so a column added to a query is never silently
 * dropped; the docs list only what is promised.
 */
export const Obj = <P extends TProperties>(properties: P, options: Record<string, unknown> = {}) =>
  Type.Object(properties, { additionalProperties: true, ...options });
/** A request body or query: exactly these fields, nothing else. */
export const Strict = <P extends TProperties>(properties: P, options: Record<string, unknown> = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });
