export { riskQueue, rankRows, tierOf, RISK_SCOPES, type ReadRows, type RiskQueue, type RiskRow, type RiskScope, type RiskTier } from './queue.ts';
export { scoreFacts, funnelPoints, type RiskFact, type RiskReason } from './score.ts';
export { loadRiskWeights, defaultWeightsPath, type RiskWeights, type RiskRule } from './weights.ts';
export { RISK_RULE_ZH, RISK_TIER_ZH } from './labels.ts';
