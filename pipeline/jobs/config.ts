// The schedules are configuration: data/schedules.json (or SHIFAN_SCHEDULES) lists each job's cron expression,
// whether it is enabled, its descriptions, and an optional working-day filter. Read and checked here, once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'node-cron';
import { dataDir } from '../db/index.ts';

export const WORKDAY_FILTERS = ['first_workday_of_quarter'] as const;
export type WorkdayFilter = (typeof WORKDAY_FILTERS)[number];

export interface ScheduleConfig {
  job_id: string;
  cron: string;
  enabled: boolean;
  description_zh: string;
  description_en: string;
  workday_filter?: WorkdayFilter;
}

export interface SchedulesFile {
  timezone: string;
  jobs: ScheduleConfig[];
}

export class ScheduleConfigError extends Error {
  override name = 'ScheduleConfigError';
}

export function defaultSchedulesPath(): string {
  return process.env.SHIFAN_SCHEDULES ?? join(dataDir, 'schedules.json');
}

export function loadSchedules(path: string = defaultSchedulesPath()): SchedulesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ScheduleConfigError(`${path}: cannot read the schedules (${(err as Error).message})`);
  }
  return checkSchedules(raw, path);
}

export function checkSchedules(raw: unknown, path = 'schedules'): SchedulesFile {
  const file = raw as Partial<SchedulesFile>;
  if (typeof file?.timezone !== 'string' || !Array.isArray(file.jobs)) {
    throw new ScheduleConfigError(`${path}: expected {"timezone": "...", "jobs": [...]}`);
  }
  const seen = new Set<string>();
  for (const [i, job] of file.jobs.entries()) {
    const where = `${path}: jobs[${i}]${job?.job_id ? ` (${job.job_id})` : ''}`;
    if (typeof job?.job_id !== 'string' || !/^[a-z_]+$/.test(job.job_id))
      throw new ScheduleConfigError(`${where}: job_id must be lower_snake_case`);
    if (seen.has(job.job_id)) throw new ScheduleConfigError(`${where}: job_id listed twice`);
    seen.add(job.job_id);
    if (typeof job.cron !== 'string' || !validate(job.cron)) {
      throw new ScheduleConfigError(
        `${where}: cron "${job.cron}" is not a valid expression (minute hour day-of-month month day-of-week)`,
      );
    }
    if (typeof job.enabled !== 'boolean') throw new ScheduleConfigError(`${where}: enabled must be true or false`);
    if (job.workday_filter !== undefined && !WORKDAY_FILTERS.includes(job.workday_filter)) {
      throw new ScheduleConfigError(
        `${where}: workday_filter must be one of ${WORKDAY_FILTERS.join(', ')}, got "${job.workday_filter}"`,
      );
    }
  }
  return file as SchedulesFile;
}
