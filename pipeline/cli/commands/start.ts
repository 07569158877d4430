// `shifan start`: the README's first command. Sets up the embedded default (DuckDB file, reference data, the
// small demo when the database is empty), says what it did, then serves the product (`shifan serve`) unless
// --no-serve is given. When it will serve, it takes the port before the setup, which takes a minute or more on a
// first start, and shows the setup's progress there (early-answers.ts) until the dashboard takes over the same port.
import type { Command } from 'commander';
import { ensureSampleData, FIRST_RUN_STEPS, type FirstRunStep } from '../../setup/first-run.ts';
import type { IngestProgress } from '../../load/index.ts';
import { terminalProgress } from '../../load/progress.ts';
import { CodedError, label, type Lang } from '../../vocabulary/index.ts';
import { cliErr, cliOut, langOf, optionsOf, parseDemoSeed, printJson, withDatabase } from '../context.ts';
import { bindEarlyServer, DEFAULT_HOST, DEFAULT_PORT, parsePort } from '../serve-early.ts';
import { answerDuringSetup, answerStartFailed, type SetupState } from '../early-answers.ts';
import { explainListenError, serveDatabase } from './serve.ts';

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
      // refused before the database is opened or the port taken
      parseDemoSeed(opts.seed);
      if (!opts.serve) return startAction(cmd, opts);
      const port = parsePort(opts.port);
      if (port === undefined) throw new CodedError('listen.bad_port', { value: opts.port });
      // a port that cannot be taken is said now, not after the setup
      const early = await bindEarlyServer(port, opts.host).catch((err) => {
        throw explainListenError(err, port, opts.host);
      });
      const setup: SetupState = { step: FIRST_RUN_STEPS[0]!, startedAt: Date.now() };
      early.meanwhile(answerDuringSetup(() => setup));
      if (!opts.json) cliErr.write(`${words[langOf(cmd)].watch(early.url)}\n`);
      try {
        await startAction(cmd, opts, {
          step: (step) => {
            setup.step = step;
            setup.files = undefined;
          },
          load: (p) => {
            setup.files = { done: p.index, total: p.files };
          },
        });
      } catch (err) {
        await early.fail(answerStartFailed);
        throw err;
      }
      // from here until the app is ready (seconds), requests wait for it as they do for `shifan serve`
      early.meanwhile(undefined);
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
    step: (i: number, n: number, text: string, seconds: string) => `[${i}/${n}] ${text}…（已用 ${seconds} 秒）`,
    database: '数据库',
    rows: (loaded: number, rejected: number) => `载入 ${loaded} 行，拒收 ${rejected} 行`,
    reference: '参照数据',
    generated: (files: number, planted: number, dir: string) =>
      `已生成小型示例数据（${files} 个文件，${planted} 个预置问题），位于 ${dir}`,
    loaded: (rows: string, rejected: number) => `已载入 ${rows} 行，拒收 ${rejected} 行（见 \`npx shifan rejects\`）`,
    kept: '数据库中已有数据，未生成示例数据',
    resumed: '上次首次准备在中途停止：已接着完成（已载入的文件内容相同，跳过）',
    stopped: '准备已停止。数据库完好；下次运行 npm start 将接着完成准备',
    next: '下一步',
    watch: (url: string) => `准备期间，可在浏览器中打开 ${url} 查看进度`,
  },
  en: {
    step: (i: number, n: number, text: string, seconds: string) => `[${i}/${n}] ${text}… (${seconds} s so far)`,
    database: 'database',
    rows: (loaded: number, rejected: number) => `${loaded} rows loaded, ${rejected} rejected`,
    reference: 'reference',
    generated: (files: number, planted: number, dir: string) =>
      `generated the small demo (${files} files, ${planted} planted problems) in ${dir}`,
    loaded: (rows: string, rejected: number) =>
      `loaded ${rows} rows, rejected ${rejected} (see \`npx shifan rejects\`)`,
    kept: 'the database already holds data; nothing was generated',
    resumed:
      'the last first setup stopped midway: it is now complete (files already loaded were skipped as the same content)',
    stopped: 'setup stopped. The database is intact; the next npm start takes the setup up again',
    next: 'next',
    watch: (url: string) => `while the setup runs, ${url} shows its progress in a browser`,
  },
} satisfies Record<Lang, unknown>;

/** Who else follows the setup (the page served meanwhile): each step as it begins, each file as it loads. */
interface SetupWatch {
  step: (step: FirstRunStep) => void;
  load: (p: IngestProgress) => void;
}

async function startAction(
  cmd: Command,
  opts: { seed: string; db: string; json?: boolean },
  watch?: SetupWatch,
): Promise<void> {
  const lang = langOf(cmd);
  const w = words[lang];
  const started = Date.now();
  const steps = FIRST_RUN_STEPS;
  // A first start takes about a minute (demo, load, refresh): each step says itself on stderr as it begins.
  const say = (step: FirstRunStep) =>
    cliErr.write(
      `${w.step(steps.indexOf(step) + 1, steps.length, label('firstRunStep', step, lang), ((Date.now() - started) / 1000).toFixed(0))}\n`,
    );
  const terminal = opts.json ? undefined : terminalProgress(cliErr);
  // Ctrl-C during the setup stops it; the next start takes it up again (pipeline/setup/first-run.ts): said so
  const onStop = () => {
    cliErr.write(`\n${w.stopped}\n`);
    process.exit(130);
  };
  process.once('SIGINT', onStop);
  const report = await withDatabase(cmd, (db) =>
    ensureSampleData(db, {
      seed: parseDemoSeed(opts.seed),
      onStep: (step) => {
        if (!opts.json) say(step);
        watch?.step(step);
      },
      onLoadProgress: (p) => {
        terminal?.(p);
        watch?.load(p);
      },
    }),
  ).finally(() => process.off('SIGINT', onStop));
  if (opts.json) return printJson({ db: opts.db, ...report });
  const out = cliOut;
  out.write(`${w.database}: ${opts.db}\n`);
  for (const r of report.reference)
    out.write(`${w.reference} ${r.file}: ${label('loadStatus', r.status, lang)} (${w.rows(r.loaded, r.rejected)})\n`);
  if (report.demo) {
    if (report.resumed) out.write(`${w.resumed}\n`);
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
