// Schemas of /api/indicators/*, in TypeBox (see common.ts). The metric path parameter is one of the indicator
// system's metrics, which are read from files on the server: the route schemas are built from those ids
// (`values(metricIds)`), so this file stays browser-safe.
import { Type, type Static } from 'typebox';
import { metricStatus } from '../../vocabulary/terms.ts';
import { NBool, NNum, NStr, Obj, oneOf, table, Year } from './common.ts';

/** A metric's judgement of a region-year: met, not met or no data (`provisional` is the separate flag). */
export const MetricStatus = oneOf(
  (Object.keys(metricStatus) as Array<keyof typeof metricStatus>).filter(
    (s): s is Exclude<keyof typeof metricStatus, 'provisional'> => s !== 'provisional',
  ),
);
export type MetricStatus = Static<typeof MetricStatus>;

export const IndicatorRow = Obj({
  region_code: Type.String(),
  region_name: NStr,
  province_code: Type.String(),
  numerator: NNum,
  denominator: NNum,
  value: NNum,
  threshold: NNum,
  status: MetricStatus,
  provisional: NBool,
  lower95: NNum,
  upper95: NNum,
  lower998: NNum,
  upper998: NNum,
  target: NNum,
  position: NStr,
});
export type IndicatorRow = Static<typeof IndicatorRow>;

export const TrendRow = Obj({
  year: Type.Integer(),
  regions: Type.Integer(),
  met: Type.Integer(),
  not_met: Type.Integer(),
  no_data: Type.Integer(),
  median: NNum,
  p10: NNum,
  p90: NNum,
});
export type TrendRow = Static<typeof TrendRow>;

const metricParams = (metricIds: string[]) => Type.Object({ metric: oneOf(metricIds) });

export const values = (metricIds: string[]) => ({
  ...table(
    ['indicators'],
    'One metric of one year for every region the caller may see, with funnel limits',
    IndicatorRow,
    { year: Type.Optional(Year) },
  ),
  params: metricParams(metricIds),
});

export const trend = (metricIds: string[]) => ({
  ...table(['indicators'], 'Per year: regions met / not met / no data, median, p10, p90 of one metric', TrendRow),
  params: metricParams(metricIds),
});
