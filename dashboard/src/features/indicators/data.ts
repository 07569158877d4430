// Indicator data hooks: one metric's values across regions for a year (Arrow), and its trend over years.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useIndicator = (metric: string, year: number) =>
  useQuery([metric, year], () => api.indicator(metric, year), !!metric);
/** Years without any assessed region (a year not yet reported) are left out of the trend. */
export const useIndicatorTrend = (metric: string) =>
  useQuery(
    [metric],
    async () => (await api.indicatorTrend(metric)).filter((r) => Number(r.met) + Number(r.not_met) > 0),
    !!metric,
  );

/** The metric shown first: the litigation loss rate has a real funnel (its target is not 100%). */
export const DEFAULT_METRIC = 'litigation.loss_rate';
