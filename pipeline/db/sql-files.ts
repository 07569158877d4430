// Loads SQL statements from sql/ by name. Files are sent whole so DuckDB's "LINE n:" is the file's own line,
// and errors are re-thrown as `sql/<name>.sql:<line>: message`.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot, sqlDir } from './paths.ts';

const cache = new Map<string, string>();

/** Text of `sql/<name>.sql` (name without extension, e.g. "schema/001_core"). */
export function sqlText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(sqlPath(name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export function sqlPath(name: string): string {
  return join(sqlDir, `${name}.sql`);
}

/** `-- @key: value` lines at the top of a SQL file. */
export function sqlHeader(name: string): Record<string, string> {
  const header: Record<string, string> = {};
  for (const line of sqlText(name).split('\n')) {
    const m = /^--\s*@([\w.-]+):\s*(.*)$/.exec(line);
    if (m) header[m[1]] = m[2].trim();
    else if (!line.startsWith('--') && line.trim() !== '') break;
  }
  return header;
}

export class SqlFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'SqlFileError';
  }
}

export function asSqlFileError(name: string, err: unknown): SqlFileError {
  const message = err instanceof Error ? err.message : String(err);
  const m = /LINE (\d+):/.exec(message);
  return new SqlFileError(relative(repoRoot, sqlPath(name)), m ? Number(m[1]) : undefined, message.split('\n')[0]);
}
