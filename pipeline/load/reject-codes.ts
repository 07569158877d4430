// Every reason a row or a file can be refused, in one place. The README lists them (a test keeps the two in step).

export const rowRejectCodes = {
  required: 'a required cell is empty',
  bad_region_code: 'not a 6-digit administrative division code',
  bad_int: 'not a whole number',
  bad_number: 'not a number',
  bad_percent: 'not a percentage (0–100, an optional % sign)',
  bad_date: 'not a date in an accepted form (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日)',
  bad_datetime: 'not an ISO 8601 date-time',
  bad_boolean: 'not a boolean (true/false, 1/0, 是/否, Y/N)',
  bad_enum: 'not one of the allowed values',
  out_of_range: 'outside the allowed range',
  duplicate_key: 'the same key appears earlier in the file',
  too_many_fields: 'the record has more fields than the header',
  too_few_fields: 'the record has fewer fields than the header',
  bad_quoting: 'a quoted field is not closed or is followed by other characters',
  bad_encoding: "bytes that are not valid in the file's encoding",
  line_too_long: 'the record is longer than the reader accepts',
  bad_json: 'the line is not a JSON object',
  malformed: 'the record could not be read',
  unreadable_report:
    'a published report whose tables cannot be read in the national template (the line and the reason are named)',
  unresolved_publisher:
    "a published report whose publisher's name does not resolve to exactly one administrative division",
} as const;

/** Row rules of the contracts add their own codes (e.g. published_before_decided); see pipeline/contracts. */
export type RowRejectCode = keyof typeof rowRejectCodes | string;

export const fileRefusalCodes = {
  header_mismatch: 'the header misses required columns or has unknown ones',
  unknown_dataset: 'the dataset could not be told from the file name or header',
  unsupported_format:
    'the file type is not CSV, XLSX, JSON Lines, Parquet, or a published report (HTML, DOCX, PDF, text)',
  count_mismatch: 'loaded + rejected does not equal the records counted in the file',
  empty_file: 'the file has no header',
  unreadable: 'the file could not be read',
} as const;

export type FileRefusalCode = keyof typeof fileRefusalCodes;

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
