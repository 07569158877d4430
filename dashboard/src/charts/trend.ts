// Charts over years: met / not met / no data per year (stacked bars), and the median with the P10–P90 band.
import * as Plot from '@observablehq/plot';
import { ACCENT, base, STATUS_COLORS, unitFormat, type BaseOptions } from './theme.ts';

export interface TrendRow {
  year: number;
  met: number;
  not_met: number;
  no_data: number;
  median: number | null;
  p10: number | null;
  p90: number | null;
}

export interface StatusTrendOptions extends BaseOptions {
  labels?: Record<'met' | 'not_met' | 'no_data', string>;
  y?: string;
}

export function statusTrendChart(rows: readonly TrendRow[], o: StatusTrendOptions = {}) {
  const L = o.labels ?? { met: 'met', not_met: 'not_met', no_data: 'no_data' };
  const long = rows.flatMap((r) =>
    (['met', 'not_met', 'no_data'] as const).map((s) => ({ year: String(r.year), status: L[s], key: s, count: r[s] })),
  );
  return Plot.plot({
    ...base(o, 420, 260),
    marginLeft: 44,
    x: { label: null, type: 'band' },
    y: { label: o.y ?? null, grid: true },
    color: {
      domain: [L.met, L.not_met, L.no_data],
      range: [STATUS_COLORS.met, STATUS_COLORS.not_met, STATUS_COLORS.no_data],
      legend: true,
    },
    marks: [
      Plot.barY(long, {
        x: 'year',
        y: 'count',
        fill: 'status',
        order: [L.met, L.not_met, L.no_data],
        title: (d: { status: string; count: number }) => `${d.status}: ${d.count}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

export interface BandOptions extends BaseOptions {
  unit?: string;
  threshold?: number | null;
  y?: string;
}

export function medianBandChart(rows: readonly TrendRow[], o: BandOptions = {}) {
  const pts = rows.filter((r) => r.median != null);
  return Plot.plot({
    ...base(o, 420, 260),
    marginLeft: 52,
    x: { label: null, tickFormat: 'd', ticks: pts.map((r) => r.year) },
    y: { label: o.y ?? null, grid: true, tickFormat: unitFormat(o.unit) },
    marks: [
      Plot.areaY(pts, { x: 'year', y1: 'p10', y2: 'p90', fill: ACCENT, fillOpacity: 0.15 }),
      Plot.line(pts, { x: 'year', y: 'median', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(pts, { x: 'year', y: 'median', fill: ACCENT, r: 3 }),
      o.threshold != null ? Plot.ruleY([o.threshold], { stroke: STATUS_COLORS.not_met, strokeDasharray: '6,3' }) : null,
    ].filter(Boolean) as Plot.Markish[],
  });
}

export interface SeriesRow {
  year: number;
  series: string;
  value: number | null;
}
export interface LinesOptions extends BaseOptions {
  unit?: string;
  y?: string;
  legend?: boolean;
}

/** Several series over years (national trends, a region's history). */
export function linesChart(rows: readonly SeriesRow[], o: LinesOptions = {}) {
  const pts = rows.filter((r) => r.value != null);
  return Plot.plot({
    ...base(o, 560, 260),
    marginLeft: 52,
    x: { label: null, tickFormat: 'd', ticks: [...new Set(pts.map((r) => r.year))] },
    y: { label: o.y ?? null, grid: true, tickFormat: unitFormat(o.unit) },
    color: { legend: o.legend ?? true, scheme: 'tableau10' },
    marks: [
      Plot.line(pts, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 1.5 }),
      Plot.dot(pts, {
        x: 'year',
        y: 'value',
        fill: 'series',
        r: 2.5,
        title: (d: SeriesRow) => `${d.series} ${d.year}: ${unitFormat(o.unit)(d.value!)}`,
      }),
    ],
  });
}
