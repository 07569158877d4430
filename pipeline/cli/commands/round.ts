// `shifan round create ROUND …` / `shifan round status ROUND` / `shifan round list`: naming rounds (认定批次,
// pipeline/naming): the stated method, the timetable in working days on the official calendar, what each step holds.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import {
  createRound,
  describeFieldCheckRule,
  listRounds,
  parseFieldCheckRule,
  ROUND_STEPS,
  type RoundStatus,
  roundStatus,
  type RoundStep,
} from '../../naming/index.ts';
import { shanghaiToday } from '../../spotcheck/pool.ts';
import { cliWord, label, type Lang, renderRoundProgress } from '../../vocabulary/index.ts';
import { cliOut, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

export function registerRound(program: Command): void {
  const round = program.command('round').description('naming rounds (认定程序): create, status, list');
  round
    .command('create <round>')
    .description('create a round: its batch, year, data years, timetable and the stated ranking method')
    .requiredOption('--batch <n>', 'the batch number (第几批), e.g. 4')
    .requiredOption('--applications-due <date>', 'the application deadline (YYYY-MM-DD)')
    .option('--year <year>', 'the naming year (default: the round id’s year)')
    .option('--data-years <from-to>', "the applicants' data years (default: the two years before the round)")
    .option('--kinds <list>', 'comprehensive,single (default both)')
    .option('--field-check <rule>', 'top:K (the K best ranked, ties included) or min:S (score ≥ S)', 'top:10')
    .option(
      '--workdays <list>',
      `working days after the step before, e.g. prereview=20,evaluation=40,field_check=20,notice=5,naming=10`,
    )
    .option('--title <text>', 'the round’s title (default 第N批全国法治政府建设示范地区评估认定（YYYY年）)')
    .action(async (id: string, _opts, cmd: Command) => {
      const opts = optionsOf<{
        batch: string;
        applicationsDue: string;
        year?: string;
        dataYears?: string;
        kinds?: string;
        fieldCheck: string;
        workdays?: string;
        title?: string;
      }>(cmd);
      const year = Number(opts.year ?? id.slice(0, 4));
      const years = opts.dataYears ? /^(\d{4})-(\d{4})$/.exec(opts.dataYears) : null;
      if (opts.dataYears && !years) throw new UsageError(`--data-years must be YYYY-YYYY, got "${opts.dataYears}"`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.applicationsDue))
        throw new UsageError(`--applications-due must be YYYY-MM-DD, got "${opts.applicationsDue}"`);
      let rule: ReturnType<typeof parseFieldCheckRule>;
      try {
        rule = parseFieldCheckRule(opts.fieldCheck);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const created = await withDatabase(cmd, (db) =>
        createRound(
          db,
          {
            round_id: id,
            batch: Number(opts.batch),
            year,
            title: opts.title,
            kinds: opts.kinds ? (opts.kinds.split(',') as Array<'comprehensive' | 'single'>) : undefined,
            data_from: years ? Number(years[1]) : undefined,
            data_to: years ? Number(years[2]) : undefined,
            applications_due: opts.applicationsDue,
            step_workdays: parseWorkdays(opts.workdays),
            field_check_rule: rule,
          },
          cliActor(),
        ),
      ).catch(usage);
      if (opts.json) return printJson(created);
      const lang = langOf(cmd);
      cliOut.write(
        `${cliWord('round.created', lang, { round: created.round_id, title: created.title })}\n` +
          `${cliWord('round.method', lang, {
            kinds: created.kinds.map((k) => label('designation', k, lang)),
            from: created.data_from,
            to: created.data_to,
            rule: describeFieldCheckRule(created.field_check_rule, lang),
          })}\n` +
          `${timetableTable(
            created.timetable.map((s) => ({ ...s, state: null })),
            null,
            lang,
          )}\n`,
      );
    });
  round
    .command('status <round>')
    .description('what each step of a round holds and what is due, on the official calendar')
    .option('--today <date>', 'judge what is due as of this date (default today, Asia/Shanghai)')
    .action(async (id: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ today?: string }>(cmd);
      const status = await withDatabase(cmd, (db) => roundStatus(db, id, { today: opts.today ?? shanghaiToday() }), {
        readOnly: true,
      }).catch(usage);
      if (opts.json) return printJson(status);
      cliOut.write(`${renderStatus(status, langOf(cmd))}\n`);
    });
  round
    .command('list')
    .description('every round, newest first')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf(cmd);
      const rounds = await withDatabase(cmd, (db) => listRounds(db), { readOnly: true });
      if (opts.json) return printJson(rounds);
      const lang = langOf(cmd);
      if (!rounds.length) {
        cliOut.write(`${cliWord('round.none', lang)}\n`);
        return;
      }
      cliOut.write(
        `${formatTable(
          (['head.round', 'head.title', 'head.dataYears', 'head.applicationsDue', 'head.fieldCheckRule'] as const).map(
            (h) => cliWord(h, lang),
          ),
          rounds.map((r) => [
            r.round_id,
            r.title,
            `${r.data_from}–${r.data_to}`,
            r.timetable[0]?.due ?? '',
            describeFieldCheckRule(r.field_check_rule, lang),
          ]),
        )}\n`,
      );
    });
}

function parseWorkdays(text?: string): Partial<Record<Exclude<RoundStep, 'applications'>, number>> | undefined {
  if (!text) return undefined;
  const out: Partial<Record<Exclude<RoundStep, 'applications'>, number>> = {};
  for (const part of text.split(',')) {
    const m = /^([a-z_]+)=(\d+)$/.exec(part.trim());
    if (!m || !ROUND_STEPS.includes(m[1] as RoundStep) || m[1] === 'applications')
      throw new UsageError(`--workdays takes step=N pairs for ${ROUND_STEPS.slice(1).join(', ')}, got "${part}"`);
    out[m[1] as Exclude<RoundStep, 'applications'>] = Number(m[2]);
  }
  return out;
}

function timetableTable(
  steps: Array<{ step: string; due: string; workdays: number | null; provisional: boolean; state: string | null }>,
  counts: Record<string, number> | null,
  lang: Lang,
): string {
  return formatTable(
    (['head.step', 'head.due', 'head.workdays', 'status', 'head.progress'] as const).map((h) => cliWord(h, lang)),
    steps.map((s) => [
      label('roundStep', s.step, lang),
      `${s.due}${s.provisional ? cliWord('round.provisional', lang) : ''}`,
      s.workdays === null ? '—' : `+${s.workdays}`,
      s.state ? label('stepState', s.state, lang) : '',
      counts ? renderRoundProgress(s.step, counts, lang) : '',
    ]),
  );
}

function renderStatus(s: RoundStatus, lang: Lang): string {
  return [
    cliWord('round.status', lang, { round: s.round.round_id, title: s.round.title, today: s.today }),
    cliWord('round.statusMethod', lang, {
      from: s.round.data_from,
      to: s.round.data_to,
      rule: describeFieldCheckRule(s.round.field_check_rule, lang),
      notice: s.round.notice_workdays,
    }),
    timetableTable(s.steps, s.counts as unknown as Record<string, number>, lang),
  ].join('\n');
}

/** A round's refusal is a coded error: the command line words it in its language and exits with status 2. */
export function usage(err: unknown): never {
  throw err;
}
