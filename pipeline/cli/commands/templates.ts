import type { Command } from 'commander';
import { writeTemplates } from '../../templates/index.ts';
import { cliOut, cliPath, optionsOf, printJson } from '../context.ts';

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('write a CSV and an XLSX template with Chinese headers for every dataset')
    .requiredOption('--out <dir>', 'folder to write into')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ out: string }>(cmd);
      const files = await writeTemplates(cliPath(opts.out));
      if (opts.json) return printJson(files);
      cliOut.write(`${files.join('\n')}\n`);
    });
}
