// SQL generated from a contract: how each raw cell is typed, which checks a row must pass, and how rejects are
// explained. It is generated because the contract is the one definition of the columns; the parsing rules
// themselves are the macros of sql/macros/parse.sql.
import { isRequired, type Column, type DatasetContract, type RowRule } from '../contracts/index.ts';
import { quoteIdent } from '../contracts/ddl.ts';
import { rowRejectCodes } from './reject-codes.ts';

const parser: Record<Column['type'], string | undefined> = {
  text: undefined,
  region_code: 'parse_region_code',
  int: 'parse_int',
  number: 'parse_number',
  percent: 'parse_percent',
  date: 'parse_date',
  datetime: 'parse_datetime',
  boolean: 'parse_bool',
  enum: undefined,
};

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The typed value of a raw VARCHAR cell `raw` (NULL when blank or unreadable). */
export function typedExpr(col: Column, raw: string): string {
  if (col.type === 'text') return `parse_text(${raw})`;
  if (col.type === 'enum') {
    // Exact spellings first, and the normalised ones only in the ELSE branch: lower(trim()) allocates a new string
    // per cell, and most cells are already exact (coalesce() would evaluate it for every cell).
    const spellings = (col.values ?? []).flatMap((v) =>
      [v.value, v.zh, ...(v.aliases ?? [])].map((a) => [a, v.value] as const),
    );
    const exact = spellings.map(([a, v]) => `WHEN ${lit(a)} THEN ${lit(v)}`).join(' ');
    const loose = spellings.map(([a, v]) => `WHEN ${lit(a.toLowerCase())} THEN ${lit(v)}`).join(' ');
    return `CASE ${raw} ${exact} ELSE CASE lower(trim(${raw})) ${loose} END END`;
  }
  return `${parser[col.type]}(${raw})`;
}

export interface Check {
  column: string;
  code: string;
  /** TRUE when the row fails; never NULL. */
  fails: string;
  message: string;
  /** What the reject reports as the value; the raw cell when absent. */
  value?: string;
}

/**
 * TRUE when a well-formed region code is neither an administrative division of the vendored GB/T 2260 list (the
 * `divisions` table, pipeline/reference) nor a region of the directory (`regions`): a look-up in the connection's
 * ENUM type known_region_code (sql/load/known_region_codes.sql, made before each file is typed), never a join and
 * never a look-up per row from Node. A join here made DuckDB give up the file's reading order on big files, which the
 * record numbers rest on (that file's header). The directory counts too because the division list is one edition
 * (2023) and a named region's code of an earlier year, since merged or renamed, must still load with its own data. A
 * blank or malformed cell is NULL here and left to the required and bad_region_code checks.
 */
function unknownDivision(typed: string): string {
  return `(${typed} IS NOT NULL AND TRY_CAST(${typed} AS known_region_code) IS NULL)`;
}

/** Per-cell checks on the raw value (r) and its typed value (t). */
function cellChecks(contract: DatasetContract, col: Column, raw: string, typed: string): Check[] {
  const checks: Check[] = [];
  if (isRequired(contract, col) && !col.derive) {
    checks.push({ column: col.name, code: 'required', fails: `is_blank(${raw})`, message: `${col.name} is required` });
  }
  if (col.type !== 'text') {
    const code = `bad_${col.type === 'datetime' ? 'datetime' : col.type === 'boolean' ? 'boolean' : col.type}`;
    const allowed =
      col.type === 'enum' ? `: one of ${(col.values ?? []).map((v) => `${v.value}/${v.zh}`).join(', ')}` : '';
    checks.push({
      column: col.name,
      code,
      fails: `(NOT is_blank(${raw}) AND ${typed} IS NULL)`,
      message: `${col.name}: ${rowRejectCodes[code as keyof typeof rowRejectCodes] ?? code}${allowed}`,
    });
  }
  if (col.type === 'region_code') {
    checks.push({
      column: col.name,
      code: 'unknown_region_code',
      fails: unknownDivision(typed),
      message: `${col.name}: ${rowRejectCodes.unknown_region_code}`,
    });
  }
  const { min, max } = bounds(col);
  if (min !== undefined)
    checks.push({
      column: col.name,
      code: 'out_of_range',
      fails: `coalesce(${typed} < ${min}, false)`,
      message: `${col.name} must be at least ${min}`,
    });
  if (max !== undefined)
    checks.push({
      column: col.name,
      code: 'out_of_range',
      fails: `coalesce(${typed} > ${max}, false)`,
      message: `${col.name} must be at most ${max}`,
    });
  return checks;
}

/**
 * Every check a row must pass, each with the reason it gives: per-cell checks over the raw cell (rawRef) and the
 * typed value (named after the column), then the contract's rules over typed values.
 */
export function failureChecks(contract: DatasetContract, rawRef: (c: Column) => string): Check[] {
  const cell = contract.columns.flatMap((c) => cellChecks(contract, c, rawRef(c), quoteIdent(c.name)));
  const rules: Check[] = (contract.rules ?? []).map((r) => ({
    column: r.column,
    code: r.code,
    fails: ruleFailsOnReadCells(contract, r, rawRef),
    message: r.message,
    value: `CAST(${quoteIdent(r.column)} AS VARCHAR)`,
  }));
  return [...cell, ...rules];
}

/** The contract's columns a rule's check names (as whole identifiers). */
export function ruleColumns(contract: DatasetContract, rule: RowRule): Column[] {
  return contract.columns.filter((c) => new RegExp(`(^|[^A-Za-z0-9_])${c.name}($|[^A-Za-z0-9_])`).test(rule.check));
}

/**
 * A rule's reason, given only when every cell it reads was readable: a cell already refused for its own type or
 * allowed values is NULL once typed, and a rule over it (an outcome "missing" beside a filled date) would add a
 * second, false reason to the row. The row fails either way (the cell's own check), so the set of failing rows —
 * rowFailsExpr — is unchanged.
 */
function ruleFailsOnReadCells(contract: DatasetContract, rule: RowRule, rawRef: (c: Column) => string): string {
  const unread = ruleColumns(contract, rule)
    .filter((c) => c.type !== 'text')
    .map((c) => `(NOT is_blank(${rawRef(c)}) AND ${quoteIdent(c.name)} IS NULL)`);
  return unread.length ? `(${ruleFails(rule)} AND NOT (${unread.join(' OR ')}))` : ruleFails(rule);
}

/** A rule fails only when its check is FALSE: NULLs are fine (emptiness is checked per column). */
function ruleFails(rule: RowRule): string {
  return `NOT coalesce(${rule.check}, true)`;
}

/**
 * TRUE when the row fails any check of cellChecks() or a rule; the same set of rows as OR-ing every check's
 * `fails`, written for speed: every parser returns NULL for a blank cell, so for a required column "blank or
 * unreadable" is just `typed IS NULL`, and is_blank() runs only on the rare NULL of an optional column.
 * tests/load/fail-condition.test.ts holds the two forms equal over adversarial cells of every contract.
 */
export function rowFailsExpr(
  contract: DatasetContract,
  rawRef: (c: Column) => string,
  typedRef: (c: Column) => string,
): string {
  const parts = contract.columns.flatMap((col) => {
    const t = typedRef(col);
    const out: string[] = [];
    if (isRequired(contract, col) && !col.derive) out.push(`${t} IS NULL`);
    else if (col.type !== 'text') out.push(`CASE WHEN ${t} IS NULL THEN NOT is_blank(${rawRef(col)}) ELSE false END`);
    if (col.type === 'region_code') out.push(unknownDivision(t));
    const { min, max } = bounds(col);
    if (min !== undefined) out.push(`${t} < ${min}`);
    if (max !== undefined) out.push(`${t} > ${max}`);
    return out;
  });
  const rules = (contract.rules ?? []).map(ruleFails);
  // A NULL part (a range check on a NULL value) reads as not failing: CASE WHEN takes only TRUE.
  return [...parts, ...rules].join(' OR ') || 'false';
}

function bounds(col: Column): { min?: number; max?: number } {
  return {
    min: col.min ?? (col.type === 'int' || col.type === 'percent' ? 0 : undefined),
    max: col.max ?? (col.type === 'percent' ? 100 : undefined),
  };
}

export interface LoadSql {
  /**
   * One parallel pass, outside the load's transaction: reads `relation` (raw VARCHAR cells named after the
   * contract columns), types every cell and checks every row into temp table `typed`. Rows that fail carry
   * the reasons in _fails. typed.rowid is the record's number in reading order: the reader keeps file order and the query has no
   * join that could give it up (unknownDivision). Needs the type of sql/load/known_region_codes.sql.
   */
  createTyped: (relation: string) => string;
  /** The SELECT behind createTyped: typed columns and _fails, in the relation's order. */
  typedSelect: (relation: string) => string;
  /** The failing rows: rec and the list of failures. */
  selectFailed: string;
  /** Temp table dup_recs(rec, key_text): later good rows whose key appeared earlier in the same file. */
  createDuplicates: string;
  /** Inserts the good rows into the history table with $1 = load id; `line` is an expression over rec. */
  insertGood: (options: { withDuplicates: boolean; lineMapped: boolean; lineBase: number }) => string;
  /** Marks older current rows with the same key as superseded by load $1. */
  supersede: string;
}

export function loadSql(contract: DatasetContract, history: string): LoadSql {
  const cols = contract.columns;
  // Inside the typing query, raw cells are __r_<name> and typed values carry the contract names, so the rules
  // of the contract (written over typed columns) read as written.
  const rawRef = (c: Column) => quoteIdent(`__r_${c.name}`);
  const checks = failureChecks(contract, rawRef);
  const key = contract.key.map(quoteIdent);
  const reportedValue = (check: Check) => check.value ?? rawRef(cols.find((c) => c.name === check.column)!);
  const structs = checks
    .map(
      (c) =>
        `CASE WHEN ${c.fails} THEN {'column': ${lit(c.column)}, 'code': ${lit(c.code)}, 'value': ${reportedValue(c)}, 'message': ${lit(c.message)}} END`,
    )
    .join(',\n      ');
  const colList = cols.map((c) => quoteIdent(c.name)).join(', ');

  // Checks see the values as sent; derived values (e.g. province_code from region_code) fill blanks after.
  const finalCols = cols
    .map((c) =>
      c.derive ? `coalesce(${quoteIdent(c.name)}, ${c.derive}) AS ${quoteIdent(c.name)}` : quoteIdent(c.name),
    )
    .join(', ');
  const typedSelect = (relation: string) =>
    [
      `SELECT ${finalCols},`,
      `  CASE WHEN ${rowFailsExpr(contract, rawRef, (c) => quoteIdent(c.name))} THEN list_filter([`,
      `      ${structs || 'NULL'}`,
      `    ], x -> x IS NOT NULL) END AS _fails`,
      `FROM (`,
      `  SELECT ${cols.map((c) => `s.${quoteIdent(c.name)} AS ${rawRef(c)}`).join(', ')},`,
      `    ${cols.map((c) => `${typedExpr(c, `s.${quoteIdent(c.name)}`)} AS ${quoteIdent(c.name)}`).join(',\n    ')}`,
      `  FROM ${relation} s`,
      `)`,
    ].join('\n');
  const createTyped = (relation: string) => `CREATE OR REPLACE TEMP TABLE typed AS\n${typedSelect(relation)}`;

  const selectFailed = `SELECT rowid AS rec, _fails AS fails FROM typed WHERE _fails IS NOT NULL ORDER BY rowid`;

  const createDuplicates = [
    `CREATE OR REPLACE TEMP TABLE dup_recs AS`,
    `SELECT rec, key_text FROM (`,
    `  SELECT rowid AS rec, concat_ws(' | ', ${key.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')}) AS key_text,`,
    `    row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY rowid) AS rn`,
    `  FROM typed`,
    `  WHERE _fails IS NULL AND (${key.join(', ')}) IN (`,
    `    SELECT (${key.join(', ')}) FROM typed WHERE _fails IS NULL GROUP BY ALL HAVING count(*) > 1)`,
    `) WHERE rn > 1`,
  ].join('\n');

  const insertGood = ({
    withDuplicates,
    lineMapped,
    lineBase,
  }: {
    withDuplicates: boolean;
    lineMapped: boolean;
    lineBase: number;
  }) =>
    [
      `INSERT INTO ${history} (${colList}, _load_id, _line)`,
      lineMapped
        ? `SELECT ${cols.map((c) => `t.${quoteIdent(c.name)}`).join(', ')}, $1, t.rowid + m.add_line FROM typed t ASOF JOIN line_map m ON t.rowid >= m.from_rec`
        : `SELECT ${colList}, $1, rowid + ${Math.trunc(lineBase)} FROM typed t`,
      `WHERE t._fails IS NULL${withDuplicates ? ' AND t.rowid NOT IN (SELECT rec FROM dup_recs)' : ''}`,
    ].join('\n');
  const supersede = [
    `UPDATE ${history} h SET _superseded_by = $1`,
    `FROM (SELECT DISTINCT ${key.join(', ')} FROM ${history} WHERE _load_id = $1) n`,
    `WHERE h._superseded_by IS NULL AND h._load_id <> $1 AND ${contract.key.map((k) => `h.${quoteIdent(k)} = n.${quoteIdent(k)}`).join(' AND ')}`,
  ].join('\n');

  return { createTyped, typedSelect, selectFailed, createDuplicates, insertGood, supersede };
}
