// What a finished job run keeps as JSON (job_runs.details): the job's own figures and the message the vocabulary
// words. Written by pipeline/jobs, sent by GET /api/jobs, read by the dashboard's job summaries.
import { Type, type Static } from 'typebox';
import { jobMessage } from '../vocabulary/job-messages.ts';
import { Nullable, Obj, termOf } from './kit.ts';

/** A run's message: a code of pipeline/vocabulary/job-messages.ts and the figures its template names. */
export const JobMessage = Obj({
  code: termOf(jobMessage),
  params: Type.Record(Type.String(), Type.Unknown(), { description: "the figures the code's template names" }),
});
export type JobMessage = Static<typeof JobMessage>;

/** What a finished run kept: the job's own figures (pipeline/jobs/definitions.ts; they differ by job, so the keys are
 *  open) and the message the page words in its language; a failed run keeps only its message. Null while running, for
 *  a skipped run, and for a provincial account (the figures are national). */
export const JobDetails = Nullable(
  Type.Object(
    { message: Type.Optional(JobMessage) },
    { additionalProperties: true, description: "the job's figures by name, and its message" },
  ),
);
export type JobDetails = Static<typeof JobDetails>;
