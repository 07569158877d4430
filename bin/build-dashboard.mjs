#!/usr/bin/env node
// `npm start`'s first step: builds the dashboard with Vite when the development tools are installed. An install
// with `npm ci --omit=dev` has no Vite: it serves the dashboard/dist that came with it (a release is built before
// it is shipped), or, without one, the API alone with a page that says how to build.
// A build newer than everything it is built from is kept: a second start is not slowed by it, and a server already
// running from this checkout keeps the files it serves (a build empties dashboard/dist first). `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DASHBOARD_INPUTS } from './dashboard-inputs.mjs';
import { exitIfNodeTooOld } from './node-version.mjs';

exitIfNodeTooOld(); // Vite 8 needs the same Node as the server

const root = fileURLToPath(new URL('..', import.meta.url));
const index = join(root, 'dashboard', 'dist', 'index.html');
const built = existsSync(index);
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
/** The newest modification time of a file under PATH (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const upToDate = built && DASHBOARD_INPUTS.every((input) => newest(join(root, input)) <= statSync(index).mtimeMs);
if (existsSync(vite) && upToDate && !process.argv.includes('--force')) {
  process.stdout.write('the dashboard in dashboard/dist is newer than its sources: not built again\n');
} else if (existsSync(vite)) {
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
} else
  process.stdout.write(
    built
      ? 'vite is not installed (production install): serving the dashboard already built in dashboard/dist\n'
      : 'vite is not installed and dashboard/dist is missing: the API will run, the dashboard needs `npm run build` with the dev tools\n',
  );
