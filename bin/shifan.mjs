#!/usr/bin/env node
// The `shifan` command. Runs the compiled JavaScript of dist/cli (`npm run build`, scripts/build-cli.mjs) while no
// source file it was built from has changed since (compiled.mjs), else the TypeScript sources through tsx, so a
// checkout edited since the last build never runs stale code. SHIFAN_DEBUG=1 says which on stderr.
// A plain `shifan serve` binds its port first (dist/cli/serve-early.js, pipeline/cli/serve-early.ts, once its own
// three sources are checked): /api/health answers while the rest of the build is checked and the command line, the
// database and Fastify load. Should the rest prove stale, that server is closed and the sources run as above.
import { fileURLToPath } from 'node:url';
import { readBuild, staleSource } from './compiled.mjs';
import { exitIfNodeTooOld } from './node-version.mjs';

exitIfNodeTooOld();

// Everything this process writes (the database and its log, exports, backups, uploads being received) is its
// owner's only: group and others get no access (pipeline/db/private-files.ts).
process.umask(0o077);
const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const build = process.env.SHIFAN_NO_COMPILED ? 'SHIFAN_NO_COMPILED is set' : readBuild(root);

/** @type {typeof import('../dist/cli/serve-early.js') | undefined} the early start, when it bound the port */
let early;
if (typeof build !== 'string' && argv.includes('serve') && !staleSource(root, build, build.earlySources)) {
  const module = await import('../dist/cli/serve-early.js');
  if (await module.listenEarly(argv)) early = module; // bound before the rest is checked
}
const stale = typeof build === 'string' ? build : staleSource(root, build, build.sources);

if (stale === undefined) {
  if (process.env.SHIFAN_DEBUG) process.stderr.write(`shifan: running the compiled ${root}dist/cli\n`);
  await import('../dist/cli/main.js');
} else {
  await early?.releaseEarlyServer();
  if (process.env.SHIFAN_DEBUG)
    process.stderr.write(`shifan: running the TypeScript sources through tsx (${stale}; \`npm run build\`)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  await import('../pipeline/cli/main.ts');
}
