// A job run's line in the page's language: the run's message (code and figures, kept in its details by the runner)
// worded by the vocabulary (pipeline/vocabulary/job-messages.ts); a run of before, or a run the runner skipped
// because the previous one was still going, as its status says; else the stored summary as it is.
import { renderJobMessage, type Lang } from '../../../pipeline/vocabulary/index.ts';
import type { JobRun } from '../api/index.ts';

type RunLine = Pick<JobRun, 'status' | 'summary'> & { details?: JobRun['details'] };

export function jobSummary(run: RunLine, lang: Lang): string {
  const message = run.details?.message;
  if (message) return renderJobMessage(message, lang, run.summary ?? '');
  if (run.status === 'skipped_overlap') return renderJobMessage({ code: 'skipped_overlap' }, lang);
  return run.summary ?? '';
}
