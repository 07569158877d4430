// bin/shifan.mjs runs the compiled dist/cli only while no source it was built from changed: an edit after the build
// (or a deleted source, or a build without its list of sources) runs the TypeScript sources instead, never stale
// code, and a `serve` whose early port binding came from the compiled side releases that port first. Run on a copy
// of bin/ in a scratch repository whose "compiled" and "source" entries only say which one ran.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
mkdirSync(join(root, 'tmp'), { recursive: true });
const repo = mkdtempSync(join(root, 'tmp', 'compiled-start-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const SOURCES = ['pipeline/cli/main.ts', 'pipeline/cli/serve-early.ts', 'pipeline/api/listen-first.ts'];
const EARLY = ['pipeline/cli/serve-early.ts', 'pipeline/api/listen-first.ts'];
const past = new Date(Date.now() - 3_600_000);

function write(path: string, text: string, at: Date = past): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
  utimesSync(join(repo, path), at, at);
}

/** A scratch repository built an hour ago from sources older than the build. */
function scratch(build: object = { sources: SOURCES, early_sources: EARLY }): void {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  cpSync(join(root, 'bin'), join(repo, 'bin'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
  write('package.json', '{"type":"module"}\n', new Date(past.getTime() - 60_000));
  for (const file of SOURCES) write(file, "process.stdout.write('sources\\n');\n", new Date(past.getTime() - 60_000));
  write('dist/cli/main.js', "process.stdout.write('compiled\\n');\n");
  // the early entry: records that it bound the port and was released, as serve-early.ts does
  write(
    'dist/cli/serve-early.js',
    `export async function listenEarly() { process.stdout.write('bound early\\n'); return true; }
export async function releaseEarlyServer() { process.stdout.write('released\\n'); }
`,
  );
  write('dist/cli/build.json', `${JSON.stringify(build)}\n`);
}

function shifan(...args: string[]): string {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'shifan.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, SHIFAN_DEBUG: '', SHIFAN_NO_COMPILED: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeEach(() => scratch());

describe('which code `shifan` runs', () => {
  it('runs the compiled command line while no source changed since the build', () => {
    expect(shifan('--help')).toBe('compiled\n');
  });

  it('runs the sources once a source file is edited after the build', () => {
    write('pipeline/cli/main.ts', "process.stdout.write('sources\\n');\n", new Date());
    expect(shifan('--help')).toBe('sources\n');
  });

  it('runs the sources when a source of the build is gone or the build lists no sources', () => {
    rmSync(join(repo, 'pipeline/api/listen-first.ts'));
    expect(shifan('--help')).toBe('sources\n');
    scratch({ built_at: 'then', files: 2 }); // the stamp of an older build script
    expect(shifan('--help')).toBe('sources\n');
  });

  it('binds the port of serve early from a fresh build and keeps it when the rest is fresh', () => {
    expect(shifan('serve', '--port', '0')).toBe('bound early\ncompiled\n');
  });

  it('releases the early port and runs the sources when the rest of the build is stale', () => {
    write('pipeline/cli/main.ts', "process.stdout.write('sources\\n');\n", new Date());
    expect(shifan('serve', '--port', '0')).toBe('bound early\nreleased\nsources\n');
  });

  it('binds nothing early when the early entry itself is stale', () => {
    write('pipeline/api/listen-first.ts', "process.stdout.write('sources\\n');\n", new Date());
    expect(shifan('serve', '--port', '0')).toBe('sources\n');
  });
});
