// The package's zip on a disk that is full (a write to /dev/full fails with ENOSPC, Linux): the export fails with the
// write's error, which the caller words (storage.full), instead of an unhandled rejection that ends the process: a
// server exporting on a full disk was killed by it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageFull } from '../../pipeline/db/storage-full.ts';
import { writeZip } from '../../pipeline/export/zip.ts';

describe('the zip on a full disk', () => {
  it('fails the export with ENOSPC, and nothing is left unhandled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifan-zip-'));
    // larger than the stream's buffer, so the zip's writes reach the disk while it is still being built
    writeFileSync(join(dir, 'a.csv'), Buffer.alloc(4 << 20, 7));
    writeFileSync(join(dir, 'b.csv'), 'x\n');
    const failure = await writeZip(dir, ['a.csv', 'b.csv'], '/dev/full', 'q', new Date(0)).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toMatchObject({ code: 'ENOSPC' });
    expect(storageFull(failure)).toBeDefined();
    // a rejection left unawaited would surface here, in this file's run, as an unhandled error
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
});
