export { readFlags, type Flag, type FlagEvidence } from './read.ts';
export { flagRules, describeRules, type FlagRule } from './rules.ts';
export {
  triageFlag,
  readTriage,
  escalationEntryId,
  TRIAGE_DECISIONS,
  type TriageDecision,
  type TriageRecord,
  type TriageState,
} from './triage.ts';
