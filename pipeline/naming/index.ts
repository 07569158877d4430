// The naming round (认定程序, section 三 of the opinions): rounds, the applicant scorecard and its contradictions,
// the combined ranking and field-check list, the candidate list, notice and decisions. See README.md.
export * from './method.ts';
export * from './timetable.ts';
export * from './rounds.ts';
export * from './scorecard.ts';
export * from './ranking.ts';
export * from './rank-round.ts';
export * from './steps.ts';
export * from './report-file.ts';
export * from './labels.ts';
export { FIELD_METRICS } from './fields.ts';
