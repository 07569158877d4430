// What each scheduled job does. Each calls the feature's own function; this file only decides the arguments
// and turns the result into a one-line Chinese summary. Job ids are those of data/schedules.json.
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

/**
 * Inbox watch. Files stay where they are: the loader skips a file whose SHA-256 it has loaded already, so a
 * file sent twice, or left in the inbox, is loaded once; moving files would hide from analysts what was sent and
 * break re-runs of `shifan demo`. The cost is hashing every inbox file every 10 minutes, which is small.
 */
export async function inboxJob({ db }: JobContext): Promise<JobOutcome> {
  const dir = defaultInboxDir();
  if (!existsSync(dir)) return { summary: `收件箱 ${dir} 不存在，未加载`, warning: true, details: { dir } };
  const results = await ingestPaths(db, [dir], { source: 'inbox' });
  const count = (status: string) => results.filter((r) => r.status === status).length;
  const loaded = count('loaded');
  const refused = count('refused');
  const rows = results.reduce((n, r) => n + (r.status === 'loaded' ? r.loaded : 0), 0);
  const rejected = results.reduce((n, r) => n + r.rejected, 0);
  return {
    summary: `收件箱 ${results.length} 个文件：新加载 ${loaded} 个（${rows} 行，拒收 ${rejected} 行），已加载跳过 ${count('skipped')} 个，拒绝 ${refused} 个`,
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
    summary: `刷新 run ${r.run_id}：数据日期 ${r.as_of}，指标值 ${r.metric_rows} 条，预警 ${r.flags_active} 条有效（新增 ${r.flags_new}，解除 ${r.flags_resolved}）`,
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
      summary: `${year}年度报告检查：数据日期 ${r.as_of} 未晚于截止日 ${deadline}，缺报/逾期尚无法判断；请先载入年度报告报送记录`,
      warning: true,
      details: { year, as_of: r.as_of, missing: n('report_missing'), late: n('report_late') },
    };
  }
  return {
    summary: `${year}年度报告检查（数据日期 ${r.as_of}）：未报送 ${n('report_missing')} 个地区，逾期报送 ${n('report_late')} 个地区，均已生成预警`,
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
      summary: `${next}年节假日安排已载入（休息日 ${status.offDays} 天，调休上班 ${status.adjustedWorkdays} 天）`,
      details: status,
    };
  }
  return {
    summary: `${next}年节假日安排尚未载入：国务院办公厅通知发布后请运行 shifan calendar load；在此之前${next}年的工作日按周一至周五计算，结果标为临时`,
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
      summary: `${year}年度回访抽查已完成抽取并提交（抽取 ${committed.draw_id}）`,
      details: { year, draw_id: committed.draw_id },
    };
  const state = draws[0]?.state;
  return {
    summary: state
      ? `${year}年度回访抽查尚未提交（当前状态：${state === 'frozen' ? '抽样框已冻结' : '已抽取未提交'}），请完成抽取`
      : `${year}年度回访抽查尚未开始：请冻结抽样框并抽取（shifan spotcheck freeze / draw）`,
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
      summary: `${formatQuarter(quarter)}季报已于 ${sealed.generated_at} 生成，保留原报告，未重新导出`,
      details: { quarter: formatQuarter(quarter), kept: sealed.generated_at },
    };
  const r = await exportQuarter(db, { quarter });
  return {
    summary: `${formatQuarter(quarter)}季报已导出：${r.files.length} 个文件，PDF ${r.pdf === 'ok' ? '已生成' : '未生成'}；${r.message}`,
    warning: r.pdf !== 'ok',
    details: { quarter: r.quarter, dir: r.dir, zip: r.zip, pdf: r.pdf },
  };
}

/** Nightly backup: a Parquet snapshot with its manifest, keeping the newest N (pipeline/backup). */
export async function backupJob({ db, now }: JobContext): Promise<JobOutcome> {
  const r = await rotatingBackup(db, { now });
  const rows = Object.values(r.manifest.tables).reduce((a, b) => a + b, 0);
  return {
    summary: `备份完成：${r.dir}（${Object.keys(r.manifest.tables).length} 张表，${rows} 行，${(r.ms / 1000).toFixed(1)} 秒）；保留最近 ${r.kept.length} 份${r.removed.length ? `，删除较早的 ${r.removed.length} 份` : ''}`,
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
