// Indicators: the versioned indicator system, per-metric SQL, thresholds, scorecard, funnel limits, refresh.
export { refresh, type RefreshOptions, type RefreshResult } from './refresh.ts';
export { yearCounts, type YearCounts } from './population.ts';
export {
  loadSystems,
  systemForYear,
  allMetrics,
  metricNamer,
  defaultSystemDir,
  designationBars,
  SCORING_METHODS,
  type IndicatorSystem,
  type MetricDefinition,
  type ScoringMethod,
} from './system.ts';
export {
  readIndicators,
  readScorecard,
  publicShape,
  hasRefreshed,
  type IndicatorValue,
  type IndicatorRow,
  type ScorecardRow,
} from './read.ts';
export {
  funnel,
  exactLimit,
  binomialCdf,
  binomialQuantile,
  overdispersion,
  normalQuantile,
  type FunnelRow,
  type FunnelPoint,
} from './funnel.ts';
