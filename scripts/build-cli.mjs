#!/usr/bin/env node
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Compiles the command line (pipeline/, TypeScript) to JavaScript in dist/cli, so `shifan` starts without a
// TypeScript compiler in the loop (bin/shifan.mjs runs it while it is fresher than every source file it was built
// from: bin/compiled.mjs, on the lists of sources this writes to dist/cli/build.json).
// One bundle with code splitting: the entry holds the command registry only; each command's module and what it
// imports become chunks loaded when that command runs (commands/index.ts). npm packages stay external.
// Beside it, serve-early.js: one file with nothing but node:http, which bin/shifan.mjs loads to bind the port of
// `shifan serve` before the command line loads (cli/serve-early.ts). The main bundle imports that same file at run
// time (external, not a copy), so the serve command finds the server it bound: one module instance.
// dist/cli sits two folders below the repository like pipeline/db, so repoRoot (pipeline/db/paths.ts), computed
// from import.meta.url, is the same for the sources and the compiled chunks.
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
const started = performance.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const EARLY = 'pipeline/cli/serve-early.ts';
const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
};
/** In the main bundle, serve-early.ts is the file the early bundle wrote, imported as it is. */
const earlyExternal = {
  name: 'serve-early-external',
  setup(b) {
    b.onResolve({ filter: /\/serve-early\.ts$/ }, () => ({ path: './serve-early.js', external: true }));
  },
};
const [main, early] = await Promise.all([
  build({
    ...common,
    entryPoints: ['pipeline/cli/main.ts'],
    splitting: true,
    chunkNames: '[name]-[hash]', // flat, beside main.js: every file at the depth repoRoot expects
    plugins: [earlyExternal],
  }),
  build({ ...common, entryPoints: [EARLY] }),
]);
const outputs = [main, early].flatMap((r) => Object.keys(r.metafile.outputs).filter((f) => f.endsWith('.js')));
// The source files of each bundle (npm packages are external): the files whose edit makes the build stale.
const sourcesOf = (r) => Object.keys(r.metafile.inputs).sort();
const sources = [...new Set([...sourcesOf(main), ...sourcesOf(early)])].sort();
// Written last: its modification time is the build's, which no source may be newer than.
writeFileSync(
  join(outdir, 'build.json'),
  `${JSON.stringify(
    { built_at: new Date().toISOString(), files: outputs.length, early_sources: sourcesOf(early), sources },
    null,
    2,
  )}\n`,
);
process.stdout.write(
  `compiled the command line to ${outdir} (${outputs.length} files) in ${Math.round(performance.now() - started)} ms\n`,
);
