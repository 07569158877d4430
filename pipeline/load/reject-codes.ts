// Every reason a row or a file can be refused: the codes and their messages are the vocabulary's
// (pipeline/vocabulary/rejects.ts); the English text is what the load log and the rejects store keep.
import { rowReject, fileRefusal } from '../vocabulary/index.ts';

const english = <K extends string>(group: Record<K, { en: string }>) =>
  Object.fromEntries(Object.entries(group).map(([k, t]) => [k, (t as { en: string }).en])) as Record<K, string>;

export const rowRejectCodes = english(rowReject);

/** Row rules of the contracts add their own codes (e.g. published_before_decided); see pipeline/contracts. */
export type RowRejectCode = keyof typeof rowReject | string;

export const fileRefusalCodes = english(fileRefusal);

export type FileRefusalCode = keyof typeof fileRefusal;

/** DuckDB read_csv reject error types → our codes. */
export function codeForCsvError(errorType: string): RowRejectCode {
  switch (errorType) {
    case 'TOO MANY COLUMNS':
      return 'too_many_fields';
    case 'MISSING COLUMNS':
      return 'too_few_fields';
    case 'UNQUOTED VALUE':
      return 'bad_quoting';
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return 'bad_encoding';
    case 'LINE SIZE OVER MAXIMUM':
      return 'line_too_long';
    default:
      return 'malformed';
  }
}
