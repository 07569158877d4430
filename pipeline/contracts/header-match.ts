// Matches a file's header to a contract. Matching ignores case, surrounding spaces and full-width/half-width
// differences (DATA.md); both the English column name and the Chinese header are accepted.
import type { DatasetContract } from './types.ts';

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export interface HeaderMatch {
  /** For each file column, the contract column it carries (undefined when unknown). */
  columns: Array<string | undefined>;
  missing: string[];
  unknown: string[];
  duplicated: string[];
  ok: boolean;
}

export function matchHeader(contract: DatasetContract, fields: string[]): HeaderMatch {
  const byAlias = new Map<string, string>();
  for (const col of contract.columns) {
    byAlias.set(normaliseHeader(col.name), col.name);
    byAlias.set(normaliseHeader(col.zh), col.name);
  }
  const columns = fields.map((f) => byAlias.get(normaliseHeader(f)));
  const unknown = fields.filter((_, i) => columns[i] === undefined).map((f) => f.trim());
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const c of columns) {
    if (c === undefined) continue;
    if (seen.has(c)) duplicated.push(c);
    seen.add(c);
  }
  const missing = contract.columns.filter((c) => !c.optional && !seen.has(c.name)).map((c) => c.name);
  return {
    columns,
    missing,
    unknown,
    duplicated,
    ok: missing.length === 0 && unknown.length === 0 && duplicated.length === 0,
  };
}

/** The message a refused header gets: what is missing, what is unknown, and how to fix it. */
export function describeHeaderProblem(contract: DatasetContract, match: HeaderMatch): string {
  // The message goes to the load log, which every account sees. When most of the first row's cells are not
  // column names, the row is data (a file without a header row) and its cells are never quoted: a raw row may
  // belong to any province. Only a row that is recognisably a header has its unknown names quoted.
  const known = match.columns.filter((c) => c !== undefined).length;
  if (known * 2 < match.columns.length) {
    return (
      `the first row is not a header of dataset ${contract.name} (${contract.zh}): ${known} of its ${match.columns.length} cells ` +
      `are column names, so the file seems to have no header row. Add the header row of the template from \`shifan templates\` ` +
      `(English names or the Chinese headers are both accepted).`
    );
  }
  const parts: string[] = [];
  const zh = (name: string) => contract.columns.find((c) => c.name === name)?.zh ?? name;
  if (match.missing.length) parts.push(`missing columns: ${match.missing.map((m) => `${m} (${zh(m)})`).join(', ')}`);
  if (match.unknown.length) parts.push(`unknown columns: ${match.unknown.map((u) => `"${u}"`).join(', ')}`);
  if (match.duplicated.length) parts.push(`columns given twice: ${match.duplicated.join(', ')}`);
  return (
    `header does not fit dataset ${contract.name} (${contract.zh}): ${parts.join('; ')}. ` +
    `Use the template from \`shifan templates\` (English names or the Chinese headers are both accepted).`
  );
}
