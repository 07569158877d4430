// Loads files and folders (folders recursively, in name order). Files of a type no reader takes are skipped
// quietly inside folders (README, planted.json) but reported when named explicitly.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { formatOf } from '../readers/index.ts';
import { ingestFile, type IngestOptions, type IngestResult } from './ingest.ts';

export interface IngestProgress {
  file: string;
  index: number;
  files: number;
  bytesDone: number;
  bytesTotal: number;
  rowsDone: number;
  elapsedMs: number;
}

export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name), false);
    } else if (explicit || formatOf(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

export async function ingestPaths(
  db: Database,
  paths: string[],
  options: IngestOptions & { onProgress?: (p: IngestProgress) => void } = {},
): Promise<IngestResult[]> {
  const files = expandPaths(paths);
  const sizes = files.map((f) => statSync(f).size);
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const started = performance.now();
  const results: IngestResult[] = [];
  let bytesDone = 0;
  let rowsDone = 0;
  for (let i = 0; i < files.length; i++) {
    options.onProgress?.({
      file: files[i],
      index: i,
      files: files.length,
      bytesDone,
      bytesTotal,
      rowsDone,
      elapsedMs: performance.now() - started,
    });
    const result = await ingestFile(db, files[i], options);
    results.push(result);
    bytesDone += sizes[i];
    rowsDone += result.loaded + result.rejected;
  }
  options.onProgress?.({
    file: '',
    index: files.length,
    files: files.length,
    bytesDone,
    bytesTotal,
    rowsDone,
    elapsedMs: performance.now() - started,
  });
  return results;
}
