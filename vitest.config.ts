import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The small demo is generated, loaded and refreshed once per seed and code version, then copied per test file
    // (tests/support/demo-cache.ts, tests/README.md); the global setup drops caches of older code.
    globalSetup: ['tests/support/global-setup.ts'],
    // passwords hashed at a lower scrypt cost in this process (tests/support/password-cost.ts)
    setupFiles: ['tests/support/password-cost.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB work is CPU-bound and the machine has two cores: a third worker took longer (279 s against 271 s) for
    // 24 % more CPU (tests/README.md, "How long it takes").
    maxWorkers: 2,
    // A worker runs one file after another in the same process and keeps the modules it has loaded (Fastify, DuckDB,
    // the pipeline), instead of a fresh process that loads them again for each of about a hundred files: measured on
    // nine API files, 40% less CPU. What a file changes is its own to undo (environment variables, stubbed globals,
    // open databases and servers); module state the pipeline keeps is keyed by path or set up per use.
    isolate: false,
    // The longest files start first, also in a fresh clone without vitest's record of earlier runs.
    sequence: { sequencer: LongestFirst },
    // The demo prints its PDF disclosure reports with Chromium (seconds per demo); tests that generate a demo only
    // for its data skip them. The PDF path is tested on its own (tests/disclosure-reports).
    env: { SHIFAN_DEMO_PDF: '0' },
  },
});
