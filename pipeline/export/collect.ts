// The tables of a quarterly package, read from the latest refresh (sql/export/*.sql), with their Chinese
// headers. Every output (HTML, PDF, XLSX, CSV) is written from what this returns, so they cannot disagree.
import type { Database } from '../db/index.ts';
import { type YearCounts, yearCounts } from '../indicators/index.ts';
import { CodedError, exportTable, renderFlag, renderWatchSummary, type Params } from '../vocabulary/index.ts';
import { loadSystems, metricNamer } from '../indicators/system.ts';
import { basisOf, basisText, type DataBasis, loadsAtQuarterEnd, withDataAsOf } from './as-of.ts';
import { formatQuarter, quarterLabelZh, quarterRange, reportingYear, type Quarter } from './quarter.ts';

/** `code`: a vocabulary code (its group in `term`), shown by its Chinese label; `actor`: who did it (renderActor);
 *  `basis`: a watchlist entry's basis, worded with its ground (renderWatchBasis); `dataset`: a dataset by its name. */
export type ColumnKind = 'text' | 'int' | 'rate' | 'number' | 'bool' | 'code' | 'actor' | 'basis' | 'dataset';

export interface Column {
  key: string;
  zh: string;
  kind?: ColumnKind;
  /** the vocabulary group of a `code` column (pipeline/vocabulary/terms.ts) */
  term?: string;
  /** false: left out of the printed page (PDF) for width; still in the HTML, XLSX and CSV. */
  print?: false;
}

export interface ExportTable {
  /** File-name stem and sheet name: scorecard, indicators, ... */
  id: string;
  title_zh: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
}

export interface ExportContext {
  quarter: string;
  quarter_zh: string;
  quarter_start: string;
  quarter_end: string;
  reporting_year: number;
  /** The data's as-of date of the refresh used. */
  as_of: string;
  /** What the package was built from (as-of.ts): the current data, the data as of the quarter's end, or data that
   *  arrived after the quarter (nothing had by then); data_basis_zh says it in words on the cover. */
  data_basis: DataBasis;
  data_basis_zh: string;
  refresh_run: number;
  refreshed_at: string;
  scoring_method: string;
  /** Indicator-system version the reporting year is judged by, e.g. "2023". */
  system_version: string;
  system_sha256: string | null;
  generated_at: string;
}

export interface ExportData {
  context: ExportContext;
  /** The reporting year's headline over the regions in their designation term: the same statement as the
   *  dashboard's overview and `shifan indicators --summary` (pipeline/indicators/population.ts). */
  headline: YearCounts;
  tables: ExportTable[];
  trend: Array<{
    year: number;
    regions: number;
    share_meeting_bar: number;
    mean_conformance: number;
    mean_composite: number;
    provisional: boolean;
  }>;
}

/** Flags and watchlist entries are codes and numbers in the database; the package words them in Chinese. */
function worded(
  id: string,
  rows: Array<Record<string, unknown>>,
  names: ReturnType<typeof metricNamer>,
): Array<Record<string, unknown>> {
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Params) : (v as Params | null));
  if (id === 'flags') {
    return rows.map(({ numbers, ...r }) => ({
      ...r,
      message: renderFlag(String(r.rule_id), { year: r.year, ...json(numbers) }, 'zh', names),
    }));
  }
  if (id === 'watchlist')
    return rows.map(({ params, ...r }) => ({
      ...r,
      summary: renderWatchSummary(String(r.kind), json(params), 'zh', names),
    }));
  return rows;
}

const TABLES: Array<Omit<ExportTable, 'rows'> & { sql: string; perYear: boolean }> = [
  {
    id: 'scorecard',
    title_zh: exportTable.scorecard.zh,
    sql: 'export/scorecard',
    perYear: true,
    columns: [
      { key: 'rank', zh: '排名', kind: 'int' },
      { key: 'region_code', zh: '行政区划代码' },
      { key: 'region_name', zh: '地区' },
      { key: 'designation', zh: '示范类型', kind: 'code', term: 'designation' },
      { key: 'batch', zh: '批次', kind: 'int', print: false },
      { key: 'system_version', zh: '指标体系版本', print: false },
      { key: 'metrics_met', zh: '达标指标数', kind: 'int' },
      { key: 'metrics_assessed', zh: '评估指标数', kind: 'int' },
      { key: 'metrics_no_data', zh: '无数据指标数', kind: 'int' },
      { key: 'conformance', zh: '达标率', kind: 'rate' },
      { key: 'meets_bar', zh: '达到示范标准', kind: 'bool' },
      { key: 'composite', zh: '综合得分', kind: 'number' },
      { key: 'composite_change', zh: '得分变化', kind: 'number' },
      { key: 'provisional', zh: '临时结果', kind: 'bool' },
    ],
  },
  {
    id: 'indicators',
    title_zh: exportTable.indicators.zh,
    sql: 'export/indicator_summary',
    perYear: true,
    columns: [
      { key: 'indicator_no', zh: '指标序号', kind: 'int' },
      { key: 'metric_id', zh: '指标代码', print: false },
      { key: 'name_zh', zh: '指标名称' },
      { key: 'unit', zh: '单位' },
      { key: 'direction', zh: '方向', print: false },
      { key: 'threshold', zh: '标准值', kind: 'number' },
      { key: 'regions_met', zh: '达标地区数', kind: 'int' },
      { key: 'regions_not_met', zh: '未达标地区数', kind: 'int' },
      { key: 'regions_no_data', zh: '无数据地区数', kind: 'int' },
      { key: 'met_share', zh: '达标地区占比', kind: 'rate' },
      { key: 'median_value', zh: '中位值', kind: 'number' },
      { key: 'system_version', zh: '指标体系版本', print: false },
    ],
  },
  {
    id: 'flags',
    title_zh: exportTable.flags.zh,
    sql: 'export/flags',
    perYear: true,
    columns: [
      { key: 'severity', zh: '等级', kind: 'code', term: 'severity' },
      { key: 'rule_id', zh: '规则', kind: 'code', term: 'flagRule' },
      { key: 'region_code', zh: '行政区划代码' },
      { key: 'region_name', zh: '地区' },
      { key: 'year', zh: '年度', kind: 'int' },
      { key: 'message', zh: '说明' },
      { key: 'evidence_count', zh: '证据记录数', kind: 'int' },
      { key: 'flag_id', zh: '预警编号', print: false },
    ],
  },
  {
    id: 'watchlist',
    title_zh: exportTable.watchlist.zh,
    sql: 'export/watchlist',
    perYear: false,
    columns: [
      { key: 'status', zh: '状态', kind: 'code', term: 'watchStatus' },
      { key: 'region_code', zh: '行政区划代码' },
      { key: 'region_name', zh: '地区' },
      { key: 'year', zh: '年度', kind: 'int' },
      { key: 'ground', zh: '摘牌情形', kind: 'code', term: 'watchGround', print: false },
      { key: 'kind', zh: '类别', kind: 'basis' },
      { key: 'is_ground', zh: '构成摘牌依据', kind: 'bool', print: false },
      { key: 'summary', zh: '摘要' },
      { key: 'status_at', zh: '状态日期' },
      { key: 'status_by', zh: '操作人', kind: 'actor', print: false },
    ],
  },
  {
    id: 'spotchecks',
    title_zh: exportTable.spotchecks.zh,
    sql: 'export/spotchecks',
    perYear: false,
    columns: [
      { key: 'year', zh: '抽查年度', kind: 'int' },
      { key: 'region_code', zh: '行政区划代码' },
      { key: 'region_name', zh: '地区' },
      { key: 'indicators_checked', zh: '核查指标数', kind: 'int' },
      { key: 'indicators_met', zh: '达标指标数', kind: 'int' },
      { key: 'share_met', zh: '达标率', kind: 'rate' },
      { key: 'unmet_indicator_nos', zh: '未达标指标序号' },
      { key: 'draw_id', zh: '抽取编号', kind: 'int' },
    ],
  },
  {
    id: 'loads',
    title_zh: exportTable.loads.zh,
    sql: 'export/loads',
    perYear: false,
    columns: [
      { key: 'dataset', zh: '数据集', kind: 'dataset' },
      { key: 'files_loaded', zh: '已加载文件数', kind: 'int' },
      { key: 'rows_loaded', zh: '加载行数', kind: 'int' },
      { key: 'rows_rejected', zh: '拒收行数', kind: 'int' },
      { key: 'files_refused', zh: '拒绝文件数', kind: 'int' },
      { key: 'last_loaded', zh: '最近加载' },
    ],
  },
];

export async function collectQuarter(db: Database, quarter: Quarter, now: Date = new Date()): Promise<ExportData> {
  const end = quarterRange(quarter).end;
  const loads = await loadsAtQuarterEnd(db, end);
  const basis = basisOf(loads);
  const collect = (source: Database) => collectFrom(source, quarter, now, (asOf) => basisText(basis, end, asOf, loads));
  const data = basis === 'quarter_end' ? await withDataAsOf(db, end, collect) : await collect(db);
  return { ...data, context: { ...data.context, data_basis: basis } };
}

async function collectFrom(
  db: Database,
  quarter: Quarter,
  now: Date,
  basisZh: (asOf: string) => string,
): Promise<ExportData> {
  const run = (
    await db.allFile<{ run_id: number; as_of: string; scoring_method: string; systems: string; finished_at: string }>(
      'export/context',
    )
  )[0];
  if (!run) throw new CodedError('export.no_refresh');
  const names = metricNamer(loadSystems());
  const year = reportingYear(quarter);
  const tables: ExportTable[] = [];
  for (const t of TABLES) {
    const rows = await db.allFile(t.sql, t.perYear ? { year } : undefined);
    tables.push({ id: t.id, title_zh: t.title_zh, columns: t.columns, rows: worded(t.id, rows, names) });
  }
  const versions = [...new Set(tables[0].rows.map((r) => String(r.system_version)))];
  const systems = JSON.parse(run.systems) as Array<{ version: string; sha256: string }>;
  const version = versions[0] ?? '';
  const range = quarterRange(quarter);
  return {
    context: {
      quarter: formatQuarter(quarter),
      quarter_zh: quarterLabelZh(quarter),
      quarter_start: range.start,
      quarter_end: range.end,
      reporting_year: year,
      as_of: run.as_of,
      data_basis: 'current',
      data_basis_zh: basisZh(run.as_of),
      refresh_run: run.run_id,
      refreshed_at: run.finished_at,
      scoring_method: run.scoring_method,
      system_version: versions.join('/'),
      system_sha256: systems.find((s) => s.version === version)?.sha256 ?? null,
      generated_at: now.toISOString(),
    },
    headline: await yearCounts((name, params) => db.allFile(name, params), { year }),
    tables,
    trend: await db.allFile('export/trend', { year }),
  };
}
