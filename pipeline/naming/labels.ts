// The naming round's Chinese labels (codes → zh), as the round's code reads them. The words are the vocabulary's
// (pipeline/vocabulary: roundStep, stepState, namingContradiction, unranked, namingDecision, metricStatus,
// funnelPosition and the contracts' enum values); this file only picks the Chinese. The dashboard imports it too.
import { enumLabels } from '../vocabulary/contract.ts';
import {
  funnelPosition,
  metricStatus,
  namingContradiction,
  namingDecision,
  roundStep,
  stepState,
  unranked,
} from '../vocabulary/terms.ts';
import type { Term } from '../vocabulary/types.ts';

/** The Chinese of some codes of a group (all of them when no codes are named). */
const zhOf = (group: Record<string, Term> | undefined, codes?: string[]): Record<string, string> =>
  Object.fromEntries(
    Object.entries(group ?? {})
      .filter(([code]) => !codes || codes.includes(code))
      .map(([code, t]) => [code, t.zh]),
  );

export const ROUND_STEP_ZH = zhOf(roundStep);
export const STEP_STATE_ZH = zhOf(stepState);
export const KIND_ZH = zhOf(enumLabels.designation, ['comprehensive', 'single']);
export const CONTRADICTION_ZH = zhOf(namingContradiction);
export const CLAIM_ZH = zhOf(enumLabels.status, ['met', 'not_met', 'not_applicable']);
export const DATA_STATUS_ZH = zhOf(metricStatus, ['met', 'not_met', 'no_data']);
export const UNRANKED_ZH = zhOf(unranked);
export const DECISION_ZH = zhOf(namingDecision);
export const OBJECTION_ZH = zhOf(enumLabels.handling);
export const FUNNEL_POSITION_ZH = zhOf(funnelPosition);
