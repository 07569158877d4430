export {
  type ReadRows,
  RISK_SCOPES,
  type RiskQueue,
  type RiskRow,
  type RiskScope,
  type RiskTier,
  rankRows,
  riskQueue,
  sharedProblems,
  tierOf,
} from './queue.ts';
export { funnelPoints, type RiskFact, type RiskReason, type SharedProblem, scoreFacts } from './score.ts';
export { defaultWeightsPath, loadRiskWeights, type RiskRule, type RiskWeights } from './weights.ts';
