// Who did something, as people read it. The audit trail and the records store "user:analyst", "system:refresh",
// "scheduler" (a run the schedule started), "job:refresh (<who started it>)" (a job's own changes, e.g. to the
// watchlist), "address:<ip>" (a login lock-out), "cli" or "cli:<os user>"; a page, the CLI and the quarterly export
// show the account's name, or what the process was. Who started a job is in the job's run log, not repeated here.
import { fill } from './render.ts';
import { actorKind } from './terms.ts';
import type { Lang } from './types.ts';

/** "user:wang" → wang; "system:refresh" → 系统（数据刷新）; "cli:root" → 命令行（root）; anything else as it is. */
export function renderActor(actor: unknown, lang: Lang): string {
  const s = String(actor ?? '');
  if (s === '') return '—';
  const [kind, ...rest] = s.split(':');
  const name = rest.join(':');
  if (kind === 'user' || kind === 'analyst') return name || s;
  if (kind === 'system') return (name === 'refresh' ? actorKind.refresh : actorKind.system)[lang];
  if (kind === 'scheduler') return actorKind.scheduler[lang];
  if (kind === 'job') {
    const job = name.split(' ')[0];
    const words =
      job === 'refresh'
        ? actorKind.refresh
        : job === 'annual_report_check'
          ? actorKind.annualReportCheck
          : actorKind.system;
    return words[lang];
  }
  if (kind === 'address') return fill(actorKind.address, { address: name }, lang);
  if (kind === 'cli') return name ? fill(actorKind.cliNamed, { name }, lang) : actorKind.cli[lang];
  return s;
}

/** Whether an actor is a person's account: its name is a data value, the same in either language. */
export const isPerson = (actor: unknown) => /^(user|analyst):./.test(String(actor ?? ''));
