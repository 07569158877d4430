// A file a reader cannot open at all (a renamed or damaged workbook, a Parquet file cut short, a "JSON Lines" file
// with no JSON in it): a load refusal code of the vocabulary (pipeline/vocabulary/rejects.ts loadMessage) with its
// figures, so every reader sees one language and advice on what to send instead. The English message is for logs;
// `detail` keeps the library's own words for them.

export type UnreadableCode = 'unreadable_xlsx' | 'xlsx_too_large' | 'unreadable_parquet' | 'unreadable_jsonl';

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  constructor(
    message: string,
    readonly loadCode: UnreadableCode,
    readonly loadParams: Record<string, unknown> = {},
    readonly detail?: string,
  ) {
    super(message);
  }
}
