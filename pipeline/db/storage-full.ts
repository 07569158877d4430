// A write that failed because the disk (or the user's quota) is full. Said as such, in the user's language, by the
// command line and the API (the vocabulary's `storage.full` and `storage.full_server`), instead of DuckDB's
// "TransactionContext Error: Failed to commit: Could not write file …" or a 500.
// What such a failure leaves is safe to say: DuckDB rolls back the transaction whose commit could not be written (the
// write-ahead log of the data already committed is intact, and replays at the next open), and a file Node could not
// finish writing belongs to a step that has not completed.

/** The file a failed write names, when the error is a full disk: Node's ENOSPC / EDQUOT, or DuckDB's IO error. */
export function storageFull(err: unknown): { path: string } | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, path } = err as NodeJS.ErrnoException;
  if (code === 'ENOSPC' || code === 'EDQUOT') return { path: path ?? '' };
  // DuckDB says strerror(errno) after the file name; a write cut short (part of the bytes written) is the first sign
  // of a full disk, before the next write gets ENOSPC itself
  const duck =
    /Could not write (?:all bytes to )?file "([^"]*)"[^\n]*?(?:No space left on device|Disk quota exceeded|wanted=)/.exec(
      err.message,
    );
  if (duck) return { path: duck[1]! };
  // Node's text, when a library passed the message on without the code (Chromium printing through Playwright)
  if (/No space left on device|Disk quota exceeded|\bENOSPC\b|\bEDQUOT\b/i.test(err.message)) return { path: '' };
  return undefined;
}
