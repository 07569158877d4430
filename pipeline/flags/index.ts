export { readFlags, type Flag, type FlagEvidence } from './read.ts';
export { flagRules, describeRules, type FlagRule } from './rules.ts';
