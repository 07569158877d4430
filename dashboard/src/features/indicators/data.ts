// Indicator data hooks: one metric's values across regions for a year (Arrow), and its trend over years.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useIndicator = (metric: string, year: number) => useQuery([metric, year], () => api.indicator(metric, year), !!metric);
export const useIndicatorTrend = (metric: string) => useQuery([metric], () => api.indicatorTrend(metric), !!metric);
