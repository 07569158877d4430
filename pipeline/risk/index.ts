export {
  type ReadRows,
  RISK_SCOPES,
  type RiskQueue,
  type RiskRow,
  type RiskScope,
  type RiskTier,
  rankRows,
  riskQueue,
  tierOf,
} from './queue.ts';
export { funnelPoints, type RiskFact, type RiskReason, scoreFacts } from './score.ts';
export { defaultWeightsPath, loadRiskWeights, type RiskRule, type RiskWeights } from './weights.ts';
