// `shifan export --quarter 2025Q3 [--out DIR]`: the quarterly package (pipeline/export/README.md).
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { exportQuarter, parseQuarter, QuarterError } from '../../export/index.ts';
import { optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('the quarterly dashboard package: offline HTML, PDF, XLSX, CSV, manifest and a zip')
    .requiredOption('--quarter <YYYYQn>', 'the quarter, e.g. 2025Q3')
    .option('--out <dir>', 'package folder (default data/exports/<quarter>); the zip is written next to it')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ quarter: string; out?: string }>(cmd);
      try {
        parseQuarter(opts.quarter);
      } catch (err) {
        if (err instanceof QuarterError) throw new UsageError(err.message);
        throw err;
      }
      const result = await withDatabase(cmd, (db) => exportQuarter(db, { quarter: opts.quarter, outDir: opts.out }), { readOnly: true });
      if (opts.json) return printJson(result);
      const rows = result.files.map((f) => [f, statSync(join(result.dir, f)).size.toLocaleString('en-US')]);
      rows.push([result.zip, statSync(result.zip).size.toLocaleString('en-US')]);
      process.stdout.write(`${[
        `${result.quarter} 季报：数据截至 ${result.as_of}，指标体系 ${result.system_version}版，${result.seconds.toFixed(1)} s`,
        `目录 ${result.dir}`,
        formatTable(['文件', '字节'], rows),
        result.message,
      ].join('\n')}\n`);
    });
}
