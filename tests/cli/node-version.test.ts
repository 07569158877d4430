// The oldest Node the product runs on (bin/node-version.mjs): 20.19, the first with require(esm), which
// @fastify/static and light-my-request need for their ES-module-only dependencies. An older Node gets a message in
// both languages and exit code 1 from `shifan` and from `npm start`'s dashboard build, before anything loads.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTooOld, nodeTooOldMessage } from '../../bin/node-version.mjs';

const root = join(import.meta.dirname, '..', '..');

/** Runs a script of bin/ under a Node that says it is `version` (a preload rewrites process.version). */
function runAs(
  version: string,
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const preload = join(tmpdir(), `node-${version}.mjs`);
  writeFileSync(
    preload,
    `Object.defineProperty(process, 'version', { value: 'v${version}' });\n` +
      `Object.defineProperty(process.versions, 'node', { value: '${version}' });\n`,
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', preload, join(root, 'bin', script), ...args],
      { cwd: root, env: { ...process.env, SHIFAN_DEBUG: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the oldest Node', () => {
  it('is 20.19: older minors and majors are refused, 20.19 and later pass', () => {
    for (const old of ['20.18.3', '20.0.0', '18.20.8', '16.20.2']) expect(nodeTooOld(old), old).toBe(true);
    for (const ok of ['20.19.0', '20.20.2', '22.0.0', '24.11.1']) expect(nodeTooOld(ok), ok).toBe(false);
  });

  it('says in Chinese and English which version is needed and which one runs', () => {
    const message = nodeTooOldMessage('v20.18.3');
    expect(message).toContain('shifan 需要 Node.js 20.19 或更高版本，当前为 v20.18.3');
    expect(message).toContain('shifan needs Node.js 20.19 or later; this is v20.18.3');
  });

  it('stops shifan on Node 20.18 before the command line loads', async () => {
    const run = await runAs('20.18.3', 'shifan.mjs', ['--help']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${nodeTooOldMessage('v20.18.3')}\n`);
    // neither the compiled command line nor the sources were reached (SHIFAN_DEBUG would say which)
    expect(run.stdout).toBe('');
  });

  it("stops npm start's dashboard build on Node 20.18 before Vite loads", async () => {
    const run = await runAs('20.18.3', 'build-dashboard.mjs', []);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${nodeTooOldMessage('v20.18.3')}\n`);
  });

  it('lets shifan run on Node 20.19', async () => {
    const run = await runAs('20.19.0', 'shifan.mjs', ['--help']);
    expect(run.stderr).not.toContain('20.19 或更高版本');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('shifan');
  });
});
