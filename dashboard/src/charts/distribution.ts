// Distributions: a histogram of values across regions with the threshold line, and labelled count bars.
import * as Plot from '@observablehq/plot';
import { wireMarks } from './interact.ts';
import { ACCENT, base, colonOf, INK, STATUS_COLORS, unitFormat, type BaseOptions } from './theme.ts';

export interface HistogramOptions extends BaseOptions {
  unit?: string;
  threshold?: number | null;
  x?: string;
  y?: string;
  thresholds?: number;
}

export function histogramChart(values: readonly { value: number | null; status?: string }[], o: HistogramOptions = {}) {
  const pts = values.filter((d) => d.value != null);
  return Plot.plot({
    ...base(o, 420, 260),
    marginLeft: 44,
    x: { label: o.x ?? null, tickFormat: unitFormat(o.unit) },
    y: { label: o.y ?? null, grid: true },
    marks: [
      Plot.rectY(pts, {
        ...Plot.binX({ y: 'count' }, { x: 'value', thresholds: o.thresholds ?? 20 }),
        fill: ACCENT,
        fillOpacity: 0.8,
        inset: 0.5,
      }),
      Plot.ruleY([0]),
      o.threshold != null
        ? Plot.ruleX([o.threshold], { stroke: STATUS_COLORS.not_met, strokeWidth: 1.5, strokeDasharray: '6,3' })
        : null,
    ].filter(Boolean) as Plot.Markish[],
  });
}

export interface CountOptions extends BaseOptions {
  x?: string;
  /** 'rate': the values are shares (0–1), shown as percentages on a 0–100% axis. */
  format?: 'rate';
  /** Bars below this value are drawn in the not-met colour (e.g. indicators fewer than 80% of regions meet). */
  warnBelow?: number;
  marginLeft?: number;
}

export interface CountRow {
  label: string;
  count: number;
  /** What a click filters by (a code, not the label); defaults to the label. */
  key?: string;
}

export interface CountBarsOptions extends CountOptions {
  /** The bar whose key is selected is drawn dark, the others light. */
  selected?: string | null;
  /** A click (or Enter) on a bar: filter the view by it. */
  onClick?: (row: CountRow) => void;
  /** The unit after a count in the tooltip, e.g. "个地区". */
  unit?: string;
}

/** Horizontal bars of counts by category, value written at the end of each bar; bars can filter on click. */
export function countBarsChart(rows: readonly CountRow[], o: CountBarsOptions = {}) {
  const keyOf = (r: CountRow) => r.key ?? r.label;
  const fmt = o.format === 'rate' ? unitFormat('rate') : (v: number) => String(v);
  const fig = Plot.plot({
    ...base(o, 360, Math.max(90, 28 + rows.length * 24)),
    // room for the longest label: a CJK character is about 11 px at 11 px type, a Latin one about 6
    marginLeft: Math.min(
      220,
      Math.max(
        60,
        12 +
          Math.max(0, ...rows.map((r) => [...r.label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6), 0))),
      ),
    ),
    marginRight: 36,
    x: { label: o.x ?? null, grid: true, ...(o.format === 'rate' ? { domain: [0, 1], tickFormat: fmt } : {}) },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, {
        x: 'count',
        y: 'label',
        fill:
          o.warnBelow === undefined
            ? ACCENT
            : (d: CountRow) => (d.count < o.warnBelow! ? STATUS_COLORS.not_met : ACCENT),
        fillOpacity: (d: CountRow) => (o.selected == null || o.selected === keyOf(d) ? 0.85 : 0.3),
        title: (d: CountRow) => `${d.label}${colonOf(o.lang)}${fmt(d.count)}${o.unit ?? ''}`,
      }),
      Plot.text(rows, {
        x: 'count',
        y: 'label',
        text: (d: { count: number }) => fmt(d.count),
        textAnchor: 'start',
        dx: 4,
        fill: INK,
      }),
      Plot.ruleX([0]),
    ],
  });
  wireMarks(fig, 'bar', rows, {
    key: keyOf,
    label: (r) => `${r.label}${colonOf(o.lang)}${fmt(r.count)}${o.unit ?? ''}`,
    onClick: o.onClick,
  });
  return fig;
}

/** Pre-binned counts (e.g. conformance buckets from the API) as columns. */
export function bucketChart(rows: readonly { bucket: string; count: number }[], o: CountOptions & { y?: string } = {}) {
  return Plot.plot({
    ...base(o, 420, 240),
    marginLeft: 40,
    x: { label: o.x ?? null, domain: rows.map((r) => r.bucket), tickRotate: rows.length > 8 ? -30 : 0 },
    y: { label: o.y ?? null, grid: true },
    marks: [
      Plot.barY(rows, {
        x: 'bucket',
        y: 'count',
        fill: ACCENT,
        fillOpacity: 0.85,
        title: (d: { bucket: string; count: number }) => `${d.bucket}: ${d.count}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
