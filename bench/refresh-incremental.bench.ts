// Benchmark: the refresh after a load, full against incremental, in the same run. Works on a copy of the given
// database (never the database itself): one full refresh to start, then, alternating, a small load touching one
// year (an enforcement_decisions CSV of one region's decisions in the last complete year, through the ordinary
// ingest) followed by a full refresh or by an incremental one. Prints each run, the medians and their ratio, and
// which years the incremental runs recomputed. Both give the same rows (tests/indicators/incremental.test.ts).
//   npm run bench:refresh-incremental -- DB_PATH [--repeat 3]
// DB_PATH: a loaded database, e.g. the small demo (`node bin/shifan.mjs --db /tmp/demo.duckdb demo`) or the national
// one (bench/refresh.bench.ts says how to make it).
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refresh, type RefreshResult } from '../pipeline/indicators/index.ts';
import { ingestPaths } from '../pipeline/load/index.ts';
import { openPreparedDatabase } from '../pipeline/setup/open.ts';
import { median } from './whole-process.ts';

const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 3;
const source = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--repeat') ?? process.env.SHIFAN_DB;
if (!source || !existsSync(source)) {
  console.error('usage: npm run bench:refresh-incremental -- DB_PATH [--repeat N] (a database with loaded data)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'shifan-refresh-incremental-'));
const path = join(dir, 'bench.duckdb');
copyFileSync(source, path);
const db = await openPreparedDatabase(path);
const times: Record<'full' | 'incremental', number[]> = { full: [], incremental: [] };
try {
  const first = await refresh(db);
  const year = Number(first.as_of.slice(0, 4)) - (first.as_of.slice(5) >= '02-01' ? 1 : 2);
  const region = (await db.one<{ region_code: string }>('SELECT min(region_code) AS region_code FROM regions'))!
    .region_code;
  console.log(
    `first refresh (full) ${first.seconds.toFixed(2)} s, ${first.metric_rows.toLocaleString('en')} indicator values; ` +
      `each load: 50 decisions of ${region} in ${year}`,
  );
  for (let i = 0; i < repeat * 2; i++) {
    const mode = i % 2 === 0 ? 'full' : 'incremental';
    const csv = join(dir, `enforcement_decisions_${year}_bench${i}.csv`);
    const rows = Array.from({ length: 50 }, (_, k) => {
      const decided = `${year}-0${1 + (k % 9)}-1${k % 10}`;
      return `BENCH-${i}-${k},${region},市场监管局,penalty,${decided},${k % 3 ? decided : ''},false,`;
    });
    writeFileSync(
      csv,
      `case_id,region_code,agency,action_type,decided_on,published_on,is_major,legal_review\n${rows.join('\n')}\n`,
    );
    const [loaded] = await ingestPaths(db, [csv], { source: 'bench' });
    if (loaded.status !== 'loaded') throw new Error(`the bench load was ${loaded.status}: ${loaded.message}`);
    const r: RefreshResult = await refresh(db, { incremental: mode === 'incremental' });
    if (r.mode !== mode) throw new Error(`asked for a ${mode} refresh, got ${r.mode}`);
    times[mode].push(r.seconds);
    const slow = [...r.steps]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4)
      .map((s) => `${s.step} ${(s.ms / 1000).toFixed(2)} s`)
      .join(', ');
    console.log(
      `${mode.padEnd(11)} ${r.seconds.toFixed(2)} s, years recomputed: ${r.years_recomputed.join(', ') || 'none'}; slowest: ${slow}`,
    );
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
const full = median(times.full);
const incremental = median(times.incremental);
console.log(
  `\nmedians of ${repeat}, same run: full ${full.toFixed(2)} s, incremental ${incremental.toFixed(2)} s, ` +
    `full / incremental = ${(full / incremental).toFixed(2)}`,
);
