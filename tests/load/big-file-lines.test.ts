// A file of several of DuckDB's row groups (122,880 rows each) keeps its lines: every reject names the line it came
// from, every loaded row carries its own line, and of two rows with the same key the later one in the file is the
// duplicate. The typing query once joined the division list (NOT IN a subquery), and with that join DuckDB handed the
// rows of a big file to the typed table out of reading order: every line of this test was wrong, on every run
// (sql/load/known_region_codes.sql).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../pipeline/load/index.ts';
import { decisionHeader, workspace, type Workspace } from './fixtures.ts';

/** Physical lines with a problem of their own, in both files. */
const BAD_DATE = [60_000, 130_001, 190_002];
const UNKNOWN_CODE = [123_000, 180_000];
const DUPLICATE_OF = new Map([[170_000, 5]]); // line 170,000 repeats the key of line 5

/** Each record's case id names its line, so a row read back says where it came from. */
function record(line: number): Record<string, string | boolean> {
  const key = DUPLICATE_OF.get(line) ?? line;
  return {
    case_id: `L${key}`,
    region_code: UNKNOWN_CODE.includes(line) ? '999999' : '110101',
    agency: '市场监督管理局',
    action_type: 'penalty',
    decided_on: BAD_DATE.includes(line) ? '2024-13-45' : '2024-03-01',
    published_on: '2024-03-05',
    is_major: false,
    legal_review: true,
  };
}

/** The file's record lines: after a header line (CSV) or from the first line (JSON Lines). */
const linesFrom = (first: number, rows: number) => Array.from({ length: rows }, (_, i) => i + first);
const rejectedLines = [...BAD_DATE, ...UNKNOWN_CODE, ...DUPLICATE_OF.keys()].sort((a, b) => a - b);

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(() => ws.close());

async function loadedLines(loadId: number) {
  return ws.db.all<{ wrong: number; rows: number }>(
    `SELECT count(*) FILTER (WHERE case_id <> 'L' || _line)::INT AS wrong, count(*)::INT AS rows
     FROM enforcement_decisions_history WHERE _load_id = $1`,
    [loadId],
  );
}

describe('a file of several row groups', () => {
  // The sizes at which the code before this fix failed on every run: at 200,000 rows its CSV path still kept order.
  it.each([
    [
      'CSV (read by DuckDB straight into the typing query)',
      'enforcement_decisions_big.csv',
      300_000,
      (rows: number) =>
        `${decisionHeader}\n${linesFrom(2, rows)
          .map((l) => Object.values(record(l)).join(','))
          .join('\n')}\n`,
    ],
    [
      'JSON Lines (staged row by row, then typed)',
      'enforcement_decisions_big.jsonl',
      200_000,
      (rows: number) =>
        `${linesFrom(1, rows)
          .map((l) => JSON.stringify(record(l)))
          .join('\n')}\n`,
    ],
  ])(
    'keeps every line of a %s: rejects, loaded rows and the later duplicate',
    async (_format, name, rows, content) => {
      const result = await ingestFile(ws.db, ws.file(name, content(rows)), { dataset: 'enforcement_decisions' });
      expect(result).toMatchObject({
        status: 'loaded',
        loaded: rows - rejectedLines.length,
        rejected: rejectedLines.length,
      });
      const rejects = await ws.db.all<{ line: number; code: string; value: string }>(
        'SELECT line::INT AS line, code, value FROM rejects WHERE load_id = $1 ORDER BY line',
        [result.load_id!],
      );
      expect(rejects).toEqual(
        rejectedLines.map((line) => ({
          line,
          code: BAD_DATE.includes(line)
            ? 'bad_date'
            : UNKNOWN_CODE.includes(line)
              ? 'unknown_region_code'
              : 'duplicate_key',
          value: BAD_DATE.includes(line) ? '2024-13-45' : UNKNOWN_CODE.includes(line) ? '999999' : 'L5',
        })),
      );
      expect(await loadedLines(result.load_id!)).toEqual([{ wrong: 0, rows: rows - rejectedLines.length }]);
    },
    120_000,
  );
});
