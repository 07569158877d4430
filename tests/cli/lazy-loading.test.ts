// Start-up stays small: a command loads only its own modules, so `--help` and `workdays` load neither DuckDB nor
// any heavy library, and the server starts without the libraries only some requests need (Arrow, the export's
// renderer, workbook and zip). Checked by tracing every module the process resolves (module-trace.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const HEAVY = [
  '@duckdb/node-api',
  'fastify',
  'jsdom',
  'playwright-core',
  'exceljs',
  'apache-arrow',
  '@observablehq/plot',
  'archiver',
];

/** The npm packages a node process resolved while running `args` (its exit status too). */
function packagesLoaded(args: string[]): { packages: Set<string>; status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', './tests/cli/module-trace.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const packages = new Set<string>();
  for (const [, name] of r.stderr.matchAll(/^module-trace .*?\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm))
    packages.add(name);
  return { packages, status: r.status, stdout: r.stdout };
}

describe('what a command loads', () => {
  it('lists every command for --help without loading DuckDB or any heavy library', () => {
    const run = packagesLoaded(['bin/shifan.mjs', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ingest/);
    for (const name of HEAVY) expect(run.packages, name).not.toContain(name);
  }, 60_000);

  it('answers workdays add without loading DuckDB or any heavy library', () => {
    const run = packagesLoaded(['bin/shifan.mjs', 'workdays', 'add', '2024-09-30', '7']);
    expect(run.stdout.trim()).toBe('2024-10-15');
    for (const name of HEAVY) expect(run.packages, name).not.toContain(name);
  }, 60_000);

  it('builds the server without Arrow, the export renderer, the workbook library or the zip library', () => {
    const run = packagesLoaded(['bin/run-ts.mjs', 'tests/cli/build-app.ts']);
    expect(run.status).toBe(0);
    expect(run.packages).toContain('fastify'); // the trace works
    for (const name of ['jsdom', 'playwright-core', 'exceljs', 'apache-arrow', '@observablehq/plot', 'archiver'])
      expect(run.packages, name).not.toContain(name);
  }, 120_000);
});
