// The zip next to the folder: the folder's files under a top directory named like the folder. archiver does the
// format; entry dates are the package's generation time so the zip does not depend on file system times.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { ZipArchive } from 'archiver';

export async function writeZip(
  dir: string,
  fileNames: string[],
  zipPath: string,
  topDir: string,
  date: Date,
): Promise<void> {
  const output = createWriteStream(zipPath);
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const closed = new Promise<void>((resolve, reject) => {
    output.on('close', () => resolve());
    output.on('error', reject);
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  archive.pipe(output);
  for (const name of [...fileNames].sort()) archive.file(join(dir, name), { name: `${topDir}/${name}`, date });
  // Both awaited together: a write that fails (a full disk) rejects `closed` while finalize() is still pending, and a
  // rejection nobody awaits yet ends the process (the server with it), instead of failing this export.
  try {
    await Promise.all([archive.finalize(), closed]);
  } catch (err) {
    archive.abort();
    output.destroy();
    throw err;
  }
}
