// `shifan demo [--scale small|national] [--seed N] [--out DIR] [--no-load]`: writes the synthetic demo files
// (pipeline/demo) into the inbox and loads them with the ordinary loader (pipeline/load).
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { defaultInboxDir } from '../../db/index.ts';
import { type DemoProgress, generateDemo, SCALES, type ScaleName } from '../../demo/index.ts';
import { ingestPaths, terminalProgress } from '../../load/index.ts';
import { importInspectorsText } from '../../spotcheck/register.ts';
import { refresh } from '../../indicators/index.ts';
import { type DemoRoundResult, writeDemoRound } from '../../naming/demo-round.ts';
import {
  cliErr,
  cliOut,
  cliPath,
  optionsOf,
  parseDemoSeed,
  printJson,
  setExitCode,
  UsageError,
  withDatabase,
} from '../context.ts';
import { formatTable } from '../table.ts';

interface DemoOptions {
  scale: string;
  seed: string;
  out?: string;
  load: boolean;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('write realistic synthetic input files for every dataset (same seed, same bytes) and load them')
    .option(
      '--scale <scale>',
      'small (about 100 regions, seconds) or national (about 3,000 regions, 20M+ decisions)',
      'small',
    )
    .option('--seed <n>', 'random seed (a whole number)', '1')
    .option('--out <dir>', 'folder for the files (default: <inbox>/demo-<scale>-<seed>)')
    .option('--no-load', 'only write the files, do not load them')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<DemoOptions>(cmd);
      if (!(opts.scale in SCALES)) throw new UsageError(`--scale must be small or national, got "${opts.scale}"`);

      const scale = opts.scale as ScaleName;
      const seed = parseDemoSeed(opts.seed);
      const outDir = opts.out ? cliPath(opts.out) : join(defaultInboxDir(), `demo-${scale}-${seed}`);

      const started = performance.now();
      const demo = await generateDemo({
        scale,
        seed,
        outDir,
        onProgress: opts.json ? undefined : generationProgress(),
      });
      const generatedSeconds = (performance.now() - started) / 1000;
      if (!opts.json && cliErr.isTTY) cliErr.write('\r\x1b[2K');
      let inspectors = 0;
      let round = null as DemoRoundResult | null;
      const loads = opts.load
        ? await withDatabase(cmd, async (db) => {
            const results = await ingestPaths(db, demo.files, {
              source: 'demo',
              onProgress: opts.json ? undefined : terminalProgress(cliErr),
            });
            // the demo's inspector register (pipeline/demo/inspectors.ts), so that a draw on the demo finds its teams
            inspectors = (
              await importInspectorsText(db, demo.inspectorsCsv, `demo-${scale}-${seed}-inspectors.csv`, 'system:demo')
            ).imported;
            // the fourth batch's naming round (pipeline/naming): written from the refreshed figures, so an honest
            // applicant's self-assessment is what its data say and only the planted claims contradict them
            await refresh(db);
            round = await writeDemoRound(db, { seed, outDir, plantedFile: demo.plantedFile });
            return [...results, ...round.loads];
          })
        : [];
      const seconds = (performance.now() - started) / 1000;

      if (opts.json) {
        printJson({
          out: outDir,
          scale,
          seed,
          generated_seconds: round1(generatedSeconds),
          seconds: round1(seconds),
          files: [...demo.files, ...(round?.files ?? [])].map((f) => relative(outDir, f)),
          rows: demo.counts,
          planted: demo.plantedFile,
          inspectors,
          naming_round: round
            ? { round_id: round.round_id, applicants: round.applicants, planted: round.planted.length }
            : null,
          loads: loads.map(({ file, dataset, status, loaded, rejected, message }) => ({
            file,
            dataset,
            status,
            loaded,
            rejected,
            message,
          })),
        });
      } else {
        const perDataset = Object.entries(demo.counts).map(([dataset, rows]) => {
          const files = demo.byFile.filter((f) => f.dataset === dataset).length;
          const mine = loads.filter((l) => l.dataset === dataset);
          const loadCells = opts.load ? [sum(mine.map((l) => l.loaded)), sum(mine.map((l) => l.rejected))] : [];
          return [dataset, files, rows.toLocaleString('en'), ...loadCells.map((n) => n.toLocaleString('en'))];
        });
        const headers = ['dataset', 'files', 'rows', ...(opts.load ? ['loaded', 'rejected'] : [])];
        cliOut.write(`${formatTable(headers, perDataset)}\n\n`);
        cliOut.write(
          `wrote ${demo.files.length} files to ${outDir} in ${generatedSeconds.toFixed(1)} s` +
            (opts.load ? `; loaded in ${(seconds - generatedSeconds).toFixed(1)} s` : ' (not loaded: --no-load)') +
            '\n',
        );
        cliOut.write(`planted problems (${demo.planted.length + (round?.planted.length ?? 0)}): ${demo.plantedFile}\n`);
        if (round)
          cliOut.write(
            `naming round ${round.round_id} (第四批): ${round.applicants} applicants, field-check list ${round.field_check_list.join(' ')}\n`,
          );
        if (opts.load)
          cliOut.write(
            `inspector register: ${inspectors} demo inspectors imported (a spot-check draw needs them for its teams)\n`,
          );
        const refused = loads.filter((l) => l.status === 'refused');
        for (const r of refused) cliOut.write(`refused: ${r.file}: ${r.message}\n`);
      }
      if (loads.some((l) => l.status === 'refused')) setExitCode(1);
    });
}

/** A one-line progress display on a terminal (national scale takes about a minute); nothing otherwise. */
function generationProgress(
  stream: { write(text: string): unknown; isTTY?: boolean } = cliErr,
): ((p: DemoProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 250) return;
    last = now;
    const share = p.total ? ` ${((100 * (p.done ?? 0)) / p.total).toFixed(0)}%` : '';
    stream.write(`\r\x1b[2Kgenerating ${p.step}${share}`);
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
