// Each test run keeps its temporary files in one folder of its own, removed when the run ends.
// Why: about forty test files make temporary folders (a database copy is ~100 MB), and the processes they start
// (the command line, Chromium, exceljs's `tmp` files) make more. Before, nothing removed them: a run left about 5 GB
// in /tmp, and the runs of a few weeks filled this machine's disk until CI's `npm ci` failed with ENOSPC.
// Pointing TMPDIR at the run's folder catches all of them, the child processes' too, without every test having to
// remember its own clean-up; a run killed before its teardown is reaped by the next run, which checks the process.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'shifan-test-run-';

/** A new folder for this run's temporary files, named after the process that owns it. */
export function makeRunTemp(base: string, pid = process.pid): string {
  return mkdtempSync(join(base, `${PREFIX}${pid}-`));
}

/** Removes the run folders in `base` whose process has ended (a run killed before its teardown); returns them. */
export function reapEndedRuns(base: string, alive: (pid: number) => boolean = processAlive): string[] {
  const reaped: string[] = [];
  for (const name of readdirSync(base)) {
    const pid = name.startsWith(PREFIX) ? Number.parseInt(name.slice(PREFIX.length), 10) : Number.NaN;
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    try {
      rmSync(join(base, name), { recursive: true, force: true });
      reaped.push(name);
    } catch {
      // something in it cannot go (a tmpfs a killed test left mounted: EBUSY): not this run's to fail on
    }
  }
  return reaped;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so its folder is not ours to take
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
