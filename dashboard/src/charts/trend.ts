// Charts over years: met / not met / no data per year (stacked bars), and the median with the P10–P90 band.
import * as Plot from '@observablehq/plot';
import {
  ACCENT,
  base,
  INK,
  punctOf,
  STATUS_COLORS,
  thresholdText,
  unitFormat,
  type BaseOptions,
  type VersionMark,
  versionMarks,
  withUnit,
} from './theme.ts';

const MUTED = '#7b8794';

/** Dotted rules between the years where the indicator system changed, labelled with the new version at the top. */
function versionRules(marks: VersionMark[]): Plot.Markish[] {
  if (marks.length === 0) return [];
  return [
    Plot.ruleX(marks, { x: (d: VersionMark) => d.from - 0.5, stroke: MUTED, strokeDasharray: '2,3' }),
    Plot.text(marks, {
      x: (d: VersionMark) => d.from - 0.5,
      frameAnchor: 'top',
      text: 'label',
      textAnchor: 'start',
      dx: 3,
      dy: 2,
      fontSize: 10,
      fill: MUTED,
    }),
  ];
}

/** A threshold rule labelled with its sign and unit (≥ 90.0%, ≤ 15个工作日) at the right end. */
function thresholdRule(
  threshold: number | null | undefined,
  o: { direction?: string | null; unit?: string; lang?: 'zh' | 'en'; label?: string },
): Plot.Markish[] {
  if (threshold == null) return [];
  return [
    Plot.ruleY([threshold], { stroke: STATUS_COLORS.not_met, strokeDasharray: '6,3' }),
    Plot.text([threshold], {
      y: (d: number) => d,
      frameAnchor: 'right',
      textAnchor: 'end',
      dy: -6,
      fill: STATUS_COLORS.not_met,
      fontSize: 10,
      text: () => `${o.label ?? ''}${thresholdText(threshold, o.direction, o.unit, o.lang)}`,
    }),
  ];
}

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
  direction?: string | null;
  y?: string;
  lang?: 'zh' | 'en';
  versions?: VersionMark[];
  /** Legend and threshold words: { median: '中位数', band: 'P10–P90', threshold: '标准' }. */
  labels?: { median: string; band: string; threshold: string };
}

export function medianBandChart(rows: readonly TrendRow[], o: BandOptions = {}) {
  const pts = rows.filter((r) => r.median != null);
  const L = o.labels ?? { median: 'median', band: 'P10–P90', threshold: '' };
  const f = withUnit(o.unit, o.lang);
  return Plot.plot({
    ...base(o, 420, 260),
    marginLeft: 52,
    x: { label: null, tickFormat: 'd', ticks: pts.map((r) => r.year) },
    y: { label: o.y ?? null, grid: true, tickFormat: unitFormat(o.unit) },
    color: { domain: [L.median, L.band], range: [ACCENT, '#c5d3e4'], legend: true },
    marks: [
      ...versionRules(
        versionMarks(
          o.versions,
          pts.map((r) => r.year),
        ),
      ),
      Plot.areaY(pts, { x: 'year', y1: 'p10', y2: 'p90', fill: ACCENT, fillOpacity: 0.15 }),
      Plot.line(pts, { x: 'year', y: 'median', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(pts, {
        x: 'year',
        y: 'median',
        fill: ACCENT,
        r: 3,
        title: (d: TrendRow) =>
          `${d.year}${punctOf(o.lang).colon}${L.median} ${f(d.median!)}${punctOf(o.lang).semi}${L.band} ${d.p10 == null ? '—' : f(d.p10)}–${d.p90 == null ? '—' : f(d.p90)}`,
      }),
      ...thresholdRule(o.threshold, { ...o, label: L.threshold }),
    ],
  });
}

export interface SeriesRow {
  year: number;
  series: string;
  value: number | null;
  /** The numbers behind the point, shown in its tooltip (e.g. "123/4,567"). */
  detail?: string;
}
export interface LinesOptions extends BaseOptions {
  unit?: string;
  y?: string;
  legend?: boolean;
  lang?: 'zh' | 'en';
  versions?: VersionMark[];
  threshold?: number | null;
  direction?: string | null;
  thresholdLabel?: string;
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
      ...versionRules(
        versionMarks(
          o.versions,
          pts.map((r) => r.year),
        ),
      ),
      ...thresholdRule(o.threshold, { ...o, label: o.thresholdLabel }),
      Plot.line(pts, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 1.5 }),
      Plot.dot(pts, {
        x: 'year',
        y: 'value',
        fill: 'series',
        r: 2.5,
        title: (d: SeriesRow) =>
          `${d.series} ${d.year}${punctOf(o.lang).colon}${withUnit(o.unit, o.lang)(d.value!)}${d.detail ? `${punctOf(o.lang).open}${d.detail}${punctOf(o.lang).close}` : ''}`,
      }),
    ],
  });
}

export interface RegionTrendRow {
  year: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  status?: string | null;
}
export interface RegionTrendOptions extends BaseOptions {
  unit?: string;
  lang?: 'zh' | 'en';
  threshold?: number | null;
  direction?: string | null;
  versions?: VersionMark[];
  /** The pooled value of all regions in view (sum of numerators / sum of denominators) per year. */
  national?: readonly { year: number; value: number | null }[];
  /** Year to ring (the year in view). */
  highlightYear?: number | null;
  labels: { region: string; national: string; threshold: string; status?: Record<string, string> };
  y?: string;
}

/** One region's metric over the years against the pooled national (or provincial) rate and the threshold, the
 *  indicator-system changes marked, each point's numbers (numerator / denominator, verdict) in its tooltip. */
export function regionTrendChart(rows: readonly RegionTrendRow[], o: RegionTrendOptions) {
  const f = withUnit(o.unit, o.lang);
  const pts = rows.filter((r) => r.value != null);
  const nat = (o.national ?? []).filter((r) => r.value != null);
  const years = [...new Set([...pts.map((r) => r.year), ...nat.map((r) => r.year)])].sort((a, b) => a - b);
  const L = o.labels;
  const ring = pts.filter((r) => r.year === o.highlightYear);
  return Plot.plot({
    ...base(o, 520, 260),
    marginLeft: 52,
    marginTop: 22,
    x: {
      label: null,
      tickFormat: 'd',
      ticks: years,
      domain: years.length ? [years[0]! - 0.6, years.at(-1)! + 0.6] : undefined,
    },
    y: {
      label: o.y ?? null,
      grid: true,
      tickFormat: unitFormat(o.unit),
      zero: true,
    },
    color: {
      domain: nat.length ? [L.region, L.national] : [L.region],
      range: nat.length ? [ACCENT, MUTED] : [ACCENT],
      legend: true,
    },
    marks: [
      ...versionRules(versionMarks(o.versions, years)),
      ...thresholdRule(o.threshold, { ...o, label: L.threshold }),
      Plot.line(nat, { x: 'year', y: 'value', stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '5,3' }),
      Plot.dot(nat, {
        x: 'year',
        y: 'value',
        fill: MUTED,
        r: 2,
        title: (d: { year: number; value: number | null }) =>
          `${L.national} ${d.year}${punctOf(o.lang).colon}${f(d.value!)}`,
      }),
      Plot.line(pts, { x: 'year', y: 'value', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(pts, {
        x: 'year',
        y: 'value',
        r: 3.5,
        fill: (d: RegionTrendRow) => (d.status === 'not_met' ? STATUS_COLORS.not_met : ACCENT),
        stroke: 'white',
        title: (d: RegionTrendRow) =>
          `${L.region} ${d.year}${punctOf(o.lang).colon}${f(d.value!)}` +
          (d.denominator != null
            ? `${punctOf(o.lang).open}${d.numerator ?? '—'}/${d.denominator}${punctOf(o.lang).close}`
            : '') +
          (d.status && L.status?.[d.status] ? ` · ${L.status[d.status]}` : '') +
          (o.threshold != null ? ` · ${L.threshold}${thresholdText(o.threshold, o.direction, o.unit, o.lang)}` : ''),
      }),
      Plot.dot(ring, { x: 'year', y: 'value', r: 7, stroke: INK, strokeWidth: 1.5, fill: 'none' }),
    ],
  });
}
