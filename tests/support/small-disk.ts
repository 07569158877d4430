// A real small disk for the tests of what a full disk does: a tmpfs mounted on a folder of the run's temporary folder.
// Mounting needs root (and a kernel that allows it, as Linux containers run as root usually do); where it is not
// allowed, `mountSmallDisk` returns undefined and the test file skips itself with a message.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mounted folder. */
  dir: string;
  /** Changes the disk's size (`64m`, `1200k`); a size below what is used is refused by the kernel. */
  resize(size: string): void;
  /** Kilobytes in use. */
  usedKb(): number;
  unmount(): void;
}

export function mountSmallDisk(size: string, why: string): SmallDisk | undefined {
  const dir = join(mkdtempSync(join(tmpdir(), 'shifan-small-disk-')), 'disk');
  mkdirSync(dir);
  const mount = (options: string) =>
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  try {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) throw new Error('not root on Linux');
    mount(`size=${size}`);
  } catch {
    console.warn(`${why}: skipped, filling a real disk needs root and mount (tmpfs)`);
    return undefined;
  }
  return {
    dir,
    resize: (to) => mount(`remount,size=${to}`),
    usedKb: () => {
      const { bsize, blocks, bfree } = statfsSync(dir);
      return Math.ceil(((blocks - bfree) * bsize) / 1024);
    },
    unmount: () => execFileSync('umount', [dir]),
  };
}
