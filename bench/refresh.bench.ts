// Benchmark: `shifan refresh` over a loaded database, normally the national-scale demo (21M enforcement decisions,
// 1.1M litigation cases, 2.1M disclosure requests, ...). Prints seconds and source rows/s per run, the slowest steps,
// and the best run against the target (at most 60 s on the 2-core machine).
//   npm run bench:refresh -- /tmp/nat.duckdb [--repeat 2]
// Without a database: make one first (about 4 minutes, 2 GB of files):
//   node bin/shifan.mjs demo --scale national --db /tmp/nat.duckdb --out /tmp/nat-inbox
// Each run is a real refresh and is recorded in refresh_runs of that database.
import { existsSync } from 'node:fs';
import { refresh } from '../pipeline/indicators/index.ts';
import { openPreparedDatabase } from '../pipeline/setup/open.ts';

const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 2;
const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--repeat') ?? process.env.SHIFAN_DB;
const TARGET_SECONDS = 60;

if (!path || !existsSync(path)) {
  console.error(`usage: npm run bench:refresh -- DB_PATH [--repeat N]
DB_PATH must hold loaded data; for the national-scale benchmark make it with
  node bin/shifan.mjs demo --scale national --db /tmp/nat.duckdb --out /tmp/nat-inbox
${path ? `(${path} does not exist)` : ''}`);
  process.exit(2);
}

const db = await openPreparedDatabase(path);
const seconds: number[] = [];
try {
  for (let i = 0; i < repeat; i++) {
    const r = await refresh(db);
    seconds.push(r.seconds);
    const slow = [...r.steps]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s`)
      .join(', ');
    console.log(
      `run ${i + 1}: ${r.seconds.toFixed(2)} s, ${r.source_rows.toLocaleString('en')} source rows, ` +
        `${Math.round(r.rows_per_second).toLocaleString('en')} rows/s; ${r.metric_rows.toLocaleString('en')} indicator values, ` +
        `${r.flags_active.toLocaleString('en')} active flags; slowest: ${slow}`,
    );
  }
} finally {
  db.close();
}
const best = Math.min(...seconds);
console.log(
  `best refresh: ${best.toFixed(2)} s (target <= ${TARGET_SECONDS} s): ${best <= TARGET_SECONDS ? 'within target' : 'OVER TARGET'}`,
);
process.exitCode = best <= TARGET_SECONDS ? 0 : 1;
