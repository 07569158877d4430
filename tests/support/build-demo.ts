// Builds one seed of the tests' small-demo cache: `node bin/run-ts.mjs tests/support/build-demo.ts SEED BASE`,
// started by tests/support/demo-cache.ts, which holds the seed's lock for it; removes the lock when done.
import { buildDemo } from './demo-cache.ts';

const [seed, base] = process.argv.slice(2);
const started = performance.now();
await buildDemo(Number(seed), base);
console.log(`built the small demo, seed ${seed}, in ${((performance.now() - started) / 1000).toFixed(1)} s: ${base}`);
