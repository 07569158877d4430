// JSON Lines: one object per line. Lines that are not JSON objects are reported, not thrown.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type JsonlLine =
  | { line: number; raw: string; record: Record<string, unknown> }
  | { line: number; raw: string; error: string };

export async function* readJsonl(path: string): AsyncGenerator<JsonlLine> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    const raw = n === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (raw.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(raw);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        yield { line: n, raw, error: 'not a JSON object' };
      else yield { line: n, raw, record: value as Record<string, unknown> };
    } catch (err) {
      yield { line: n, raw, error: (err as Error).message };
    }
  }
}

export function jsonCellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
