// The package's charts, drawn by the dashboard's own chart functions (dashboard/src/charts: pure functions
// (rows, options with a document) → Plot figure) in the given document (jsdom when exporting), so the HTML carries
// finished SVG, needs no script, and looks like the dashboard: one palette, one set of charts, one set of labels.
import { countBarsChart, histogramChart, linesChart } from '../../dashboard/src/charts/index.ts';
import type { ExportData } from './collect.ts';
import { label } from '../vocabulary/index.ts';

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

/** A Plot figure with a legend is a <figure> around the SVG; the package keeps the SVG and says what it shows. */
const draw = (figure: unknown) => svgOf(figure as SVGSVGElement | HTMLElement);

export function trendChart(data: ExportData, document: Document): Chart {
  const series = '达到示范标准的地区占比';
  const rows = data.trend.map((r) => ({ year: r.year, series, value: r.share_meeting_bar }));
  const provisional = data.trend.filter((r) => r.provisional).map((r) => r.year);
  const note = provisional.length
    ? `${provisional.join('、')}年：该年节假日安排未发布，涉及工作日的指标按周一至周五计算，结果为${label('metricStatus', 'provisional', 'zh')}。`
    : '';
  const svg = draw(linesChart(rows, { unit: 'rate', y: series, legend: false, document, width: WIDTH, height: 250 }));
  return { id: 'trend', title_zh: '历年达到示范标准的地区占比', note_zh: note, svg };
}

export function conformanceChart(data: ExportData, document: Document): Chart {
  const rows = data.tables.find((t) => t.id === 'scorecard')!.rows.filter((r) => r.conformance !== null) as Array<{
    conformance: number;
    bar: number;
  }>;
  const bar = rows[0]?.bar ?? 0.9;
  const svg = draw(
    histogramChart(
      rows.map((r) => ({ value: r.conformance })),
      {
        unit: 'rate',
        threshold: bar,
        x: '指标达标率',
        y: '地区数',
        document,
        width: WIDTH,
        height: 230,
      },
    ),
  );
  return {
    id: 'conformance',
    title_zh: `${data.context.reporting_year}年度各地区指标达标率分布`,
    note_zh: `红色虚线：${label('designation', 'comprehensive', 'zh')}地区的达标率要求（按指标序号计，${(bar * 100).toFixed(0)}%及以上）。`,
    svg,
  };
}

export function indicatorChart(data: ExportData, document: Document): Chart {
  const rows = (
    data.tables.find((t) => t.id === 'indicators')!.rows as Array<{
      name_zh: string;
      indicator_no: number | null;
      met_share: number | null;
    }>
  )
    .filter((r) => r.met_share !== null)
    .map((r) => ({ label: `${r.indicator_no ?? '—'} ${r.name_zh}`, count: r.met_share! }))
    .sort((a, b) => a.count - b.count);
  const svg = draw(
    countBarsChart(rows, {
      format: 'rate',
      warnBelow: 0.8,
      x: '达标地区占比',
      marginLeft: 230,
      document,
      width: WIDTH,
      height: 18 * rows.length + 50,
    }),
  );
  return {
    id: 'indicators',
    title_zh: `${data.context.reporting_year}年度各指标达标地区占比`,
    note_zh: '红色：不足八成地区达标的指标。',
    svg,
  };
}

export function flagsChart(data: ExportData, document: Document): Chart {
  const counts = new Map<string, number>();
  for (const r of data.tables.find((t) => t.id === 'flags')!.rows)
    counts.set(String(r.rule_id), (counts.get(String(r.rule_id)) ?? 0) + 1);
  const rows = [...counts]
    .map(([rule, n]) => ({ label: label('flagRule', rule, 'zh'), count: n }))
    .sort((a, b) => b.count - a.count);
  const svg = draw(
    countBarsChart(rows, {
      x: '有效预警数',
      marginLeft: 150,
      document,
      width: WIDTH,
      height: 24 * Math.max(rows.length, 1) + 50,
    }),
  );
  return { id: 'flags', title_zh: `${data.context.reporting_year}年度有效预警（按规则）`, note_zh: '', svg };
}

export function allCharts(data: ExportData, document: Document): Chart[] {
  return [
    trendChart(data, document),
    conformanceChart(data, document),
    indicatorChart(data, document),
    flagsChart(data, document),
  ];
}
