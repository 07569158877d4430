// A flag's figures as stored (flags.numbers, JSON) and its severity: what sql/flags/<rule>.sql writes, what
// GET /api/flags* sends, and what a watchlist entry keeps of a flag attached to it.
import { Type, type Static } from 'typebox';
import { severity } from '../vocabulary/terms.ts';
import { oneOf } from './kit.ts';

export const Severity = oneOf(Object.keys(severity) as Array<keyof typeof severity>);

/** One figure behind a flag: a count, rate or statistic, a date or code as text, a yes/no, or a row of them (the
 *  three years of a worsening, the metrics a self-assessment contradicts). */
export const FlagFigure = Type.Union([
  Type.Number(),
  Type.String(),
  Type.Boolean(),
  Type.Null(),
  Type.Array(Type.Union([Type.Number(), Type.String(), Type.Null()])),
]);
/** The figures behind a flag, by name. The names are the rule's (sql/flags/<rule>.sql's json_object) and differ by
 *  rule and rule version; a resolved flag keeps the figures of the version that raised it, so the keys stay open. */
export const FlagNumbers = Type.Record(Type.String(), FlagFigure, {
  description: "the figures behind the flag by name (the rule's json_object); the vocabulary words them",
});
export type FlagNumbers = Static<typeof FlagNumbers>;
