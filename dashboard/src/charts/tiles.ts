// Province tile map: the 31 provincial-level divisions of the mainland as equal squares placed roughly where they
// lie (a tile grid reads better at a glance than a choropleth, where Xinjiang and Tibet outweigh Shanghai by area).
// Any metric: each tile's colour is its value on a sequential scale with a legend, the tile shows the short name
// and the value, the tooltip the numbers behind it, and a click (or Enter) filters by the province.
import * as Plot from '@observablehq/plot';
import { wireMarks } from './interact.ts';
import { base, colonOf, INK, type BaseOptions } from './theme.ts';

/** [column, row, short Chinese name, English abbreviation] of every province by its code. */
export const PROVINCE_TILES: Record<string, [number, number, string, string]> = {
  '230000': [6, 0, '黑龙江', 'HL'],
  '650000': [0, 1, '新疆', 'XJ'],
  '150000': [4, 1, '内蒙古', 'NM'],
  '110000': [5, 1, '北京', 'BJ'],
  '220000': [6, 1, '吉林', 'JL'],
  '620000': [1, 2, '甘肃', 'GS'],
  '640000': [2, 2, '宁夏', 'NX'],
  '140000': [3, 2, '山西', 'SX'],
  '130000': [4, 2, '河北', 'HE'],
  '120000': [5, 2, '天津', 'TJ'],
  '210000': [6, 2, '辽宁', 'LN'],
  '540000': [0, 3, '西藏', 'XZ'],
  '630000': [1, 3, '青海', 'QH'],
  '610000': [2, 3, '陕西', 'SN'],
  '410000': [3, 3, '河南', 'HA'],
  '370000': [4, 3, '山东', 'SD'],
  '510000': [1, 4, '四川', 'SC'],
  '500000': [2, 4, '重庆', 'CQ'],
  '420000': [3, 4, '湖北', 'HB'],
  '340000': [4, 4, '安徽', 'AH'],
  '320000': [5, 4, '江苏', 'JS'],
  '310000': [6, 4, '上海', 'SH'],
  '530000': [1, 5, '云南', 'YN'],
  '520000': [2, 5, '贵州', 'GZ'],
  '430000': [3, 5, '湖南', 'HN'],
  '360000': [4, 5, '江西', 'JX'],
  '330000': [5, 5, '浙江', 'ZJ'],
  '450000': [2, 6, '广西', 'GX'],
  '440000': [3, 6, '广东', 'GD'],
  '350000': [4, 6, '福建', 'FJ'],
  '460000': [3, 7, '海南', 'HI'],
};

export interface TileRow {
  province_code: string;
  value: number | null;
  /** The tooltip's line about this province (the numbers behind the value); defaults to the value. */
  detail?: string;
}

export interface TileOptions extends BaseOptions {
  /** The legend's title: what the colour means, with its unit. */
  label?: string;
  format?: (v: number) => string;
  lang?: 'zh' | 'en';
  /** Province names for the tooltip (code → full name). */
  names?: Record<string, string>;
  selected?: string | null;
  onClick?: (code: string) => void;
  scheme?: string;
}

export function provinceTileChart(rows: readonly TileRow[], o: TileOptions = {}) {
  const fmt = o.format ?? ((v: number) => String(Math.round(v * 100) / 100));
  const by = new Map(rows.map((r) => [r.province_code, r]));
  const tiles = Object.entries(PROVINCE_TILES).map(([code, [c, r, zh, en]]) => {
    const row = by.get(code);
    return {
      code,
      c,
      r,
      short: o.lang === 'en' ? en : zh,
      name: o.names?.[code] ?? zh,
      value: row?.value ?? null,
      detail: row?.detail ?? (row?.value == null ? '—' : fmt(row.value)),
    };
  });
  const withValue = tiles.filter((t) => t.value != null);
  const max = Math.max(0, ...withValue.map((t) => t.value!));
  // dark tiles (top third of the scale) get white text
  const ink = (d: (typeof tiles)[number]) => (d.value != null && max > 0 && d.value / max > 0.66 ? '#ffffff' : INK);
  const size = 46;
  const fig = Plot.plot({
    ...base(o, 7 * size + 20, 8 * size + 70),
    marginTop: 8,
    marginLeft: 10,
    marginRight: 10,
    marginBottom: 4,
    x: { axis: null, domain: [0, 1, 2, 3, 4, 5, 6], padding: 0.06 },
    y: { axis: null, domain: [0, 1, 2, 3, 4, 5, 6, 7], padding: 0.06 },
    color: {
      // a stepped scale: its legend is drawn with SVG rectangles (a continuous ramp needs a canvas, which jsdom and
      // the export's renderer do not have), and five classes read better than a gradient on 31 tiles
      type: 'quantize',
      // counts below 5 get one class per count; anything else (rates, larger counts) five
      n: withValue.every((t) => Number.isInteger(t.value)) ? Math.max(1, Math.min(5, Math.ceil(max))) : 5,
      scheme: (o.scheme ?? 'oranges') as Plot.ColorScheme,
      legend: true,
      label: o.label ?? null,
      tickFormat: fmt,
      ...(withValue.length === 0 ? { domain: [0, 1] } : {}),
    },
    marks: [
      // every province's square in grey, under the coloured squares of those with a value (one fill channel
      // mixing a colour with numbers would put the grey on the colour scale too)
      Plot.cell(tiles, {
        x: 'c',
        y: 'r',
        fill: '#eef0f2',
        rx: 3,
        title: (d: (typeof tiles)[number]) => `${d.name}${colonOf(o.lang)}${d.detail}`,
      }),
      Plot.cell(tiles, {
        x: 'c',
        y: 'r',
        filter: (d: (typeof tiles)[number]) => d.value != null,
        fill: 'value',
        stroke: (d: (typeof tiles)[number]) => (o.selected === d.code ? INK : '#ffffff'),
        strokeWidth: (d: (typeof tiles)[number]) => (o.selected === d.code ? 2.5 : 1),
        rx: 3,
        title: (d: (typeof tiles)[number]) => `${d.name}${colonOf(o.lang)}${d.detail}`,
      }),
      Plot.text(tiles, {
        x: 'c',
        y: 'r',
        text: 'short',
        dy: -7,
        fontSize: 10,
        fill: ink,
        pointerEvents: 'none',
      }),
      Plot.text(tiles, {
        x: 'c',
        y: 'r',
        text: (d: (typeof tiles)[number]) => (d.value == null ? '—' : fmt(d.value)),
        dy: 8,
        fontSize: 10,
        fontWeight: 'bold',
        fill: ink,
        pointerEvents: 'none',
      }),
    ],
  });
  // the grey squares are the first cell mark: named apart, so only the coloured ones act on a click
  fig.querySelector('g[aria-label="cell"]')?.setAttribute('aria-label', 'tile');
  wireMarks(fig, 'cell', tiles, {
    key: (t) => t.code,
    label: (t) => `${t.name}${colonOf(o.lang)}${t.detail}`,
    value: (t) => t.name,
    onClick: o.onClick ? (t) => o.onClick!(t.code) : undefined,
  });
  return fig;
}
