// How a sender spells a typed row. Generators produce rows of typed values in contract column order (dates as
// day indices, date-times as minutes since 2019-01-01 00:00 Beijing time, booleans, enum values); a FileStyle
// says how one file writes them: Chinese or English header, which date form, 是/否 or 1/0, enum values or their
// Chinese labels. Headers and labels come from the contracts, never restated here.
import type { Column, DatasetContract } from '../contracts/index.ts';
import { formatDay, utcDate, type DateForm, type DayTable } from './days.ts';
import type { Random } from './random.ts';

export type Typed = string | number | boolean | null;
export type Cell = string | number | Date | null;

export type BoolForm = 'zh' | 'digit' | 'word' | 'yn';

export interface FileStyle {
  header: 'zh' | 'name';
  /** 'excel': real Excel dates (XLSX only). 'mixed': a different accepted form row by row. */
  date: DateForm | 'excel' | 'mixed';
  bool: BoolForm | 'mixed';
  enums: 'value' | 'zh' | 'mixed';
  /** Percentages written as "96.5%" instead of 96.5. */
  percentSign?: boolean;
  /** Date-times with "+08:00" (true), without (false), or either (undefined). */
  offset?: boolean;
  /** Shuffle the column order (allowed: column order is free). */
  shuffle?: boolean;
}

const BOOL_TEXT: Record<BoolForm, [string, string]> = {
  zh: ['否', '是'],
  digit: ['0', '1'],
  word: ['false', 'true'],
  yn: ['N', 'Y'],
};
const BOOL_FORMS: BoolForm[] = ['zh', 'digit', 'word', 'yn'];
const DATE_FORMS: DateForm[] = ['iso', 'slash', 'cn'];

export interface Formatter {
  /** Column names (contract `name`) in file order. */
  columns: string[];
  header: string[];
  /** A typed row (contract order) → cells in file order; `verbatim` cells (by column name) replace the formatted ones. */
  format(row: readonly Typed[], verbatim?: Record<string, string>): Cell[];
}

/** Column name → position in the contract, to fill typed rows without restating the column order. */
export function columnIndex<K extends string>(contract: DatasetContract, names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const i = contract.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`dataset ${contract.name} has no column ${name}`);
    out[name] = i;
  }
  return out;
}

/** An object with every contract column as a key, in contract order (absent columns null): for JSON Lines. */
export function namedRow(contract: DatasetContract, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(contract.columns.map((c) => [c.name, values[c.name] ?? null]));
}

/** A typed row in contract order from an object keyed by column name (absent columns are empty). */
export function typedRow(contract: DatasetContract, values: Record<string, Typed | undefined>): Typed[] {
  return contract.columns.map((c) => values[c.name] ?? null);
}

export function makeFormatter(contract: DatasetContract, style: FileStyle, days: DayTable, rng: Random): Formatter {
  const order = contract.columns.map((_, i) => i);
  const fileOrder = style.shuffle ? rng.shuffled(order) : order;
  const cellOf = contract.columns.map((col) => cellFunction(col, style, days, rng));
  return {
    columns: fileOrder.map((i) => contract.columns[i].name),
    header: fileOrder.map((i) => (style.header === 'zh' ? contract.columns[i].zh : contract.columns[i].name)),
    format(row, verbatim) {
      const out: Cell[] = new Array(fileOrder.length);
      for (let k = 0; k < fileOrder.length; k++) {
        const i = fileOrder[k];
        const v = row[i];
        out[k] = v === null || v === undefined ? '' : cellOf[i](v);
      }
      if (verbatim)
        for (const [name, text] of Object.entries(verbatim))
          out[fileOrder.findIndex((i) => contract.columns[i].name === name)] = text;
      return out;
    },
  };
}

function cellFunction(col: Column, style: FileStyle, days: DayTable, rng: Random): (v: Exclude<Typed, null>) => Cell {
  switch (col.type) {
    case 'date':
      if (style.date === 'excel') return (v) => utcDate(v as number);
      if (style.date === 'mixed') return (v) => formatDay(days, v as number, rng.pick(DATE_FORMS));
      {
        const form = style.date;
        return (v) => formatDay(days, v as number, form);
      }
    case 'datetime':
      return (v) => formatDateTime(days, v as number, style.offset ?? rng.chance(0.5));
    case 'boolean':
      if (style.bool === 'mixed') return (v) => BOOL_TEXT[rng.pick(BOOL_FORMS)][v ? 1 : 0];
      {
        const text = BOOL_TEXT[style.bool];
        return (v) => text[v ? 1 : 0];
      }
    case 'enum': {
      const zh = new Map((col.values ?? []).map((e) => [e.value, e.zh]));
      const label = (v: string) => zh.get(v) ?? v;
      if (style.enums === 'zh') return (v) => label(v as string);
      if (style.enums === 'mixed') return (v) => (rng.chance(0.5) ? label(v as string) : (v as string));
      return (v) => v as string;
    }
    case 'percent':
      return style.percentSign ? (v) => `${v}%` : (v) => v as number;
    case 'int':
    case 'number':
      return (v) => v as number;
    default:
      return (v) => String(v);
  }
}

/** Minutes since 2019-01-01 00:00 (Beijing) → ISO 8601, with or without the +08:00 offset. */
export function formatDateTime(days: DayTable, minutes: number, withOffset: boolean): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${days.iso[day]}T${hh}:${mm}:00${withOffset ? '+08:00' : ''}`;
}

/** A style drawn at random for a UTF-8 CSV: any header form, any accepted spelling. */
export function randomUtf8Style(rng: Random): FileStyle {
  return {
    header: rng.chance(0.5) ? 'zh' : 'name',
    date: rng.pick<FileStyle['date']>(['iso', 'iso', 'slash', 'mixed']),
    bool: rng.pick<FileStyle['bool']>(['word', 'digit', 'zh', 'mixed']),
    enums: rng.pick<FileStyle['enums']>(['value', 'value', 'zh', 'mixed']),
    shuffle: rng.chance(0.25),
  };
}

/** How a Chinese Excel user's GBK export looks: Chinese header, 年月日 or slash dates, 是/否, Chinese labels. */
export function gbkStyle(rng: Random): FileStyle {
  return { header: 'zh', date: rng.chance(0.6) ? 'cn' : 'slash', bool: 'zh', enums: 'zh' };
}

/** XLSX as offices fill them in: Chinese header, real Excel dates, 是/否, Chinese labels. */
export const XLSX_STYLE: FileStyle = { header: 'zh', date: 'excel', bool: 'zh', enums: 'zh' };
