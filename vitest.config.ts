import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The small demo is generated, loaded and refreshed once per seed and code version, then copied per test file
    // (tests/support/demo-cache.ts, tests/README.md); the global setup drops caches of older code.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB work is CPU-bound and the machine has two cores.
    maxWorkers: 2,
    // The demo prints its PDF disclosure reports with Chromium (seconds per demo); tests that generate a demo only
    // for its data skip them. The PDF path is tested on its own (tests/disclosure-reports).
    env: { SHIFAN_DEMO_PDF: '0' },
  },
});
