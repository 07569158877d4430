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
  if (col.type === 'text') return `parse_text(${raw})`;
  if (col.type === 'enum') {
    // Exact spellings first: lower(trim()) allocates a new string per cell and most cells are already exact.
    const spellings = (col.values ?? []).flatMap((v) => [v.value, v.zh, ...(v.aliases ?? [])].map((a) => [a, v.value] as const));
    const exact = spellings.map(([a, v]) => `WHEN ${lit(a)} THEN ${lit(v)}`).join(' ');
    const loose = spellings.map(([a, v]) => `WHEN ${lit(a.toLowerCase())} THEN ${lit(v)}`).join(' ');
    return `coalesce(CASE ${raw} ${exact} END, CASE lower(trim(${raw})) ${loose} END)`;
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

export interface LoadSql {
  /**
   * One pass: reads `relation` (raw VARCHAR cells named after the contract columns, plus __rec = record
   * number), types every cell, and inserts every row into the history table with $1 = load id and
   * _line = __rec + lineBase. Rows that fail a check carry the reasons in _fails; they are moved to the
   * rejects store and deleted before the transaction commits.
   */
  insertAll: (relation: string, lineBase: number) => string;
  /** The failing rows of load $1: rec (= _line - $2) and the list of failures. */
  selectFailed: string;
  /** Later rows of load $1 whose key already appeared earlier in the same file; rec = _line - $2. */
  selectDuplicates: string;
  /** Marks older current rows with the same key as superseded by load $1. */
  supersede: string;
}

export function loadSql(contract: DatasetContract, history: string): LoadSql {
  const cols = contract.columns;
  // Inside the insert, raw cells are __r_<name> and typed values carry the contract names, so the rules of the
  // contract (written over typed columns) read as written.
  const rawRef = (c: Column) => quoteIdent(`__r_${c.name}`);
  const cell = cols.flatMap((c) => cellChecks(contract, c, rawRef(c), quoteIdent(c.name)));
  const rules: Check[] = (contract.rules ?? []).map((r) => ({ column: r.column, code: r.code, fails: `NOT coalesce(${r.check}, true)`, message: r.message }));
  const checks = [...cell, ...rules];
  const derived = cols.filter((c) => c.derive);
  const key = contract.key.map(quoteIdent);
  const valueOf = (check: Check) => (rules.includes(check) ? `CAST(${quoteIdent(check.column)} AS VARCHAR)` : rawRef(cols.find((c) => c.name === check.column)!));
  const structs = checks
    .map((c) => `CASE WHEN ${c.fails} THEN {'column': ${lit(c.column)}, 'code': ${lit(c.code)}, 'value': ${valueOf(c)}, 'message': ${lit(c.message)}} END`)
    .join(',\n      ');
  const colList = cols.map((c) => quoteIdent(c.name)).join(', ');

  const insertAll = (relation: string, lineBase: number) => [
    `INSERT INTO ${history} (${colList}, _load_id, _line, _fails)`,
    `SELECT ${colList}, $1, __rec + ${Math.trunc(lineBase)},`,
    `  CASE WHEN ${checks.length ? checks.map((c) => c.fails).join(' OR ') : 'false'} THEN list_filter([`,
    `      ${structs || 'NULL'}`,
    `    ], x -> x IS NOT NULL) END`,
    `FROM (`,
    `  SELECT * ${derived.length ? `REPLACE (${derived.map((c) => `coalesce(${quoteIdent(c.name)}, ${c.derive}) AS ${quoteIdent(c.name)}`).join(', ')})` : ''}`,
    `  FROM (`,
    `    SELECT s.__rec,`,
    `      ${cols.map((c) => `s.${quoteIdent(c.name)} AS ${rawRef(c)}`).join(', ')},`,
    `      ${cols.map((c) => `${typedExpr(c, `s.${quoteIdent(c.name)}`)} AS ${quoteIdent(c.name)}`).join(',\n      ')}`,
    `    FROM ${relation} s`,
    `  )`,
    `)`,
  ].join('\n');
  const selectFailed = `SELECT _line - $2 AS rec, _fails AS fails FROM ${history} WHERE _load_id = $1 AND _fails IS NOT NULL ORDER BY _line`;

  const selectDuplicates = [
    `SELECT _line - $2 AS rec, key_text FROM (`,
    `  SELECT _line, concat_ws(' | ', ${key.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')}) AS key_text,`,
    `    row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY _line) AS rn`,
    `  FROM ${history}`,
    `  WHERE _load_id = $1 AND (${key.join(', ')}) IN (`,
    `    SELECT (${key.join(', ')}) FROM ${history} WHERE _load_id = $1 GROUP BY ALL HAVING count(*) > 1)`,
    `) WHERE rn > 1 ORDER BY _line`,
  ].join('\n');

  const supersede = [
    `UPDATE ${history} h SET _superseded_by = $1`,
    `FROM (SELECT DISTINCT ${key.join(', ')} FROM ${history} WHERE _load_id = $1) n`,
    `WHERE h._superseded_by IS NULL AND h._load_id <> $1 AND ${contract.key.map((k) => `h.${quoteIdent(k)} = n.${quoteIdent(k)}`).join(' AND ')}`,
  ].join('\n');

  return { insertAll, selectFailed, selectDuplicates, supersede };
}
