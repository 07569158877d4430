// Which reader a file needs, from its extension.
import { extname } from 'node:path';

export type FileFormat = 'csv' | 'xlsx' | 'jsonl' | 'parquet' | ReportFileFormat;

/** Published reports read by pipeline/disclosure-reports (told by extension; a .txt is a report when its first
 *  lines name one, see reportFormatOf). */
export type ReportFileFormat = 'html' | 'docx' | 'pdf' | 'text';

export function formatOf(path: string): FileFormat | undefined {
  switch (extname(path).toLowerCase()) {
    case '.csv':
    case '.tsv':
    case '.txt':
      return 'csv';
    case '.xlsx':
      return 'xlsx';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.parquet':
      return 'parquet';
    case '.html':
    case '.htm':
    case '.shtml':
      return 'html';
    case '.docx':
      return 'docx';
    case '.pdf':
      return 'pdf';
    default:
      return undefined;
  }
}

/** The report format of a file, or undefined: HTML, DOCX and PDF by extension, .txt as possible plain text. */
export function reportFormatOf(path: string): ReportFileFormat | undefined {
  const format = formatOf(path);
  if (format === 'html' || format === 'docx' || format === 'pdf') return format;
  return extname(path).toLowerCase() === '.txt' ? 'text' : undefined;
}
