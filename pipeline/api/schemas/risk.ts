// Schema of /api/risk: the ranked risk queue (pipeline/risk), in TypeBox (see common.ts). Scopes come from
// pipeline/risk, tiers and rules from the vocabulary.
import { Type, type Static } from 'typebox';
import { RISK_SCOPES } from '../../risk/scopes.ts';
import { riskRule, riskTier } from '../../vocabulary/terms.ts';
import { errors, NStr, Obj, oneOf, termOf, Year } from './common.ts';

export const RiskScope = oneOf(RISK_SCOPES);
export const RiskTier = termOf(riskTier);
export type RiskTier = Static<typeof RiskTier>;

export const RiskReason = Obj({
  rule: termOf(riskRule),
  flag_id: NStr,
  entry_id: NStr,
  points: Type.Number(),
  params: Type.Record(Type.String(), Type.Unknown(), {
    description: "what the reason rests on (codes and figures); the vocabulary's renderRiskReason words it",
  }),
  text: Type.String({ description: 'the reason in Chinese, for the CLI and the export' }),
});
export type RiskReason = Static<typeof RiskReason>;

export const RiskRow = Obj({
  rank: Type.Integer(),
  region_code: Type.String(),
  region_name: NStr,
  score: Type.Number(),
  tier: RiskTier,
  rank_low: Type.Integer(),
  rank_high: Type.Integer(),
  reasons: Type.Array(RiskReason),
});
export type RiskRow = Static<typeof RiskRow>;

export const RiskQueue = Obj({
  year: Type.Integer(),
  scope: RiskScope,
  as_of: NStr,
  complete: Type.Boolean(),
  total: Type.Integer(),
  shared: Type.Array(
    Obj({ rule_id: Type.String(), detail_key: Type.String(), regions: Type.Integer(), of: Type.Integer() }),
  ),
  rows: Type.Array(RiskRow),
});
export type RiskQueue = Static<typeof RiskQueue>;

export const queue = {
  tags: ['risk'],
  summary:
    "The ranked risk queue of a year for the caller's regions: one row per region of the scope (designated = in the designation term; monitored = the others), tier, score, 90% rank interval under perturbed weights, and every reason with the flag or watchlist entry it comes from. A year not yet complete at the data's date is not ranked (complete = false, no rows).",
  querystring: Type.Object({
    year: Type.Optional(Year),
    scope: oneOf(RISK_SCOPES, { default: 'designated' }),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
  }),
  response: { 200: RiskQueue, ...errors },
};
