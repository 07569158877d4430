#!/usr/bin/env node
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Compiles the command line (pipeline/, TypeScript) to JavaScript in dist/cli, so `shifan` starts without a
// TypeScript compiler in the loop (bin/shifan.mjs runs it while it is fresher than every source file).
// One bundle with code splitting: the entry holds the command registry only; each command's module and what it
// imports become chunks loaded when that command runs (commands/index.ts). npm packages stay external.
// dist/cli sits two folders below the repository like pipeline/db, so repoRoot (pipeline/db/paths.ts), computed
// from import.meta.url, is the same for the sources and the compiled chunks.
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
const started = performance.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['pipeline/cli/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: '[name]-[hash]', // flat, beside main.js: every file at the depth repoRoot expects
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
writeFileSync(
  join(outdir, 'build.json'),
  `${JSON.stringify({ built_at: new Date().toISOString(), files: outputs.length }, null, 2)}\n`,
);
process.stdout.write(
  `compiled the command line to ${outdir} (${outputs.length} files) in ${Math.round(performance.now() - started)} ms\n`,
);
