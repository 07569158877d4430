// Funnel plot: each region's value against its volume (the denominator), with the 95% and 99.8% control limits
// around the target, the threshold line, regions beyond the 99.8% limits labelled, and a click on a dot giving
// the region.
import * as Plot from '@observablehq/plot';
import {
  ACCENT,
  base,
  INK,
  punctOf,
  STATUS_COLORS,
  thresholdText,
  unitFormat,
  withUnit,
  type BaseOptions,
} from './theme.ts';

export interface FunnelRow {
  region_code: string;
  region_name: string | null;
  denominator: number | null;
  numerator?: number | null;
  value: number | null;
  status: string;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  target?: number | null;
  threshold?: number | null;
  /** The server's verdict (within, above95, below95, above998, below998); it decides outliers when present. */
  position?: string | null;
}

export interface FunnelOptions extends BaseOptions {
  unit?: string;
  threshold?: number | null;
  /** higher | lower | equal: the threshold's sign (≥ / ≤ / =). */
  direction?: string | null;
  lang?: 'zh' | 'en';
  labels?: {
    limit95: string;
    limit998: string;
    threshold: string;
    x: string;
    y: string;
    /** The centre line: the pooled rate of all regions, "总体" / "overall". */
    centre?: string;
    /** The colour legend: met / not met / no data in the user's language. */
    status?: Record<string, string>;
  };
  /** The region to ring and name (the region page's own funnel). */
  highlight?: string | null;
  onClick?: (row: FunnelRow) => void;
}

export const isOutlier = (r: FunnelRow) =>
  r.position != null
    ? /998$/.test(r.position)
    : r.value != null && ((r.upper998 != null && r.value > r.upper998) || (r.lower998 != null && r.value < r.lower998));

export function funnelChart(rows: readonly FunnelRow[], o: FunnelOptions = {}): SVGSVGElement | HTMLElement {
  const pts = rows.filter((r) => r.value != null && r.denominator != null && r.denominator > 0);
  const limits = pts
    .filter((r) => r.lower95 != null)
    .slice()
    .sort((a, b) => a.denominator! - b.denominator!);
  const clamp =
    o.unit === 'rate'
      ? (v: number | null) => (v == null ? null : Math.max(0, Math.min(1, v)))
      : (v: number | null) => v;
  const lim = limits.map((r) => ({
    n: r.denominator!,
    l95: clamp(r.lower95),
    u95: clamp(r.upper95),
    l998: clamp(r.lower998),
    u998: clamp(r.upper998),
  }));
  const outliers = pts.filter(isOutlier);
  const ns = pts.map((r) => r.denominator!);
  const wide = ns.length > 0 && Math.min(...ns) > 0 && Math.max(...ns) / Math.min(...ns) > 30;
  const target = pts.find((r) => r.target != null)?.target ?? null;
  const fmt = unitFormat(o.unit);
  const full = withUnit(o.unit, o.lang);
  const L = o.labels ?? { limit95: '95%', limit998: '99.8%', threshold: 'threshold', x: 'n', y: 'value' };
  const statusName = (s: string) => L.status?.[s] ?? s;
  const chosen = o.highlight ? pts.filter((r) => r.region_code === o.highlight) : [];

  const fig = Plot.plot({
    ...base(o, 760, 380),
    marginLeft: 56,
    marginRight: 90,
    x: { type: wide ? 'log' : 'linear', label: L.x, grid: true, nice: true },
    y: {
      label: L.y,
      grid: true,
      tickFormat: fmt,
      ...(o.unit === 'rate'
        ? { domain: [Math.max(0, Math.min(...pts.map((r) => r.value!), ...lim.map((d) => d.l998 ?? 1)) - 0.02), 1] }
        : {}),
    },
    color: {
      domain: Object.keys(STATUS_COLORS).map(statusName),
      range: Object.values(STATUS_COLORS),
      legend: L.status != null,
    },
    marks: [
      Plot.line(lim, { x: 'n', y: 'l998', stroke: INK, strokeWidth: 1, curve: 'monotone-x' }),
      Plot.line(lim, { x: 'n', y: 'u998', stroke: INK, strokeWidth: 1, curve: 'monotone-x' }),
      Plot.line(lim, { x: 'n', y: 'l95', stroke: INK, strokeDasharray: '4,3', strokeWidth: 1, curve: 'monotone-x' }),
      Plot.line(lim, { x: 'n', y: 'u95', stroke: INK, strokeDasharray: '4,3', strokeWidth: 1, curve: 'monotone-x' }),
      lim.length
        ? Plot.text([lim[lim.length - 1]], {
            x: 'n',
            y: 'u998',
            text: () => L.limit998,
            textAnchor: 'start',
            dx: 4,
            fontSize: 10,
          })
        : null,
      lim.length
        ? Plot.text([lim[lim.length - 1]], {
            x: 'n',
            y: 'l95',
            text: () => L.limit95,
            textAnchor: 'start',
            dx: 4,
            fontSize: 10,
          })
        : null,
      target != null ? Plot.ruleY([target], { stroke: INK, strokeOpacity: 0.4 }) : null,
      target != null && L.centre
        ? Plot.text([target], {
            y: (d: number) => d,
            frameAnchor: 'right',
            textAnchor: 'start',
            dx: 4,
            fill: INK,
            fontSize: 10,
            text: () => `${L.centre} ${full(target)}`,
          })
        : null,
      o.threshold != null
        ? Plot.ruleY([o.threshold], { stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: '6,3' })
        : null,
      o.threshold != null
        ? Plot.text([o.threshold], {
            y: (d: number) => d,
            frameAnchor: 'left',
            textAnchor: 'start',
            dx: 4,
            dy: 8,
            fill: ACCENT,
            text: () => `${L.threshold} ${thresholdText(o.threshold!, o.direction, o.unit, o.lang)}`,
            fontSize: 10,
          })
        : null,
      Plot.dot(pts, {
        x: 'denominator',
        y: 'value',
        r: 3.5,
        fill: (r: FunnelRow) => statusName(r.status),
        stroke: 'white',
        strokeWidth: 0.5,
        title: (r: FunnelRow) =>
          `${r.region_name} (${r.region_code})\n${full(r.value!)}` +
          (r.numerator != null
            ? `${punctOf(o.lang).open}${r.numerator}/${r.denominator}${punctOf(o.lang).close}`
            : ` · n=${r.denominator}`) +
          ` · ${statusName(r.status)}` +
          (r.lower95 != null ? `\n${L.limit95} ${fmt(clamp(r.lower95)!)}–${fmt(clamp(r.upper95) ?? 1)}` : '') +
          (r.lower998 != null ? `\n${L.limit998} ${fmt(clamp(r.lower998)!)}–${fmt(clamp(r.upper998) ?? 1)}` : ''),
      }),
      chosen.length
        ? Plot.dot(chosen, { x: 'denominator', y: 'value', r: 8, stroke: ACCENT, strokeWidth: 2, fill: 'none' })
        : null,
      chosen.length
        ? Plot.text(chosen, {
            x: 'denominator',
            y: 'value',
            text: 'region_name',
            ariaLabel: 'region-name',
            dy: 14,
            fontSize: 11,
            fontWeight: 'bold',
            fill: ACCENT,
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
          })
        : null,
      Plot.text(outliers, {
        x: 'denominator',
        y: 'value',
        text: 'region_name',
        ariaLabel: 'region-name',
        dy: -9,
        fontSize: 10,
        fill: INK,
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ].filter(Boolean) as Plot.Markish[],
  });
  // regions' names are data: the same in either language
  for (const g of Array.from(fig.querySelectorAll('g[aria-label="region-name"]'))) g.setAttribute('translate', 'no');
  // labels and lines must not catch the clicks meant for the dots under them
  for (const g of Array.from(
    fig.querySelectorAll(
      'g[aria-label="text"], g[aria-label="region-name"], g[aria-label="line"], g[aria-label="rule"]',
    ),
  ))
    g.setAttribute('pointer-events', 'none');
  attachDotData(fig, pts, o.onClick);
  return fig;
}

/** Plot binds each dot's row index to the element (`__data__`); mark each circle with its region and wire clicks. */
export function attachDotData<R extends { region_code: string; region_name?: string | null }>(
  fig: Element,
  rows: readonly R[],
  onClick?: (row: R) => void,
) {
  for (const c of Array.from(fig.querySelectorAll('g[aria-label="dot"] circle'))) {
    const i = (c as unknown as { __data__: number }).__data__;
    const row = rows[i];
    if (!row) continue;
    c.setAttribute('data-region', row.region_code);
    if (onClick) {
      // a dot that opens its region is a link for the keyboard too: Tab reaches it, Enter or Space opens it
      (c as SVGElement).style.cursor = 'pointer';
      c.setAttribute('tabindex', '0');
      c.setAttribute('role', 'link');
      c.setAttribute('aria-label', row.region_name ? `${row.region_name} ${row.region_code}` : row.region_code);
      c.setAttribute('translate', 'no'); // a region's name and code: a data value
      c.addEventListener('click', () => onClick(row));
      c.addEventListener('keydown', (e) => {
        const key = (e as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          e.preventDefault();
          onClick(row);
        }
      });
    }
  }
}
