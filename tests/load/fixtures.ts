// Test fixtures: a temp folder built from a map of file name → content, and a fresh database in it.
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../pipeline/db/index.ts';
import { freshDatabase } from '../support/fresh-database.ts';

export interface Workspace {
  dir: string;
  db: Database;
  file(name: string, content: string | Buffer): string;
  close(): void;
}

export async function workspace(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-test-'));
  const db = await freshDatabase(join(dir, 'test.duckdb'));
  return {
    dir,
    db,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const decisionHeader = 'case_id,region_code,agency,action_type,decided_on,published_on,is_major,legal_review';

export function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A large enforcement-decisions CSV at PATH, streamed: ROWS valid rows with case ids PREFIX0, PREFIX1, …; returns PATH. */
export async function writeDecisions(path: string, rows: number, prefix = 'K'): Promise<string> {
  const out = createWriteStream(path);
  out.write(`${decisionHeader}\n`);
  for (let i = 0; i < rows; i++) out.write(`${prefix}${i},110101,市场监督管理局,license,2024-01-05,2024-01-08,0,1\n`);
  out.end();
  await once(out, 'finish');
  return path;
}
