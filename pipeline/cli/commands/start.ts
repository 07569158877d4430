// `shifan start`: the README's first command. Sets up the embedded default (DuckDB file, reference data, the
// small demo when the database is empty), says what it did, then serves the product (`shifan serve`) unless
// --no-serve is given.
import type { Command } from 'commander';
import { ensureSampleData, type FirstRunStep } from '../../setup/first-run.ts';
import { terminalProgress } from '../../load/progress.ts';
import { label, type Lang } from '../../vocabulary/index.ts';
import { cliErr, cliOut, langOf, optionsOf, printJson, withDatabase } from '../context.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from '../serve-early.ts';
import { serveDatabase } from './serve.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('set up the embedded default (database, reference data, demo sample when empty) and run the product')
    .option('--seed <n>', 'seed of the demo sample loaded into an empty database', '1')
    .option('--no-serve', 'set up only; do not start the server afterwards')
    .option('--port <n>', 'port of the server', DEFAULT_PORT)
    .option('--host <addr>', 'address of the server', DEFAULT_HOST)
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ seed: string; serve: boolean; port: string; host: string }>(cmd);
      await startAction(cmd, opts);
      if (opts.serve)
        await serveDatabase(opts.db, {
          port: opts.port,
          host: opts.host,
          refreshIfNever: true,
          lang: langOf(cmd),
        });
    });
}

// The command's own words (like a page's headings, they are not codes of the vocabulary).
const words = {
  zh: {
    steps: {
      reference: '载入全国参照值',
      generate: '空数据库：生成小型示例数据',
      load: '载入示例数据文件',
      inspectors: '导入示例抽查人员名册',
      refresh: '计算指标、预警和摘牌观察名单',
      naming: '写入示例认定批次（第四批，2026 年）',
    } satisfies Record<FirstRunStep, string>,
    step: (i: number, n: number, text: string, seconds: string) => `[${i}/${n}] ${text}…（已用 ${seconds} 秒）`,
    database: '数据库',
    rows: (loaded: number, rejected: number) => `载入 ${loaded} 行，拒收 ${rejected} 行`,
    reference: '参照数据',
    generated: (files: number, planted: number, dir: string) =>
      `空数据库：已生成小型示例数据（${files} 个文件，${planted} 个预置问题），位于 ${dir}`,
    loaded: (rows: string, rejected: number) => `已载入 ${rows} 行，拒收 ${rejected} 行（见 \`npx shifan rejects\`）`,
    kept: '数据库中已有数据，未生成示例数据',
    next: '下一步',
  },
  en: {
    steps: {
      reference: 'loading the national benchmarks',
      generate: 'empty database: generating the small demo',
      load: "loading the demo's files",
      inspectors: "importing the demo's inspector register",
      refresh: 'computing indicators, risk flags and the revocation watchlist',
      naming: "writing the demo's naming round (fourth batch, 2026)",
    } satisfies Record<FirstRunStep, string>,
    step: (i: number, n: number, text: string, seconds: string) => `[${i}/${n}] ${text}… (${seconds} s so far)`,
    database: 'database',
    rows: (loaded: number, rejected: number) => `${loaded} rows loaded, ${rejected} rejected`,
    reference: 'reference',
    generated: (files: number, planted: number, dir: string) =>
      `empty database: generated the small demo (${files} files, ${planted} planted problems) in ${dir}`,
    loaded: (rows: string, rejected: number) =>
      `loaded ${rows} rows, rejected ${rejected} (see \`npx shifan rejects\`)`,
    kept: 'the database already holds data; nothing was generated',
    next: 'next',
  },
} satisfies Record<Lang, unknown>;

async function startAction(cmd: Command, opts: { seed: string; db: string; json?: boolean }): Promise<void> {
  const lang = langOf(cmd);
  const w = words[lang];
  const started = Date.now();
  const order = Object.keys(w.steps) as FirstRunStep[];
  // A first start takes about a minute (demo, load, refresh): each step says itself on stderr as it begins.
  const onStep = opts.json
    ? undefined
    : (step: FirstRunStep) =>
        cliErr.write(
          `${w.step(order.indexOf(step) + 1, order.length, w.steps[step], ((Date.now() - started) / 1000).toFixed(0))}\n`,
        );
  const report = await withDatabase(cmd, (db) =>
    ensureSampleData(db, {
      seed: Number(opts.seed),
      onStep,
      onLoadProgress: opts.json ? undefined : terminalProgress(cliErr),
    }),
  );
  if (opts.json) return printJson({ db: opts.db, ...report });
  const out = cliOut;
  out.write(`${w.database}: ${opts.db}\n`);
  for (const r of report.reference)
    out.write(`${w.reference} ${r.file}: ${label('loadStatus', r.status, lang)} (${w.rows(r.loaded, r.rejected)})\n`);
  if (report.demo) {
    const loaded = report.demo.results.reduce((a, r) => a + r.loaded, 0);
    const rejected = report.demo.results.reduce((a, r) => a + r.rejected, 0);
    out.write(`${w.generated(report.demo.files, report.demo.planted, report.demo.outDir)}\n`);
    out.write(`${w.loaded(loaded.toLocaleString('en'), rejected)}\n`);
  } else {
    out.write(`${w.kept}\n`);
  }
  out.write(
    `${w.next}: npx shifan loads | npx shifan rejects | npx shifan workdays add 2024-09-27 7 | npx shifan spotcheck --help\n`,
  );
}
