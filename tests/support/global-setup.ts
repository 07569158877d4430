// Once per `vitest run`, before any test file: drops demo caches built by older code (tests/support/demo-cache.ts).
// The caches themselves are built lazily by the first test file that needs a seed, so a run of one small file
// never waits for a demo.
import { pruneDemoCaches } from './demo-cache.ts';

export default function setup(): void {
  pruneDemoCaches();
}
