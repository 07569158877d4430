// The loader decides whether a row failed with a condition written for speed (rowFailsExpr) and explains it
// with the full list of checks (failureChecks). If the two disagreed, a row could load despite a failing check
// or be rejected with no reason. Here they must agree on every row of a grid of adversarial cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import { datasets, type Column, type DatasetContract } from '../../pipeline/contracts/index.ts';
import { failureChecks, ruleColumns, rowFailsExpr, typedExpr } from '../../pipeline/load/contract-sql.ts';
import { quoteIdent } from '../../pipeline/contracts/ddl.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

const blanks = [null, '', ' ', '   '];
const cellsByType: Record<Column['type'], string[]> = {
  text: ['abc', ' abc ', '市场监督管理局', 'x '],
  region_code: ['110101', ' 110101 ', '999999', '11010', '1101011', 'abcdef', '１１０１０１', '110101\t'],
  int: ['0', '12', '12.0', '12.5', '-1', '1,200', ' 7 ', 'x', '99999999999999999999', '+3'],
  number: ['0', '1.5', '-2', '1e3', ' 3 ', 'x', '1,234.5', '.5'],
  percent: ['0', '50', '50%', '100', '100.5', '-1', 'x', ' 99 '],
  date: [
    '2024-01-05',
    '2024-01-08',
    '2024/1/5',
    '2024年1月5日',
    '2023-02-29',
    ' 2024-01-05',
    '05.01.2024',
    '2024-1-5',
    '2025-01-31',
  ],
  datetime: ['2024-01-05 10:00', '2024-01-05T10:00:00+08:00', '2024-01-05T02:00:00Z', 'yesterday', '2024-01-05'],
  boolean: ['1', '0', '是', '否', 'Y', 'n', 'true', 'FALSE', 'maybe', ' 1 '],
  enum: [],
};

function candidates(col: Column): Array<string | null> {
  if (col.type !== 'enum') return [...blanks, ...cellsByType[col.type]];
  const spellings = (col.values ?? []).flatMap((v) => [v.value, v.zh, ...(v.aliases ?? [])]);
  return [...blanks, ...spellings, ...spellings.slice(0, 2).map((s) => ` ${s.toUpperCase()} `), 'bogus'];
}

/** Deterministic rows: mostly clean cells (so rules over several columns get exercised), some adversarial. */
function rows(contract: DatasetContract, n: number): Array<Array<string | null>> {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  // About half the rows keep every cell clean, whatever the number of columns.
  const adversarial = 1 - 0.5 ** (1 / contract.columns.length);
  return Array.from({ length: n }, () =>
    contract.columns.map((col) => {
      const all = candidates(col);
      const numeric = col.type === 'int' || col.type === 'number' || col.type === 'percent';
      // A derived column is cleanest left blank: the value is then derived, never contradicting its source.
      // A column with a rule of its own (the naming round's round_id pattern) is clean with its contract example.
      const clean = col.derive
        ? [null]
        : col.example !== undefined && col.type === 'text'
          ? [col.example]
          : // a date that may stay empty is clean empty too (a handled_on left blank while an objection is pending)
            col.type === 'date' && !col.required
            ? [null, ...all.slice(blanks.length, blanks.length + 2)]
            : numeric
              ? [String(col.min ?? 0), String((col.min ?? 0) + 1)]
              : all.slice(blanks.length, blanks.length + 2);
      return next() >= adversarial ? clean[Math.floor(next() * clean.length)] : all[Math.floor(next() * all.length)];
    }),
  );
}

const lit = (v: string | null) => (v === null ? 'NULL::VARCHAR' : `'${v.replace(/'/g, "''")}'`);

let db: Database;
beforeAll(async () => {
  db = await openPreparedDatabase(':memory:');
  await db.runFile('load/known_region_codes');
});
afterAll(() => db.close());

describe('the fast row-fails condition', () => {
  it.each(datasets.map((d) => [d.name, d] as const))(
    'agrees with the full list of checks for %s',
    async (_name, contract) => {
      const rawRef = (c: Column) => quoteIdent(`__r_${c.name}`);
      const typedRef = (c: Column) => quoteIdent(c.name);
      const values = rows(contract, 600)
        .map((r) => `(${r.map(lit).join(', ')})`)
        .join(',\n');
      const names = contract.columns.map((c) => quoteIdent(c.name)).join(', ');
      const slow = failureChecks(contract, rawRef)
        .map((c) => `(${c.fails})`)
        .join(' OR ');
      const [result] = await db.all<{ rows: number; failing: number; disagree: number }>(`
      SELECT count(*) AS rows, count(*) FILTER (WHERE slow) AS failing, count(*) FILTER (WHERE fast IS DISTINCT FROM slow) AS disagree
      FROM (
        SELECT coalesce(${rowFailsExpr(contract, rawRef, typedRef)}, false) AS fast, coalesce(${slow}, false) AS slow
        FROM (
          SELECT ${contract.columns.map((c) => `v.${quoteIdent(c.name)} AS ${rawRef(c)}`).join(', ')},
            ${contract.columns.map((c) => `${typedExpr(c, `v.${quoteIdent(c.name)}`)} AS ${typedRef(c)}`).join(', ')}
          FROM (VALUES ${values}) v(${names})
        )
      )`);
      expect(result.rows).toBe(600);
      // The grid must contain both kinds of row, or agreement would prove nothing.
      expect(result.failing).toBeGreaterThan(30);
      expect(result.failing).toBeLessThan(570);
      expect(result.disagree).toBe(0);
    },
  );
});

describe('the columns a rule reads', () => {
  // A rule is left out for a row whose cell it reads was refused for its own type or allowed values; the columns are
  // found by name in the rule's SQL, so every rule must at least be found to read the column it reports.
  it.each(datasets.flatMap((d) => (d.rules ?? []).map((r) => [d.name, r.code, d, r] as const)))(
    'are found for %s rule %s',
    (_name, _code, contract, rule) => {
      const names = ruleColumns(contract, rule).map((c) => c.name);
      expect(names).toContain(rule.column);
      for (const n of names) expect(rule.check).toMatch(new RegExp(`\\b${n}\\b`));
    },
  );
});
