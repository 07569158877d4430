// What the dashboard is built from: its sources and config, and pipeline/, whose vocabulary, contracts and route
// schemas it imports. `npm start` rebuilds when one of them is newer than the build (build-dashboard.mjs); the browser
// tests rebuild when their content changed (tests/support/dashboard-build.ts).
export const DASHBOARD_INPUTS = [
  'dashboard/src',
  'dashboard/index.html',
  'dashboard/public',
  'dashboard/tsconfig.json',
  'vite.config.ts',
  'pipeline',
  'package-lock.json',
];
