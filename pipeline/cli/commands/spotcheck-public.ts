// The public side of `shifan spotcheck`: sample (no database at all, so anyone can run it on a published pool
// file, even while another process holds the database), verify and certificate.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  buildCertificate,
  parsePoolFile,
  readDraw,
  sample,
  verifyDraw,
  writeCertificate,
} from '../../spotcheck/index.ts';
import { cliOut, cliPath, optionsOf, printJson, setExitCode, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function addPublicCommands(group: Command): void {
  group
    .command('sample')
    .description(
      'the consistent sampler on a pool file (one id per line): ids in draw order with their tickets; no database',
    )
    .requiredOption('--seed <seed>', 'the published seed')
    .requiredOption('--pool <file>', 'the published pool file')
    .option('--take <n>', 'stop after the first n')
    .action((_o, cmd: Command) => {
      const o = optionsOf<{ seed: string; pool: string; take?: string }>(cmd);
      let text: string;
      try {
        text = readFileSync(cliPath(o.pool), 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read the pool file ${o.pool}: ${(err as Error).message}`);
      }
      const ids = parsePoolFile(text);
      if (ids.length === 0) throw new UsageError(`${o.pool} lists no ids (expected one id per line)`);
      const drawn = sample(ids, o.seed, o.take === undefined ? undefined : intArg('--take', o.take, 0));
      if (o.json) return printJson(drawn);
      cliOut.write(drawn.map((t) => `${t.id}\t${t.ticket}\n`).join(''));
    });

  group
    .command('verify')
    .description('recompute a stored draw from its frozen pool and seed and check tables and audit log agree')
    .argument('<draw_id>')
    .action(async (id: string, _o, cmd: Command) => {
      const report = await withDatabase(cmd, (db) => verifyDraw(db, intArg('draw_id', id)), { readOnly: true });
      if (optionsOf(cmd).json) printJson(report);
      else {
        cliOut.write(
          `${formatTable(
            ['check', 'result', 'detail'],
            report.checks.map((c) => [c.check, c.ok ? 'ok' : 'FAILED', c.detail]),
          )}\n`,
        );
        cliOut.write(`draw #${report.draw_id} (${report.state}): ${report.ok ? 'verified' : 'NOT VERIFIED'}\n`);
      }
      if (!report.ok) setExitCode(1);
    });

  group
    .command('certificate')
    .description('write certificate.json and the pool file(s) anyone needs to recompute the draw')
    .argument('<draw_id>')
    .option('--out <dir>', 'folder to write (default: ./spotcheck-<year>-draw-<id>)')
    .action(async (id: string, _o, cmd: Command) => {
      const o = optionsOf<{ out?: string }>(cmd);
      const drawId = intArg('draw_id', id);
      await withDatabase(
        cmd,
        async (db) => {
          if (o.json && o.out === undefined) return printJson((await buildCertificate(db, drawId)).certificate);
          const dir = cliPath(o.out ?? `spotcheck-${(await readDraw(db, drawId)).year}-draw-${drawId}`);
          const written = await writeCertificate(db, drawId, dir);
          if (o.json) return printJson(written);
          cliOut.write(`${written.dir}/\n${written.files.map((f) => `  ${f}`).join('\n')}\n`);
        },
        { readOnly: true },
      );
    });
}

export function intArg(name: string, text: string, min = 1): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number of at least ${min}, got "${text}"`);
  return n;
}
