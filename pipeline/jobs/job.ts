// What a job is, for the runner and for the job definitions alike: a function of its context that ends with a
// one-line outcome. Kept apart from the runner so that the definitions and the runner do not import each other.
import type { Database } from '../db/index.ts';
import type { JobTrigger } from './runs.ts';
import type { JobMessage } from '../vocabulary/index.ts';

export interface JobContext {
  db: Database;
  /** When the run was due (the cron time for scheduled runs, now for manual ones). */
  now: Date;
  trigger: JobTrigger;
  actor: string;
}

export interface JobOutcome {
  /** One line, Chinese: the message's template in Chinese, stored for logs and the command line. */
  summary: string;
  /** The same as a code and its figures (pipeline/vocabulary/job-messages.ts): the page words it in its language.
   *  Every job of definitions.ts gives one; without it (a test's job), the page shows the summary as it is. */
  message?: JobMessage;
  /** The run worked but analysts must act (calendar not loaded, draw not done): shown until acknowledged. */
  warning?: boolean;
  /** The job's own figures by name, kept with the run (the message is added beside them). */
  details?: Record<string, unknown>;
}

export type JobFn = (ctx: JobContext) => Promise<JobOutcome>;
