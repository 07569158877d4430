// The shape of a dataset contract. One contract per dataset (pipeline/contracts/<dataset>.ts) drives header
// matching, DDL, validation, templates and the README's data section; nothing else restates a column.

export type ColumnType =
  | 'text'
  | 'region_code' // 6-digit GB/T 2260 code
  | 'int'
  | 'number'
  | 'percent' // 0..100 in input files
  | 'date'
  | 'datetime' // Asia/Shanghai local time when no offset is given
  | 'boolean'
  | 'enum';

export interface EnumValue {
  value: string;
  /** The label shown to users and written in templates (pipeline/vocabulary reads it from here). */
  zh: string;
  en: string;
  /** Other spellings senders use for the same value (matched after normalisation). */
  aliases?: string[];
}

export interface Column {
  name: string;
  /** The Chinese header: what templates carry and what the dashboard shows for the column. */
  zh: string;
  /** The English label, when the name read as words ("region_code" → "Region code") is not good enough. */
  en?: string;
  type: ColumnType;
  /** Header presence: optional columns may be absent from a file (DATA.md: stated figures, free text, ...). */
  optional?: boolean;
  /** A cell must not be empty. Key columns are always required. */
  required?: boolean;
  values?: EnumValue[];
  /** Shown in docs and templates. */
  note?: string;
  /** Lower bound for numbers (inclusive). Counts default to 0. */
  min?: number;
  max?: number;
  /** The templates' example value, where the type's generic example would not pass a rule (pipeline/templates). */
  example?: string;
  /** SQL over the typed row used when the cell is blank (e.g. province_code from region_code). */
  derive?: string;
}

/** A rule over several columns of one row, as a DuckDB boolean expression over the typed columns. */
export interface RowRule {
  code: string;
  /** The column named in the reject. */
  column: string;
  /** True when the row is fine. NULLs are treated as fine (emptiness is checked per column). */
  check: string;
  /** Why the row is refused, in Chinese (the reject reason users read) and in English (message). */
  zh: string;
  message: string;
}

export interface DatasetContract {
  name: string;
  zh: string;
  description: string;
  key: string[];
  columns: Column[];
  rules?: RowRule[];
}

export function column(contract: DatasetContract, name: string): Column {
  const col = contract.columns.find((c) => c.name === name);
  if (!col) throw new Error(`dataset ${contract.name} has no column ${name}`);
  return col;
}

export function isRequired(contract: DatasetContract, col: Column): boolean {
  return col.required === true || contract.key.includes(col.name);
}
