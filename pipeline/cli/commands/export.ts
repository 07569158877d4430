// `shifan export --quarter 2025Q3 [--out DIR]`: the quarterly package (pipeline/export/README.md).

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { exportQuarter, parseQuarter, QuarterError } from '../../export/index.ts';
import { cliWord, renderJobMessage } from '../../vocabulary/index.ts';
import { cliOut, cliPath, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('the quarterly dashboard package: offline HTML, PDF, XLSX, CSV, manifest and a zip')
    .requiredOption('--quarter <YYYYQn>', 'the quarter, e.g. 2025Q3')
    .option('--out <dir>', 'package folder (default data/exports/<quarter>); the zip is written next to it')
    .option(
      '--rebuild',
      'replace a package already written for the quarter; the earlier one is kept under superseded/ (without it, refused)',
    )
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ quarter: string; out?: string; rebuild?: boolean }>(cmd);
      try {
        parseQuarter(opts.quarter);
      } catch (err) {
        if (err instanceof QuarterError) throw new UsageError(err.message);
        throw err;
      }
      const result = await withDatabase(
        cmd,
        (db) =>
          exportQuarter(db, {
            quarter: opts.quarter,
            outDir: opts.out === undefined ? undefined : cliPath(opts.out),
            rebuild: opts.rebuild === true,
          }),
        { readOnly: true },
      );
      if (opts.json) return printJson(result);
      const rows = result.files.map((f) => [f, statSync(join(result.dir, f)).size.toLocaleString('en-US')]);
      rows.push([result.zip, statSync(result.zip).size.toLocaleString('en-US')]);
      const lang = langOf(cmd);
      cliOut.write(
        `${[
          cliWord('export.done', lang, {
            quarter: result.quarter,
            as_of: result.as_of,
            version: result.system_version,
            seconds: result.seconds.toFixed(1),
          }),
          cliWord('export.dir', lang, { dir: result.dir }),
          ...(result.replaced
            ? [
                cliWord('export.replaced', lang, {
                  generated_at: result.replaced.generated_at,
                  dir: result.replaced.kept_in,
                }),
              ]
            : []),
          formatTable([cliWord('file', lang), cliWord('bytes', lang)], rows),
          renderJobMessage(result.message, lang),
        ].join('\n')}\n`,
      );
    });
}
