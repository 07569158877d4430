// DuckDB reads UTF-8 only (no encodings extension here), so GB18030/GBK files are decoded in Node, streaming,
// into a UTF-8 temporary file with the same lines.
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export async function decodeGb18030ToUtf8(source: string, target: string): Promise<void> {
  const decoder = new TextDecoder('gb18030');
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
  await pipeline(createReadStream(source, { highWaterMark: 4 << 20 }), toUtf8, createWriteStream(target));
}

export function decodeBytes(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string {
  return new TextDecoder(encoding).decode(bytes);
}
