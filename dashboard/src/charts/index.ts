// Chart functions: (rows, options with optional document) → Plot figure. Pure; React only mounts them.
export { funnelChart, isOutlier, attachDotData, type FunnelRow, type FunnelOptions } from './funnel.ts';
export {
  statusTrendChart,
  medianBandChart,
  linesChart,
  regionTrendChart,
  type TrendRow,
  type SeriesRow,
  type RegionTrendRow,
} from './trend.ts';
export { histogramChart, countBarsChart, bucketChart, type CountRow } from './distribution.ts';
export { provinceTileChart, PROVINCE_TILES, type TileRow } from './tiles.ts';
export { wireMarks } from './interact.ts';
export {
  STATUS_COLORS,
  thresholdText,
  unitFormat,
  unitWord,
  versionMarks,
  withUnit,
  type VersionMark,
} from './theme.ts';
