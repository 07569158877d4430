// Progress of long loads on a terminal: files, rows/s and an ETA from the bytes still to read.
import type { IngestProgress } from './ingest-paths.ts';

export function terminalProgress(
  stream: { write(text: string): unknown; isTTY?: boolean } = process.stderr,
): ((p: IngestProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (p) => {
    const seconds = p.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(p.rowsDone / seconds) : 0;
    const share = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : 1;
    const eta = share > 0 && share < 1 ? Math.round((seconds / share) * (1 - share)) : 0;
    const done = p.index >= p.files;
    const line = done
      ? `loaded ${p.files} files, ${p.rowsDone.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} rows/s)`
      : `[${p.index + 1}/${p.files}] ${(share * 100).toFixed(0)}%  ${rate.toLocaleString('en')} rows/s  ETA ${eta}s  ${p.file.split('/').pop()}`;
    stream.write(`\r\x1b[2K${line}${done ? '\n' : ''}`);
  };
}
