// The package's charts: each a pure function (data, document) → SVG element, drawn with Observable Plot in the
// given document (jsdom when exporting), so the HTML carries finished SVG and needs no script to show them.
import * as Plot from '@observablehq/plot';
import type { ExportData } from './collect.ts';
import { label } from '../vocabulary/index.ts';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
const WIDTH = 680;

export interface Chart {
  id: string;
  title_zh: string;
  note_zh: string;
  svg: string;
}

function svgOf(figure: SVGSVGElement | HTMLElement): string {
  const svg = figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg')!;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  return svg.outerHTML;
}

const common = (document: Document) => ({ document, width: WIDTH, style: { fontFamily: FONT, fontSize: '11px', background: 'white' } });

export function trendChart(data: ExportData, document: Document): Chart {
  const rows = data.trend.map((r) => ({ ...r, label: String(r.year) }));
  const svg = Plot.plot({
    ...common(document), height: 250, marginLeft: 48, marginRight: 24, marginBottom: 40,
    x: { label: '年度', labelAnchor: 'center', labelArrow: 'none', tickFormat: (d: number) => String(d), ticks: rows.map((r) => r.year) },
    y: { label: '达到示范标准的地区占比', domain: [0, 1], tickFormat: '.0%', grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, { x: 'year', y: 'share_meeting_bar', stroke: '#b22222', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'year', y: 'share_meeting_bar', fill: (d: { provisional: boolean }) => (d.provisional ? 'white' : '#b22222'), stroke: '#b22222', r: 4 }),
      Plot.text(rows, { x: 'year', y: 'share_meeting_bar', text: (d: { share_meeting_bar: number }) => `${(d.share_meeting_bar * 100).toFixed(0)}%`, dy: -12, fontSize: 10 }),
    ],
  }) as unknown as SVGSVGElement;
  const note = rows.some((r) => r.provisional) ? `空心点：该年节假日安排未发布，涉及工作日的指标按周一至周五计算，结果为${label('metricStatus', 'provisional', 'zh')}。` : '';
  return { id: 'trend', title_zh: '历年达到示范标准的地区占比', note_zh: note, svg: svgOf(svg) };
}

export function conformanceChart(data: ExportData, document: Document): Chart {
  const rows = data.tables.find((t) => t.id === 'scorecard')!.rows.filter((r) => r.conformance !== null) as Array<{ conformance: number; bar: number }>;
  const bar = rows[0]?.bar ?? 0.9;
  const svg = Plot.plot({
    ...common(document), height: 230, marginLeft: 48, marginRight: 24, marginBottom: 40,
    x: { label: '指标达标率', labelAnchor: 'center', labelArrow: 'none', domain: [0, 1], tickFormat: '.0%' },
    y: { label: '地区数', grid: true },
    marks: [
      Plot.rectY(rows, { ...Plot.binX({ y: 'count' }, { x: 'conformance', thresholds: 20 }), fill: '#4a6fa5', inset: 0.5 }),
      Plot.ruleX([bar], { stroke: '#b22222', strokeDasharray: '4,3' }),
      Plot.ruleY([0]),
    ],
  }) as unknown as SVGSVGElement;
  return { id: 'conformance', title_zh: `${data.context.reporting_year}年度各地区指标达标率分布`, note_zh: `红色虚线：综合示范地区的达标率要求（高于${(bar * 100).toFixed(0)}%）。`, svg: svgOf(svg) };
}

export function indicatorChart(data: ExportData, document: Document): Chart {
  const rows = (data.tables.find((t) => t.id === 'indicators')!.rows as Array<{ name_zh: string; indicator_no: number | null; met_share: number | null }>)
    .filter((r) => r.met_share !== null)
    .map((r) => ({ ...r, label: `${r.indicator_no ?? '—'} ${r.name_zh}` }));
  const svg = Plot.plot({
    ...common(document), height: 18 * rows.length + 50, marginLeft: 230, marginRight: 40,
    x: { label: '达标地区占比', domain: [0, 1], tickFormat: '.0%', grid: true },
    y: { label: null, domain: [...rows].sort((a, b) => a.met_share! - b.met_share!).map((r) => r.label) },
    marks: [
      Plot.barX(rows, { y: 'label', x: 'met_share', fill: (d: { met_share: number }) => (d.met_share < 0.8 ? '#b22222' : '#4a6fa5') }),
      Plot.text(rows, { y: 'label', x: 'met_share', text: (d: { met_share: number }) => `${(d.met_share * 100).toFixed(0)}%`, dx: 4, textAnchor: 'start', fontSize: 9 }),
      Plot.ruleX([0]),
    ],
  }) as unknown as SVGSVGElement;
  return { id: 'indicators', title_zh: `${data.context.reporting_year}年度各指标达标地区占比`, note_zh: '红色：不足八成地区达标的指标。', svg: svgOf(svg) };
}

export function flagsChart(data: ExportData, document: Document): Chart {
  const counts = new Map<string, number>();
  for (const r of data.tables.find((t) => t.id === 'flags')!.rows) counts.set(String(r.rule_id), (counts.get(String(r.rule_id)) ?? 0) + 1);
  const rows = [...counts].map(([rule, n]) => ({ rule: label('flagRule', rule, 'zh'), n }));
  const svg = Plot.plot({
    ...common(document), height: 24 * Math.max(rows.length, 1) + 50, marginLeft: 150, marginRight: 40,
    x: { label: '有效预警数', grid: true },
    y: { label: null, domain: [...rows].sort((a, b) => b.n - a.n).map((r) => r.rule) },
    marks: [
      Plot.barX(rows, { y: 'rule', x: 'n', fill: '#c8803a' }),
      Plot.text(rows, { y: 'rule', x: 'n', text: 'n', dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as SVGSVGElement;
  return { id: 'flags', title_zh: `${data.context.reporting_year}年度有效预警（按规则）`, note_zh: '', svg: svgOf(svg) };
}


export function allCharts(data: ExportData, document: Document): Chart[] {
  return [trendChart(data, document), conformanceChart(data, document), indicatorChart(data, document), flagsChart(data, document)];
}
