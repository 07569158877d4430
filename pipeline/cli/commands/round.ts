// `shifan round create ROUND …` / `shifan round status ROUND` / `shifan round list`: naming rounds (认定批次,
// pipeline/naming): the stated method, the timetable in working days on the official calendar, what each step holds.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import {
  createRound,
  describeFieldCheckRule,
  listRounds,
  parseFieldCheckRule,
  ROUND_STEP_ZH,
  ROUND_STEPS,
  RoundError,
  type RoundStatus,
  roundStatus,
  STEP_STATE_ZH,
  type RoundStep,
  KIND_ZH,
} from '../../naming/index.ts';
import { shanghaiToday } from '../../spotcheck/pool.ts';
import { cliOut, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
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
      cliOut.write(
        `已创建认定批次 ${created.round_id}：${created.title}\n` +
          `申报类型 ${created.kinds.map((k) => KIND_ZH[k]).join('、')}；申报地区数据年度 ${created.data_from}–${created.data_to}（以 ${created.data_to} 年判定）；` +
          `实地核查名单规则：${describeFieldCheckRule(created.field_check_rule)}\n` +
          `${timetableTable(created.timetable.map((s) => ({ ...s, state: null, holds: '' })))}\n`,
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
      cliOut.write(`${renderStatus(status)}\n`);
    });
  round
    .command('list')
    .description('every round, newest first')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf(cmd);
      const rounds = await withDatabase(cmd, (db) => listRounds(db), { readOnly: true });
      if (opts.json) return printJson(rounds);
      if (!rounds.length) {
        cliOut.write('还没有认定批次（shifan round create）\n');
        return;
      }
      cliOut.write(
        `${formatTable(
          ['批次', '标题', '数据年度', '申报截止', '核查名单规则'],
          rounds.map((r) => [
            r.round_id,
            r.title,
            `${r.data_from}–${r.data_to}`,
            r.timetable[0]?.due ?? '',
            describeFieldCheckRule(r.field_check_rule),
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
  steps: Array<{
    step: string;
    due: string;
    workdays: number | null;
    provisional: boolean;
    state: string | null;
    holds: string;
  }>,
): string {
  return formatTable(
    ['步骤', '截止日期', '工作日', '状态', '进展'],
    steps.map((s) => [
      ROUND_STEP_ZH[s.step] ?? s.step,
      `${s.due}${s.provisional ? '（暂定：日历未公布）' : ''}`,
      s.workdays === null ? '—' : `+${s.workdays}`,
      s.state ? STEP_STATE_ZH[s.state] : '',
      s.holds,
    ]),
  );
}

function renderStatus(s: RoundStatus): string {
  return [
    `${s.round.round_id} ${s.round.title}（截至 ${s.today}）`,
    `申报地区数据年度 ${s.round.data_from}–${s.round.data_to}；实地核查名单规则：${describeFieldCheckRule(s.round.field_check_rule)}；公示期 ${s.round.notice_workdays} 个工作日`,
    timetableTable(s.steps),
  ].join('\n');
}

export function usage(err: unknown): never {
  if (err instanceof RoundError) throw new UsageError(err.message);
  throw err;
}
