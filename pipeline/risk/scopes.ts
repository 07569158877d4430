// The risk queue's scopes (a pure module: the API's route schemas, which the dashboard imports, read it).
// designated = regions in their designation term; monitored = the others the office watches.
export type RiskScope = 'designated' | 'monitored';
export const RISK_SCOPES: readonly RiskScope[] = ['designated', 'monitored'];
