// The offline dashboard: one HTML file with inline CSS, charts as inline SVG (drawn here with Plot in jsdom),
// the tables, and all the data as embedded JSON. No script, font or image is fetched: it opens from disk. The
// same file, with its print stylesheet, is what Chromium prints to PDF.
import escapeHtml from 'escape-html';
import { JSDOM } from 'jsdom';
import { allCharts, type Chart } from './charts.ts';
import type { Column, ExportData, ExportTable } from './collect.ts';
import { beijingMinute, label } from '../vocabulary/index.ts';
import { cellWords } from './cell-words.ts';

export const TITLE_ZH = '法治政府建设示范地区监测季报';

/** Rows shown in the printed tables; the XLSX and CSV files carry every row. */
const PRINT_LIMITS: Record<string, number> = { flags: 80, spotchecks: 60 };

export function formatCell(value: unknown, column: Column, row: Record<string, unknown> = {}): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.kind === 'rate') return `${(Number(value) * 100).toFixed(1)}%`;
  if (column.kind === 'number') return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return cellWords(value, column, row) ?? String(value);
}

function tableHtml(table: ExportTable): string {
  const limit = PRINT_LIMITS[table.id];
  const rows = limit ? table.rows.slice(0, limit) : table.rows;
  const numeric = (c: Column) => c.kind === 'int' || c.kind === 'rate' || c.kind === 'number';
  const cls = (c: Column) => {
    const names = [
      numeric(c) ? 'num' : '',
      c.print === false ? 'noprint' : '',
      ['message', 'summary', 'kind'].includes(c.key) ? 'wide' : '',
    ].filter(Boolean);
    return names.length ? ` class="${names.join(' ')}"` : '';
  };
  const head = table.columns.map((c) => `<th${cls(c)}>${escapeHtml(c.zh)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${table.columns.map((c) => `<td${cls(c)}>${escapeHtml(formatCell(r[c.key], c, r))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const note =
    rows.length < table.rows.length
      ? `<p class="note">共 ${table.rows.length} 条，此处列出前 ${rows.length} 条；全部记录见 ${table.id}.csv 及 XLSX 工作簿。</p>`
      : `<p class="note">共 ${table.rows.length} 条。</p>`;
  // A table that fits on a page is never split; a longer one breaks between rows, its header repeated.
  const short = rows.length <= 40 ? ' short' : '';
  return `<section class="table${short}" id="table-${table.id}">
<h2>${escapeHtml(table.title_zh)}</h2>
${note}
<table><thead><tr>${head}</tr></thead>
<tbody>
${body || `<tr><td colspan="${table.columns.length}" class="empty">无记录</td></tr>`}
</tbody></table>
</section>`;
}

function chartHtml(chart: Chart): string {
  return `<figure class="chart" id="chart-${chart.id}">
<figcaption>${escapeHtml(chart.title_zh)}</figcaption>
${chart.svg}
${chart.note_zh ? `<p class="note">${escapeHtml(chart.note_zh)}</p>` : ''}
</figure>`;
}

function kpis(data: ExportData): string {
  // the dashboard's headline figures, from the same statement over the same population (regions in their term)
  const h = data.headline;
  const share = (n: number) => (h.regions ? `${((n / h.regions) * 100).toFixed(1)}%` : '—');
  const flags = data.tables.find((t) => t.id === 'flags')!.rows;
  const items = [
    [`${data.context.reporting_year}年命名期内示范地区`, `${h.regions}`],
    ['达到示范标准', `${h.met}（${share(h.met)}）`],
    ['未达到示范标准', `${h.not_met}（${share(h.not_met)}）${h.not_judged ? `，暂不判断 ${h.not_judged}` : ''}`],
    ['有效预警（高等级）', `${flags.length}（${h.high_flags}，涉及 ${h.high_regions} 个地区）`],
    ['在摘牌观察名单的地区', `${h.watchlist_regions}`],
  ];
  return `<div class="kpis">${items.map(([k, v]) => `<div class="kpi"><div class="v">${escapeHtml(v)}</div><div class="k">${escapeHtml(k)}</div></div>`).join('')}</div>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#222;background:#f4f4f2;font-size:13px;line-height:1.5}
main{max-width:980px;margin:0 auto;padding:24px;background:#fff}
header.cover{border-bottom:3px solid #b22222;padding:24px 0 16px;margin-bottom:16px}
header.cover .org{color:#b22222;letter-spacing:.2em;font-size:14px}
header.cover h1{font-size:28px;margin:8px 0 4px}
header.cover .quarter{font-size:22px;margin:0 0 16px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{color:#666}dl.facts dd{margin:0}
dl.facts dd.basis-later_data{color:#b22222;font-weight:700}
.kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;margin:16px 0}
.kpi{border:1px solid #ddd;border-radius:4px;padding:10px}.kpi .v{font-size:18px;font-weight:700}.kpi .k{color:#666;font-size:12px}
h2{font-size:17px;border-left:4px solid #b22222;padding-left:8px;margin:24px 0 6px}
figure.chart{margin:16px 0;padding:8px 0}
figure.chart figcaption{font-weight:700;font-size:15px;margin-bottom:4px}
figure.chart svg{max-width:100%;height:auto}
.note{color:#666;font-size:11px;margin:2px 0 6px}
table{border-collapse:collapse;width:100%;font-size:11px}
th,td{border:1px solid #ddd;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#f0ebe4}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.empty{text-align:center;color:#888}
footer{color:#888;font-size:11px;margin-top:24px;border-top:1px solid #ddd;padding-top:8px}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
  body{background:#fff;font-size:10.5px}
  main{max-width:none;padding:0}
  header.cover{min-height:250mm;display:flex;flex-direction:column;justify-content:center;border-bottom:none;break-after:page}
  header.cover h1{font-size:32px}
  header.cover .quarter{font-size:24px}
  .kpis{break-inside:avoid}
  figure.chart,section.table.short,.kpis{break-inside:avoid;page-break-inside:avoid}
  h2,figcaption{break-after:avoid;page-break-after:avoid}
  thead{display:table-header-group}
  tr{break-inside:avoid;page-break-inside:avoid}
  section.table{break-before:auto}
  table{font-size:9px}
  .noprint{display:none}
  td:not(.wide){white-space:nowrap}
  th,td{padding:2px 4px}
}
`;

/** The whole page. `generatedAt` and every figure come from `data`, so the same data gives the same file. */
export function renderHtml(data: ExportData): string {
  const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
  const charts = allCharts(data, window.document);
  window.close();
  const c = data.context;
  const json = JSON.stringify({ context: data.context, trend: data.trend, tables: data.tables }).replace(
    /</g,
    '\\u003c',
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${TITLE_ZH} ${escapeHtml(c.quarter_zh)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="cover">
<div class="org">中央全面依法治国委员会办公室</div>
<h1>${TITLE_ZH}</h1>
<p class="quarter">${escapeHtml(c.quarter_zh)}</p>
<dl class="facts">
<dt>报告期</dt><dd>${c.quarter_start} 至 ${c.quarter_end}</dd>
<dt>评价年度</dt><dd>${c.reporting_year}年度</dd>
<dt>数据截至</dt><dd>${c.as_of}</dd>
<dt>数据依据</dt><dd class="basis basis-${c.data_basis}">${escapeHtml(c.data_basis_zh)}</dd>
<dt>指标体系版本</dt><dd>${escapeHtml(c.system_version)}版</dd>
<dt>评分方法</dt><dd>${escapeHtml(label('scoringMethod', c.scoring_method, 'zh'))}（刷新批次 ${c.refresh_run}，${escapeHtml(c.refreshed_at)}）</dd>
<dt>生成时间</dt><dd>${beijingMinute(c.generated_at)}（北京时间）</dd>
</dl>
</header>
${kpis(data)}
${charts.map(chartHtml).join('\n')}
${data.tables.map(tableHtml).join('\n')}
<footer>shifan 季度导出 ${escapeHtml(c.quarter)}；数据截至 ${c.as_of}；指标体系 ${escapeHtml(c.system_version)}版。本文件离线可用，全部数据见同目录 XLSX/CSV 及下方嵌入的 JSON。</footer>
</main>
<script type="application/json" id="shifan-data">${json}</script>
</body>
</html>
`;
}
