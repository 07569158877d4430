// SQL generated from a contract: how each raw cell is typed, which checks a row must pass, and how rejects are
// explained. It is generated because the contract is the one definition of the columns; the parsing rules
// themselves are the macros of sql/macros/parse.sql.
import { isRequired, type Column, type DatasetContract } from '../contracts/index.ts';
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
  if (col.type === 'text') return `CASE WHEN is_blank(${raw}) THEN NULL ELSE trim(${raw}) END`;
  if (col.type === 'enum') {
    const whens = (col.values ?? []).flatMap((v) =>
      [v.value, v.zh, ...(v.aliases ?? [])].map((alias) => `WHEN ${lit(alias.toLowerCase())} THEN ${lit(v.value)}`),
    );
    return `CASE lower(trim(${raw})) ${whens.join(' ')} END`;
  }
  return `${parser[col.type]}(${raw})`;
}

interface Check {
  column: string;
  code: string;
  /** TRUE when the row fails; never NULL. */
  fails: string;
  message: string;
}

/** Per-cell checks on the raw value (r) and its typed value (t). */
function cellChecks(contract: DatasetContract, col: Column, raw: string, typed: string): Check[] {
  const checks: Check[] = [];
  if (isRequired(contract, col) && !col.derive) {
    checks.push({ column: col.name, code: 'required', fails: `is_blank(${raw})`, message: `${col.name} is required` });
  }
  if (col.type !== 'text') {
    const code = `bad_${col.type === 'datetime' ? 'datetime' : col.type === 'boolean' ? 'boolean' : col.type}`;
    const allowed = col.type === 'enum' ? `: one of ${(col.values ?? []).map((v) => `${v.value}/${v.zh}`).join(', ')}` : '';
    checks.push({
      column: col.name,
      code,
      fails: `(NOT is_blank(${raw}) AND ${typed} IS NULL)`,
      message: `${col.name}: ${rowRejectCodes[code as keyof typeof rowRejectCodes] ?? code}${allowed}`,
    });
  }
  const min = col.min ?? (col.type === 'int' || col.type === 'percent' ? 0 : undefined);
  const max = col.max ?? (col.type === 'percent' ? 100 : undefined);
  if (min !== undefined) checks.push({ column: col.name, code: 'out_of_range', fails: `coalesce(${typed} < ${min}, false)`, message: `${col.name} must be at least ${min}` });
  if (max !== undefined) checks.push({ column: col.name, code: 'out_of_range', fails: `coalesce(${typed} > ${max}, false)`, message: `${col.name} must be at most ${max}` });
  return checks;
}

export interface ValidationSql {
  /** Reads `stage` (raw cells + __line + __d) into temp table `typed` with the typed columns and __ok. */
  createTyped: string;
  /** Rows of `typed` that share a key with an earlier row of the same file (temp table `dup_lines`). */
  createDuplicates: string;
  /** Inserts the good rows into the history table; $1 = load id. */
  insertGood: (withDuplicates: boolean) => string;
  /** For bad rows: one row per failed check (line, d, column, code, value, message). */
  explainBad: string;
  /** Marks older current rows with the same key as superseded by load $1; returns the count. */
  supersede: string;
}

export function validationSql(contract: DatasetContract, history: string): ValidationSql {
  const cols = contract.columns;
  const raw = (c: Column) => `s.${quoteIdent(c.name)}`;
  const cell = cols.flatMap((c) => cellChecks(contract, c, raw(c), typedExpr(c, raw(c))));
  // Rules are written over the typed columns (pipeline/contracts), so they are evaluated on `typed`.
  const rules: Check[] = (contract.rules ?? []).map((r) => ({ column: r.column, code: r.code, fails: `NOT coalesce(${r.check}, true)`, message: r.message }));
  const derived = cols.filter((c) => c.derive);
  const key = contract.key.map(quoteIdent);
  const any = (checks: Check[]) => (checks.length ? checks.map((c) => c.fails).join(' OR ') : 'false');

  const createTyped = [
    `CREATE OR REPLACE TEMP TABLE typed AS`,
    `SELECT * EXCLUDE (__cell_bad), NOT (__cell_bad OR ${any(rules)}) AS __ok`,
    `FROM (`,
    `  SELECT * ${derived.length ? `REPLACE (${derived.map((c) => `coalesce(${quoteIdent(c.name)}, ${c.derive}) AS ${quoteIdent(c.name)}`).join(', ')})` : ''}`,
    `  FROM (`,
    `    SELECT s.__line, s.__d,`,
    ...cols.map((c) => `      ${typedExpr(c, raw(c))} AS ${quoteIdent(c.name)},`),
    `      (${any(cell)}) AS __cell_bad`,
    `    FROM stage s`,
    `  )`,
    `)`,
  ].join('\n');

  const createDuplicates = [
    `CREATE OR REPLACE TEMP TABLE dup_lines AS`,
    `SELECT __line, __d, key_text FROM (`,
    `  SELECT __line, __d, concat_ws(' | ', ${key.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')}) AS key_text,`,
    `    row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY __line) AS rn`,
    `  FROM typed`,
    `  WHERE __ok AND (${key.join(', ')}) IN (SELECT (${key.join(', ')}) FROM typed WHERE __ok GROUP BY ALL HAVING count(*) > 1)`,
    `) WHERE rn > 1`,
  ].join('\n');

  const colList = cols.map((c) => quoteIdent(c.name)).join(', ');
  const insertGood = (withDuplicates: boolean) => [
    `INSERT INTO ${history} (${colList}, _load_id, _line)`,
    `SELECT ${colList}, $1, __line FROM typed`,
    `WHERE __ok${withDuplicates ? ' AND __line NOT IN (SELECT __line FROM dup_lines)' : ''}`,
  ].join('\n');

  const explain = (checks: Check[], valueOf: (column: string) => string) =>
    checks.map((c) => `CASE WHEN ${c.fails} THEN {'column': ${lit(c.column)}, 'code': ${lit(c.code)}, 'value': CAST(${valueOf(c.column)} AS VARCHAR), 'message': ${lit(c.message)}} END`).join(',\n      ');
  const explainBad = [
    `SELECT __line AS line, __d AS d, e.column AS column_name, e.code AS code, e.value AS value, e.message AS message FROM (`,
    `  SELECT s.__line, s.__d, unnest([`,
    `      ${cell.length ? explain(cell, (c) => `s.${quoteIdent(c)}`) : 'NULL'}`,
    `  ]) AS e`,
    `  FROM stage s WHERE s.__line IN (SELECT __line FROM typed WHERE NOT __ok)`,
    ...(rules.length ? [
      `  UNION ALL`,
      `  SELECT __line, __d, unnest([`,
      `      ${explain(rules, (c) => quoteIdent(c))}`,
      `  ]) AS e`,
      `  FROM typed WHERE NOT __ok`,
    ] : []),
    `) WHERE e IS NOT NULL ORDER BY line`,
  ].join('\n');

  const supersede = [
    `UPDATE ${history} h SET _superseded_by = $1`,
    `FROM (SELECT DISTINCT ${key.join(', ')} FROM ${history} WHERE _load_id = $1) n`,
    `WHERE h._superseded_by IS NULL AND h._load_id <> $1 AND ${contract.key.map((k) => `h.${quoteIdent(k)} = n.${quoteIdent(k)}`).join(' AND ')}`,
  ].join('\n');

  return { createTyped, createDuplicates, insertGood, explainBad, supersede };
}
