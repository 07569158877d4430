// Benchmark: shifan's whole ingest (scan, validation, rejects, provenance, supersede, load log) of a
// 2-million-row enforcement_decisions CSV against DuckDB's own read_csv of the same file into a table, both in
// this run, alternating, best of N. Prints rows/s and the ratio (target: at most 1.5).
//
// It also measures a floor: what any ingest that validates must spend, whatever its design — the reader's pass
// with shifan's typing and checks written once into a table (no line numbers, no temp table, no reject details),
// the in-file duplicate-key aggregate, and the file's SHA-256. Their sum over read_csv is the best ratio an
// ingest with those three guarantees can reach on this machine.
//
// Then the same comparison as a user feels it, whole processes (medians): `shifan ingest FILE` on a database that
// already exists against a Node script that only opens a new DuckDB file and runs the read_csv. The difference
// between the two ratios is everything around the load: Node and module start, opening and checking the database.
//   npm run bench:ingest [-- --rows 2000000 --repeat 3]

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyTable } from '../pipeline/contracts/ddl.ts';
import { enforcementDecisions } from '../pipeline/contracts/enforcement-decisions.ts';
import { Database } from '../pipeline/db/index.ts';
import { repoRoot } from '../pipeline/db/paths.ts';
import { loadSql } from '../pipeline/load/contract-sql.ts';
import { ingestFile } from '../pipeline/load/index.ts';
import { stageCsv } from '../pipeline/load/stage-csv.ts';
import { scanCsv } from '../pipeline/readers/index.ts';
import { openPreparedDatabase } from '../pipeline/setup/open.ts';
import { median, timeProcess } from './whole-process.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rows = arg('rows', 2_000_000);
const repeat = arg('repeat', 3);
const dir = mkdtempSync(join(tmpdir(), 'shifan-bench-'));
// --file PATH keeps the generated CSV there (and reuses it when it exists) for repeated runs.
const fileArg = args.indexOf('--file') >= 0 ? args[args.indexOf('--file') + 1] : undefined;
const csv = fileArg ?? join(dir, 'enforcement_decisions_bench.csv');

/** Deterministic rows shaped like real senders' files, with one bad row in 100,000. */
async function writeCsv(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const types = ['license', 'penalty', 'coercion', 'inspection', 'levy', 'other'];
  const agencies = ['市场监督管理局', '生态环境局', '交通运输局', '城市管理综合执法局', '应急管理局'];
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  let buf = 'case_id,region_code,agency,action_type,decided_on,published_on,is_major,legal_review\n';
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const decided = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const pubDay = Math.min(28, day + Math.floor(rand() * 10));
    const published = rand() < 0.95 ? `2024-${String(month).padStart(2, '0')}-${String(pubDay).padStart(2, '0')}` : '';
    const region = 110101 + Math.floor(rand() * 15);
    const bad = i % 100_000 === 99_999;
    buf += `ED${i},${bad ? 'x' : region},${agencies[i % 5]},${types[Math.floor(rand() * 6)]},${decided},${published},${rand() < 0.05 ? 1 : 0},${rand() < 0.9 ? 1 : 0}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [(performance.now() - t) / 1000, v];
}

/** DuckDB alone: its reader with the column types given, straight into a table. */
async function baseline(i: number): Promise<number> {
  const path = join(dir, `baseline-${i}.duckdb`);
  const db = await Database.open(path, { migrate: false });
  const [s] = await timed(() =>
    db.run(
      `CREATE TABLE enforcement_decisions AS SELECT * FROM read_csv($1, header = true, columns = {'case_id': 'VARCHAR', 'region_code': 'VARCHAR', ` +
        `'agency': 'VARCHAR', 'action_type': 'VARCHAR', 'decided_on': 'DATE', 'published_on': 'DATE', 'is_major': 'BOOLEAN', 'legal_review': 'BOOLEAN'})`,
      [csv],
    ),
  );
  db.close();
  rmSync(path, { force: true });
  return s;
}

async function shifan(i: number): Promise<number> {
  const path = join(dir, `shifan-${i}.duckdb`);
  const db = await openPreparedDatabase(path);
  const [s, result] = await timed(() => ingestFile(db, csv));
  if (result.status !== 'loaded' || result.loaded + result.rejected !== rows)
    throw new Error(`ingest failed: ${JSON.stringify(result)}`);
  db.close();
  rmSync(path, { force: true });
  return s;
}

interface Floor {
  pass: number;
  duplicates: number;
  sha256: number;
}

/** The floor of any validating ingest: one typed and checked pass written once, the key aggregate, the hash. */
async function floor(i: number): Promise<Floor> {
  const path = join(dir, `floor-${i}.duckdb`);
  const db = await openPreparedDatabase(path);
  const contract = enforcementDecisions;
  const staged = await stageCsv(
    db,
    csv,
    contract,
    contract.columns.map((c) => c.name),
    ',',
    scanCsv(csv, ','),
  );
  const sql = loadSql(contract, historyTable(contract));
  await db.runFile('load/known_region_codes');
  const [pass] = await timed(() =>
    db.run(`CREATE TABLE checked AS ${sql.typedSelect(staged.relation)}`, [staged.param!]),
  );
  const [duplicates] = await timed(() =>
    db.all(`SELECT ${contract.key.join(', ')} FROM checked WHERE _fails IS NULL GROUP BY ALL HAVING count(*) > 1`),
  );
  const [sha256] = await timed(async () => {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(csv, { highWaterMark: 8 << 20 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  });
  await staged.cleanup();
  db.close();
  rmSync(path, { force: true });
  return { pass, duplicates, sha256 };
}

if (!fileArg || !existsSync(csv)) await writeCsv(csv, rows);
console.log(`file: ${rows.toLocaleString('en')} rows, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB`);
const base: number[] = [];
const ours: number[] = [];
const floors: Floor[] = [];
for (let i = 0; i < repeat; i++) {
  base.push(await baseline(i));
  ours.push(await shifan(i));
  floors.push(await floor(i));
  const f = floors[i];
  console.log(
    `run ${i + 1}: read_csv ${base[i].toFixed(2)} s, shifan ingest ${ours[i].toFixed(2)} s, ` +
      `floor ${(f.pass + f.duplicates + f.sha256).toFixed(2)} s (checked pass ${f.pass.toFixed(2)}, duplicate keys ${f.duplicates.toFixed(2)}, SHA-256 ${f.sha256.toFixed(2)})`,
  );
}
const b = Math.min(...base);
const o = Math.min(...ours);
console.log(`DuckDB read_csv into a table: ${b.toFixed(2)} s (${Math.round(rows / b).toLocaleString('en')} rows/s)`);
console.log(
  `shifan ingest (validation, rejects, provenance): ${o.toFixed(2)} s (${Math.round(rows / o).toLocaleString('en')} rows/s)`,
);
console.log(`ratio shifan / read_csv: ${(o / b).toFixed(2)} (target <= 1.5)`);
const best = (pick: (f: Floor) => number) => Math.min(...floors.map(pick));
const fl = best((f) => f.pass) + best((f) => f.duplicates) + best((f) => f.sha256);
console.log(
  `floor of any validating ingest (checked pass ${best((f) => f.pass).toFixed(2)} s + duplicate keys ${best((f) => f.duplicates).toFixed(2)} s + ` +
    `SHA-256 ${best((f) => f.sha256).toFixed(2)} s): ${fl.toFixed(2)} s, ratio ${(fl / b).toFixed(2)}`,
);

// Whole processes. The read_csv script is plain JavaScript (no TypeScript loader), as lean as a script can be; it
// sits in the repository's tmp/ so that it resolves @duckdb/node-api from the repository's node_modules.
mkdirSync(join(repoRoot, 'tmp'), { recursive: true });
const script = join(repoRoot, 'tmp', `bench-read-csv-${process.pid}.mjs`);
writeFileSync(
  script,
  `import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(process.argv[2]);
const connection = await instance.connect();
await connection.run("CREATE TABLE enforcement_decisions AS SELECT * FROM read_csv('" + process.argv[3].replaceAll("'", "''") + "', header = true, columns = {'case_id': 'VARCHAR', 'region_code': 'VARCHAR', 'agency': 'VARCHAR', 'action_type': 'VARCHAR', 'decided_on': 'DATE', 'published_on': 'DATE', 'is_major': 'BOOLEAN', 'legal_review': 'BOOLEAN'})");
connection.closeSync();
instance.closeSync();
`,
);
const shifanBin = join(repoRoot, 'bin', 'shifan.mjs');
execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], { stdio: 'ignore' });
// An existing, migrated database, copied fresh for every run: a user's ingest, not a first setup.
const template = join(dir, 'template.duckdb');
execFileSync(process.execPath, [shifanBin, '--db', template, 'loads'], { stdio: 'ignore' });
const wholeBase: number[] = [];
const wholeOurs: number[] = [];
for (let i = 0; i < repeat; i++) {
  const target = join(dir, `whole-base-${i}.duckdb`);
  wholeBase.push((await timeProcess(process.execPath, [script, target, csv])).wall);
  rmSync(target, { force: true });
  const ours = join(dir, `whole-shifan-${i}.duckdb`);
  copyFileSync(template, ours);
  wholeOurs.push((await timeProcess(process.execPath, [shifanBin, '--db', ours, 'ingest', csv])).wall);
  rmSync(ours, { force: true });
  console.log(
    `whole-process run ${i + 1}: read_csv script ${wholeBase[i].toFixed(2)} s, shifan ingest ${wholeOurs[i].toFixed(2)} s`,
  );
}
rmSync(script, { force: true });
const wb = median(wholeBase);
const wo = median(wholeOurs);
console.log(
  `whole processes (medians of ${repeat}): read_csv script ${wb.toFixed(2)} s, \`shifan ingest\` ${wo.toFixed(2)} s, ratio ${(wo / wb).toFixed(2)} ` +
    `(in-process ratio above: ${(o / b).toFixed(2)})`,
);
rmSync(dir, { recursive: true, force: true });
