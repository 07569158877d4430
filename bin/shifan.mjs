#!/usr/bin/env node
// The `shifan` command. Runs the compiled JavaScript of dist/cli (`npm run build`, scripts/build-cli.mjs) when it is
// newer than every source file of pipeline/, else the TypeScript sources through tsx, so a checkout that was
// edited since the last build never runs stale code. SHIFAN_DEBUG=1 says which on stderr.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'cli', 'main.js');

/** The build stamp is newer than every file under pipeline/ (about 200 stats, under 2 ms). */
function compiledIsFresh() {
  if (process.env.SHIFAN_NO_COMPILED || !existsSync(compiled)) return false;
  const builtAt = statSync(join(root, 'dist', 'cli', 'build.json'), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return false;
  for (const entry of readdirSync(join(root, 'pipeline'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    if (statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > builtAt) return false;
  }
  return true;
}

if (compiledIsFresh()) {
  if (process.env.SHIFAN_DEBUG) process.stderr.write(`shifan: running the compiled ${compiled}\n`);
  await import(compiled);
} else {
  if (process.env.SHIFAN_DEBUG)
    process.stderr.write(
      'shifan: running the TypeScript sources through tsx (no fresh build in dist/cli; `npm run build`)\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../pipeline/cli/main.ts');
}
