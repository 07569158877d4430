// Which reader a file needs, from its extension.
import { extname } from 'node:path';

export type FileFormat = 'csv' | 'xlsx' | 'jsonl' | 'parquet';

export function formatOf(path: string): FileFormat | undefined {
  switch (extname(path).toLowerCase()) {
    case '.csv': case '.tsv': case '.txt': return 'csv';
    case '.xlsx': return 'xlsx';
    case '.jsonl': case '.ndjson': return 'jsonl';
    case '.parquet': return 'parquet';
    default: return undefined;
  }
}
