// The run's own temporary folder (tests/support/run-temp.ts): in force in the workers and the processes they start,
// and the folders of ended runs are reaped while a live run's are kept.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRunTemp, reapEndedRuns } from './run-temp.ts';

describe('run temp', () => {
  let base = '';
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('is the temporary folder of this worker and of a process it starts', () => {
    expect(basename(tmpdir())).toMatch(/^shifan-test-run-\d+-/);
    const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], {
      encoding: 'utf8',
    });
    expect(child).toBe(tmpdir());
  });

  it('reaps the folders of ended runs with what is in them, and keeps live runs and other folders', () => {
    base = mkdtempSync(join(tmpdir(), 'reap-'));
    const ended = makeRunTemp(base, 424242);
    mkdirSync(join(ended, 'shifan-api-x'));
    writeFileSync(join(ended, 'shifan-api-x', 'api.duckdb'), 'x');
    const live = makeRunTemp(base, 4242);
    const other = join(base, 'shifan-test-run-notapid');
    mkdirSync(other);
    mkdirSync(join(base, 'shifan-api-abc'));

    const reaped = reapEndedRuns(base, (pid) => pid === 4242);

    expect(reaped).toEqual([basename(ended)]);
    expect(existsSync(ended)).toBe(false);
    expect(readdirSync(base).sort()).toEqual([basename(live), 'shifan-api-abc', 'shifan-test-run-notapid'].sort());
  });

  it('takes this process as alive and a pid no process has as ended', () => {
    base = mkdtempSync(join(tmpdir(), 'reap-'));
    const mine = makeRunTemp(base);
    // beyond Linux's largest pid (2^22), so no process has it
    const gone = makeRunTemp(base, 2 ** 22 + 1);
    expect(reapEndedRuns(base)).toEqual([basename(gone)]);
    expect(existsSync(mine)).toBe(true);
  });
});
