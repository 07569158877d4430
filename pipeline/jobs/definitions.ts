// What each scheduled job does. Each calls the feature's own function; this file only decides the arguments
// and turns the result into a message: a vocabulary code with its figures (worded in the reader's language) and its
// Chinese line for logs. Job ids are those of data/schedules.json.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { defaultInboxDir } from '../db/index.ts';
import { ingestPaths } from '../load/index.ts';
import { refresh } from '../indicators/index.ts';
import { calendarStatus } from '../calendar/index.ts';
import { listDraws } from '../spotcheck/index.ts';
import { previousQuarter, quarterOf, formatQuarter } from '../export/quarter.ts';
import { rotatingBackup } from '../backup/index.ts';
import { civilDateIn } from './next-run.ts';
import type { JobContext, JobFn, JobOutcome } from './job.ts';
import { renderJobMessage, type JobMessageCode, type Params } from '../vocabulary/index.ts';

/** A run's message: its code and figures, and the Chinese line stored as its summary. */
function say(code: JobMessageCode, params: Params): Pick<JobOutcome, 'summary' | 'message'> {
  return { summary: renderJobMessage({ code, params }, 'zh'), message: { code, params } };
}

/**
 * Inbox watch. Files stay where they are: the loader skips a file whose SHA-256 it has loaded already, so a
 * file sent twice, or left in the inbox, is loaded once; moving files would hide from analysts what was sent and
 * break re-runs of `shifan demo`. A file whose path, size and modification time are those of a file already loaded
 * is skipped without being read at all (`skipUnchanged`); only a new or changed file is hashed.
 */
export async function inboxJob({ db }: JobContext): Promise<JobOutcome> {
  const dir = defaultInboxDir();
  if (!existsSync(dir)) return { ...say('inbox.missing', { dir }), warning: true, details: { dir } };
  const results = await ingestPaths(db, [dir], { source: 'inbox', skipUnchanged: true });
  const count = (status: string) => results.filter((r) => r.status === status).length;
  const loaded = count('loaded');
  const refused = count('refused');
  const rows = results.reduce((n, r) => n + (r.status === 'loaded' ? r.loaded : 0), 0);
  const rejected = results.reduce((n, r) => n + r.rejected, 0);
  return {
    ...say('inbox.done', { files: results.length, loaded, rows, rejected, skipped: count('skipped'), refused }),
    warning: refused > 0,
    details: {
      dir,
      files: results.length,
      loaded,
      skipped: count('skipped'),
      refused,
      rows,
      rejected,
      refused_files: results.filter((r) => r.status === 'refused').map((r) => ({ file: r.file, message: r.message })),
    },
  };
}

export async function refreshJob({ db, actor }: JobContext): Promise<JobOutcome> {
  const r = await refresh(db, { actor: `job:refresh (${actor})` });
  return {
    ...say('refresh.done', {
      run_id: r.run_id,
      as_of: r.as_of,
      metric_rows: r.metric_rows,
      flags_active: r.flags_active,
      flags_new: r.flags_new,
      flags_resolved: r.flags_resolved,
    }),
    details: {
      run_id: r.run_id,
      as_of: r.as_of,
      seconds: r.seconds,
      flags_active: r.flags_active,
      flags_new: r.flags_new,
    },
  };
}

/**
 * 1 February: annual reports on the previous year were due by 31 January. The flags themselves come from the
 * refresh's rules (sql/flags/report_missing.sql, report_late.sql); this job refreshes, then counts them. When
 * the data's as-of date is still before the deadline the rules cannot fire yet, and the run says so.
 */
export async function annualReportCheckJob({ db, now, actor }: JobContext): Promise<JobOutcome> {
  const today = civilDateIn(now);
  const year = Number(today.slice(0, 4)) - 1;
  const r = await refresh(db, { actor: `job:annual_report_check (${actor})` });
  const counts = await db.allFile<{ rule_id: string; n: number }>('jobs/report_flags', { year });
  const n = (rule: string) => counts.find((c) => c.rule_id === rule)?.n ?? 0;
  const deadline = `${year + 1}-01-31`;
  if (r.as_of <= deadline) {
    return {
      ...say('reports.too_early', { year, as_of: r.as_of, deadline }),
      warning: true,
      details: { year, as_of: r.as_of, missing: n('report_missing'), late: n('report_late') },
    };
  }
  return {
    ...say('reports.done', { year, as_of: r.as_of, missing: n('report_missing'), late: n('report_late') }),
    warning: n('report_missing') + n('report_late') > 0,
    details: { year, as_of: r.as_of, missing: n('report_missing'), late: n('report_late'), refresh_run: r.run_id },
  };
}

/** December: is next year's holiday notice loaded? Without it, working-day deadlines are provisional. */
export async function calendarCheckJob({ now }: JobContext): Promise<JobOutcome> {
  const next = Number(civilDateIn(now).slice(0, 4)) + 1;
  const status = calendarStatus().find((s) => s.year === next);
  if (status?.published) {
    return {
      ...say('calendar.loaded', { year: next, off_days: status.offDays, adjusted_workdays: status.adjustedWorkdays }),
      details: { ...status },
    };
  }
  return {
    ...say('calendar.missing', { year: next }),
    warning: true,
    details: { year: next, published: false },
  };
}

/** The yearly spot check (回访抽查): remind until this year's draw is committed. */
export async function drawReminderJob({ db, now }: JobContext): Promise<JobOutcome> {
  const year = Number(civilDateIn(now).slice(0, 4));
  const draws = (await listDraws(db, year)).filter((d) => d.superseded_by === null);
  const committed = draws.find((d) => d.state === 'committed');
  if (committed)
    return {
      ...say('draw.committed', { year, draw_id: committed.draw_id }),
      details: { year, draw_id: committed.draw_id },
    };
  const state = draws[0]?.state;
  return {
    ...say(state ? (state === 'frozen' ? 'draw.frozen' : 'draw.drawn') : 'draw.not_started', { year }),
    warning: true,
    details: { year, state: state ?? null },
  };
}

/** On the first working day of a quarter, the package of the quarter that just ended. */
export async function quarterlyExportJob({ db, now }: JobContext): Promise<JobOutcome> {
  const quarter = previousQuarter(quarterOf(civilDateIn(now)));
  const { exportQuarter, sealedPackage, defaultExportsDir } = await import('../export/index.ts'); // loaded when the job runs, not at server start
  // a package somebody already made for the quarter is the one handed over: the schedule never replaces it
  const sealed = sealedPackage(join(defaultExportsDir(), formatQuarter(quarter)));
  if (sealed)
    return {
      ...say('export.kept', { quarter: formatQuarter(quarter), generated_at: sealed.generated_at }),
      details: { quarter: formatQuarter(quarter), kept: sealed.generated_at },
    };
  const r = await exportQuarter(db, { quarter });
  return {
    ...say(r.pdf === 'ok' ? 'export.done' : 'export.no_pdf', {
      quarter: formatQuarter(quarter),
      files: r.files.length,
    }),
    warning: r.pdf !== 'ok',
    details: { quarter: r.quarter, dir: r.dir, zip: r.zip, pdf: r.pdf },
  };
}

/** Nightly backup: a Parquet snapshot with its manifest, keeping the newest N (pipeline/backup). */
export async function backupJob({ db, now }: JobContext): Promise<JobOutcome> {
  const r = await rotatingBackup(db, { now });
  const rows = Object.values(r.manifest.tables).reduce((a, b) => a + b, 0);
  return {
    ...say(r.removed.length ? 'backup.done_removed' : 'backup.done', {
      dir: r.dir,
      tables: Object.keys(r.manifest.tables).length,
      rows,
      seconds: (r.ms / 1000).toFixed(1),
      kept: r.kept.length,
      removed: r.removed.length,
    }),
    details: {
      dir: r.dir,
      tables: r.manifest.tables,
      files: r.manifest.files.length,
      ms: Math.round(r.ms),
      removed: r.removed,
    },
  };
}

export const jobDefinitions: Record<string, JobFn> = {
  inbox: inboxJob,
  refresh: refreshJob,
  annual_report_check: annualReportCheckJob,
  calendar_check: calendarCheckJob,
  draw_reminder: drawReminderJob,
  quarterly_export: quarterlyExportJob,
  backup: backupJob,
};
