// One filled-in example row per dataset for the templates: a sender sees what a valid row looks like (a date in the
// accepted form, an allowed value of each list, a 6-digit code) instead of a bare header. Derived from the contract:
// a value of the column's type, within its bounds, unless the column names its own `example` (where a rule over
// several columns or a pattern needs a particular value). tests/templates proves every example row loads with no
// reject, through the same checks as a real file.
import type { Column, DatasetContract } from '../contracts/index.ts';
import { yesNo } from '../vocabulary/terms.ts';

/** The example's year and dates: a complete past year, so no rule about "not in the future" can refuse it. */
const YEAR = 2024;
const DATE = `${YEAR}-03-15`;

export function exampleValue(contract: DatasetContract, col: Column): string {
  if (col.example !== undefined) return col.example;
  // a derived column left blank is derived by the loader (e.g. the province from the region code)
  if (col.derive) return '';
  switch (col.type) {
    case 'region_code':
      return '110101';
    case 'int':
      if (/year/.test(col.name)) return String(YEAR);
      return String(Math.max(col.min ?? 0, Math.min(col.max ?? 12, 12)));
    case 'number':
      return String(Math.max(col.min ?? 0, Math.min(col.max ?? 8.5, 8.5)));
    case 'percent':
      return '95';
    case 'date':
      return DATE;
    case 'datetime':
      return `${DATE} 09:30`;
    case 'boolean':
      // a sender's spelling of yes: the vocabulary's Chinese label, which the loader reads as true
      return yesNo.true.zh;
    case 'enum':
      return col.values?.[0]?.zh ?? '';
    default:
      return contract.key.includes(col.name) ? `${contract.name.toUpperCase().slice(0, 3)}-${YEAR}-0001` : '示例';
  }
}

/** The example row in the contract's column order. */
export function exampleRow(contract: DatasetContract): string[] {
  return contract.columns.map((col) => exampleValue(contract, col));
}
