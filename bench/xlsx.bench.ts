// Benchmark: a 1,000,000-row enforcement_decisions XLSX loaded by a running server, the way an upload is
// (`app.q.write` → ingestFile, on the single writer lane), while this process asks /api/health every 50 ms over
// real HTTP. Prints the server's peak RSS (VmHWM: target below 1 GiB; the XLSX parse worker's thread included, a
// worker shares its process) and the health check's latency during the load (target: answers within 1 s
// throughout), with the ratios to the target and to the latency before the load. The server runs in a child
// process so its peak RSS is its own.
//   npm run bench:xlsx [-- --rows 1000000 --file tmp/bench/decisions.xlsx --port 8182]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';

const args = process.argv.slice(2);
const arg = (name: string) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : undefined);
const rows = Number(arg('rows') ?? 1_000_000);
const port = Number(arg('port') ?? 8182);

if (args.includes('--child')) await child();
else await main();

/**
 * Deterministic rows like a sender's workbook, written as Excel writes them: text in the shared-strings table
 * (1 M distinct case ids among them, the reader's largest memory cost), dates as serial numbers with a date
 * format. The XML is written directly into the zip (archiver): exceljs's own writer takes many minutes for 1 M rows.
 */
async function writeXlsx(path: string, n: number): Promise<void> {
  const { ZipArchive } = await import('archiver');
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = createWriteStream(path);
  zip.pipe(out);
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.append(
    `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    { name: '[Content_Types].xml' },
  );
  zip.append(
    `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    { name: '_rels/.rels' },
  );
  zip.append(
    `${xml}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="enforcement_decisions" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    { name: 'xl/workbook.xml' },
  );
  zip.append(
    `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    { name: 'xl/_rels/workbook.xml.rels' },
  );
  zip.append(
    `${xml}<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    { name: 'xl/styles.xml' },
  );

  const header = [
    '案件编号',
    '行政区划代码',
    '执法机关',
    '执法类别',
    '决定日期',
    '公示日期',
    '重大执法决定',
    '法制审核',
  ];
  const types = ['许可', '处罚', '强制', '检查', '征收', '其他'];
  const agencies = ['市场监督管理局', '生态环境局', '交通运输局', '城市管理综合执法局', '应急管理局'];
  // Shared strings: the fixed vocabulary first, then one case id per row.
  const fixed = [...header, ...types, ...agencies, '是', '否'];
  const index = new Map(fixed.map((s, i) => [s, i]));
  const strings = async function* (): AsyncGenerator<string> {
    yield `${xml}<sst xmlns="${ns}" count="${fixed.length + n}" uniqueCount="${fixed.length + n}">${fixed.map((s) => `<si><t>${s}</t></si>`).join('')}`;
    let buf = '';
    for (let i = 0; i < n; i++) {
      buf += `<si><t>ED${i}</t></si>`;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = '';
      }
    }
    yield `${buf}</sst>`;
  };
  zip.append(Readable.from(strings()), { name: 'xl/sharedStrings.xml' });

  const sheet = async function* (): AsyncGenerator<string> {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const s = (ref: string, v: string) => `<c r="${ref}" t="s"><v>${index.get(v)}</v></c>`;
    yield `${xml}<worksheet xmlns="${ns}"><sheetData><row r="1">${header.map((h, i) => s(`${'ABCDEFGH'[i]}1`, h)).join('')}</row>`;
    let buf = '';
    for (let i = 0; i < n; i++) {
      const r = i + 2;
      const decided = 45292 + Math.floor(rand() * 360); // 2024-01-01 + up to 360 days, as Excel serials
      const published = rand() < 0.95 ? `<c r="F${r}" s="1"><v>${decided + Math.floor(rand() * 8)}</v></c>` : '';
      buf += `<row r="${r}"><c r="A${r}" t="s"><v>${fixed.length + i}</v></c><c r="B${r}"><v>${110101 + Math.floor(rand() * 15)}</v></c>${s(`C${r}`, agencies[i % 5])}${s(`D${r}`, types[Math.floor(rand() * 6)])}<c r="E${r}" s="1"><v>${decided}</v></c>${published}${s(`G${r}`, rand() < 0.05 ? '是' : '否')}${s(`H${r}`, rand() < 0.9 ? '是' : '否')}</row>`;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = '';
      }
    }
    yield `${buf}</sheetData></worksheet>`;
  };
  zip.append(Readable.from(sheet()), { name: 'xl/worksheets/sheet1.xml' });
  await zip.finalize();
  await once(out, 'close');
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'shifan-bench-xlsx-'));
  const file = resolve(arg('file') ?? join(dir, 'enforcement_decisions_bench.xlsx'));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const t = performance.now();
    await writeXlsx(file, rows);
    process.stdout.write(
      `wrote ${rows.toLocaleString('en')} rows to ${file} (${(statSync(file).size / 2 ** 20).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
  }
  const db = join(dir, 'bench.duckdb');
  // The server's load phases (SHIFAN_PROFILE) go to stderr, to read against the time of the slowest health check.
  const server = spawn(
    process.execPath,
    [join('bin', 'run-ts.mjs'), 'bench/xlsx.bench.ts', '--child', '--db', db, '--file', file, '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SHIFAN_PROFILE: '1' },
    },
  );
  let out = '';
  let loading = false;
  let finished = false;
  const latencies: number[] = [];
  let loadStarted = 0;
  let worst = { ms: 0, at: 0 };
  let baseline: number[] = [];
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
    if (out.includes('ingest-start') && !loading && !finished) {
      loading = true;
      loadStarted = performance.now();
    }
    if (out.includes('ingest-end')) {
      loading = false;
      finished = true;
    }
  });
  const exited = new Promise<number | null>((r) => server.on('exit', (code) => r(code)));
  while (!out.includes('listening')) await new Promise((r) => setTimeout(r, 50));
  // Health-check latency: sequential GETs every 50 ms; a stalled answer shows as one long latency.
  while (!finished) {
    const t = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(300_000) });
      await res.text();
    } catch {
      /* counted by its latency */
    }
    const ms = performance.now() - t;
    if (loading) {
      latencies.push(ms);
      if (ms > worst.ms) worst = { ms, at: (t - loadStarted) / 1000 };
    } else if (!finished) baseline.push(ms);
    await new Promise((r) => setTimeout(r, 50));
  }
  await exited;
  const result = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as {
    ms: number;
    peakRssMiB: number;
    result: { status: string; loaded: number; rejected: number; message: string };
  };
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  baseline = baseline.sort((a, b) => a - b);
  const before = baseline[Math.floor(baseline.length / 2)] ?? NaN;
  process.stdout.write(
    `${[
      `ingest: ${result.result.status}, ${result.result.loaded.toLocaleString('en')} loaded, ${result.result.rejected} rejected, ${(result.ms / 1000).toFixed(1)} s (${Math.round(rows / (result.ms / 1000)).toLocaleString('en')} rows/s)`,
      `server peak RSS (VmHWM): ${result.peakRssMiB.toFixed(0)} MiB (target < 1024 MiB: ${result.peakRssMiB < 1024 ? 'met' : 'NOT met'})`,
      `/api/health during the load: ${latencies.length} requests, median ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms at +${worst.at.toFixed(1)} s (target < 1000 ms: ${(sorted.at(-1) ?? 0) < 1000 ? 'met' : 'NOT met'}); before the load: median ${before.toFixed(1)} ms`,
      `ratios: slowest answer during the load / 1 s target = ${((sorted.at(-1) ?? 0) / 1000).toFixed(2)}; median during / median before = ${(q(0.5) / before).toFixed(2)}; answers slower than 1 s: ${latencies.filter((ms) => ms >= 1000).length} of ${latencies.length}`,
      `machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (other work shares it)`,
    ].join('\n')}\n`,
  );
  if (!arg('file')) rmSync(dir, { recursive: true, force: true });
  else rmSync(db, { force: true });
}

async function child(): Promise<void> {
  const { Database } = await import('../pipeline/db/index.ts');
  const { startServer } = await import('../pipeline/api/server.ts');
  const { ingestFile } = await import('../pipeline/load/index.ts');
  const { Writable } = await import('node:stream');
  const db = await Database.open(arg('db')!);
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const { app } = await startServer(db, { port, host: '127.0.0.1', scheduler: false, out: quiet });
  process.stdout.write('listening\n');
  // Three seconds of health checks before the load: the baseline latency, past the first (cold) answers.
  await new Promise((r) => setTimeout(r, 3000));
  process.stdout.write('ingest-start\n');
  const t = performance.now();
  const result = await app.q.write((wdb) => ingestFile(wdb, arg('file')!, { source: 'upload' }));
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 500));
  process.stdout.write('ingest-end\n');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(
    `${JSON.stringify({ ms, peakRssMiB: hwm ? Number(hwm[1]) / 1024 : process.memoryUsage().rss / 2 ** 20, result })}\n`,
  );
  await app.close();
  db.close();
}
