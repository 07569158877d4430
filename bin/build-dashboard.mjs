#!/usr/bin/env node
// `npm start`'s first step: builds the dashboard with Vite when the development tools are installed. An install
// with `npm ci --omit=dev` has no Vite: it serves the dashboard/dist that came with it (a release is built before
// it is shipped), or, without one, the API alone with a page that says how to build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = existsSync(new URL('../dashboard/dist/index.html', import.meta.url));
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
if (existsSync(vite)) {
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
process.stdout.write(
  built
    ? 'vite is not installed (production install): serving the dashboard already built in dashboard/dist\n'
    : 'vite is not installed and dashboard/dist is missing: the API will run, the dashboard needs `npm run build` with the dev tools\n',
);
