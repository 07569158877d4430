// `shifan audit …`: the append-only audit log (pipeline/audit). verify exits 1 when the chain is broken.
import type { Command } from 'commander';
import { readAuditLog, verifyAuditLog } from '../../audit/index.ts';
import { cliOut, optionsOf, printJson, setExitCode, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerAudit(program: Command): void {
  const group = program.command('audit').description('the append-only audit log (hash chain) of every state change');

  group
    .command('verify')
    .description('walk the hash chain; report the first entry that was edited, inserted or deleted')
    .option(
      '--anchor <seq:hash...>',
      'a published head (e.g. from a certificate) the log must still contain',
      collect,
      [],
    )
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ anchor: string[] }>(cmd);
      const anchors = new Map(o.anchor.map(parseAnchor));
      const report = await withDatabase(cmd, (db) => verifyAuditLog(db, anchors), { readOnly: true });
      if (o.json) printJson(report);
      else if (report.ok)
        cliOut.write(
          `audit log intact: ${report.entries} entries${report.head ? `, head ${report.head.seq}:${report.head.hash}` : ''}\n`,
        );
      else
        cliOut.write(
          `audit log BROKEN at seq ${report.broken!.seq} (${report.broken!.kind}): ${report.broken!.message}\n`,
        );
      if (!report.ok) setExitCode(1);
    });

  group
    .command('log')
    .description('list entries')
    .option('--subject <subject>', 'e.g. draw:3')
    .option('--action <action>', 'e.g. spotcheck.draw')
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ subject?: string; action?: string }>(cmd);
      const entries = await withDatabase(cmd, (db) => readAuditLog(db, { subject: o.subject, action: o.action }), {
        readOnly: true,
      });
      if (o.json) return printJson(entries);
      cliOut.write(
        `${formatTable(
          ['seq', 'logged_at', 'action', 'actor', 'subject', 'hash'],
          entries.map((e) => [e.seq, e.logged_at, e.action, e.actor, e.subject, e.hash.slice(0, 16)]),
        )}\n`,
      );
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseAnchor(text: string): [number, string] {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new UsageError(`--anchor must be SEQ:HASH (the hash as 64 lowercase hex digits), got "${text}"`);
  return [Number(m[1]), m[2]];
}
