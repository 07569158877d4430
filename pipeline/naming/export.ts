// The round's exports, sealed as the quarterly package is (pipeline/export): the recommendation list (三(二)), the
// combined ranking with its intervals and the candidate list with notice and decisions, each as an XLSX workbook
// with a 说明 sheet and as a PDF printed by headless Chromium from the same HTML, and manifest.json with every file's
// size and SHA-256. Writing a package is audit-logged with the manifest's own hash.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import escapeHtml from 'escape-html';
import ExcelJS from 'exceljs';
import { label } from '../vocabulary/index.ts';
import { appendAudit } from '../audit/index.ts';
import { NAMING_FIELDS } from '../contracts/index.ts';
import type { Database } from '../db/index.ts';
import { chromiumPath, printPdf } from '../export/pdf.ts';
import { namingExportDir } from './export-dir.ts';
import { DECISION_ZH, KIND_ZH, UNRANKED_ZH } from './labels.ts';
import { describeFieldCheckRule } from './method.ts';
import { rankRound } from './rank-round.ts';
import { getRound, queryOf, type Round } from './rounds.ts';

export const EXPORT_LISTS = ['recommendation', 'ranking', 'candidates'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

interface Sheet {
  list: ExportList;
  title: string;
  columns: Array<{ key: string; zh: string; rate?: boolean }>;
  rows: Array<Record<string, unknown>>;
  notes: string[];
}

const fieldZh = (f: unknown) => NAMING_FIELDS.find((x) => x.value === f)?.zh ?? '';

export { namingExportDir };

async function collect(db: Database, round: Round): Promise<Sheet[]> {
  const q = queryOf(db);
  const rec = await q('naming/recommendation_list', { round: round.round_id });
  const ranking = await rankRound(q, round);
  const candidates = await q('naming/candidates', { round: round.round_id, province: null });
  const [notice] = await q('naming/notice', { round: round.round_id });
  const w = round.method.weights;
  return [
    {
      list: 'recommendation',
      title: '推荐名单',
      notes: ['各省（区、市）依法治省办初审推荐（三(二)）：推荐与否、省内排序、推荐意见'],
      columns: [
        { key: 'province_code', zh: '省级代码' },
        { key: 'province_rank', zh: '省内排序' },
        { key: 'region_code', zh: '行政区划代码' },
        { key: 'region_name', zh: '地区名称' },
        { key: 'kind', zh: '申报类型' },
        { key: 'field', zh: '单项示范领域' },
        { key: 'applied_on', zh: '申报日期' },
        { key: 'recommended', zh: '是否推荐' },
        { key: 'opinion', zh: '推荐意见' },
      ],
      rows: rec.map((r) => ({
        ...r,
        kind: KIND_ZH[String(r.kind)],
        field: fieldZh(r.field),
        recommended: r.recommended === null ? '未初审' : r.recommended ? '推荐' : '不推荐',
      })),
    },
    {
      list: 'ranking',
      title: '综合排名',
      notes: [
        `得分 = 第三方评估得分 ×${w.third_party}、满意度 ×${w.satisfaction}、数据达标率 ×${w.conformance} 的加权平均（0–100），并列者名次相同`,
        `排名区间：权重随机扰动并按样本重抽满意度 ${round.method.draws} 次的 ${Math.round(100 * round.method.coverage)}% 区间（种子 ${round.method.seed}）`,
        `实地核查名单规则：${describeFieldCheckRule(round.field_check_rule)}`,
      ],
      columns: [
        { key: 'rank', zh: '排名' },
        { key: 'region_code', zh: '行政区划代码' },
        { key: 'region_name', zh: '地区名称' },
        { key: 'kind', zh: '申报类型' },
        { key: 'score', zh: '得分' },
        { key: 'rank_interval', zh: '排名区间(90%)' },
        { key: 'third_party', zh: '第三方评估' },
        { key: 'satisfaction', zh: '满意度', rate: true },
        { key: 'satisfaction_ci', zh: '满意度95%区间' },
        { key: 'conformance', zh: '数据达标率', rate: true },
        { key: 'contradictions', zh: '自评矛盾' },
        { key: 'field_check', zh: '列入实地核查' },
      ],
      rows: ranking.map((r) => ({
        ...r,
        rank: r.rank ?? (r.unranked_reason ? UNRANKED_ZH[r.unranked_reason] : ''),
        kind: KIND_ZH[r.kind],
        rank_interval: r.rank_interval ? `${r.rank_interval[0]}–${r.rank_interval[1]}` : '',
        satisfaction_ci: r.satisfaction_ci
          ? `${(100 * r.satisfaction_ci[0]).toFixed(1)}%–${(100 * r.satisfaction_ci[1]).toFixed(1)}%`
          : '',
        field_check: r.field_check ? label('yesNo', true, 'zh') : '',
      })),
    },
    {
      list: 'candidates',
      title: '候选名单',
      notes: [
        notice
          ? `媒体公示 ${notice.starts_on} 至 ${notice.ends_on}（${notice.workdays} 个工作日${notice.provisional ? '，暂定' : ''}）${notice.medium ?? ''}`
          : '尚未公示',
      ],
      columns: [
        { key: 'region_code', zh: '行政区划代码' },
        { key: 'region_name', zh: '地区名称' },
        { key: 'kind', zh: '申报类型' },
        { key: 'project_name', zh: '单项示范项目' },
        { key: 'basis', zh: '列入依据' },
        { key: 'objections', zh: '异议' },
        { key: 'decision', zh: '决定' },
        { key: 'decided_on', zh: '决定日期' },
        { key: 'decision_reason', zh: '理由' },
      ],
      rows: candidates.map((r) => ({
        ...r,
        kind: KIND_ZH[String(r.kind)],
        decision: r.decision ? DECISION_ZH[String(r.decision)] : '',
      })),
    },
  ];
}

async function writeSheet(s: Sheet, round: Round, generatedAt: string, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shifan';
  wb.created = new Date(generatedAt);
  wb.modified = wb.created;
  const about = wb.addWorksheet('说明');
  about.columns = [{ width: 18 }, { width: 90 }];
  about.addRows([[round.title, s.title], ['生成时间', generatedAt], ...s.notes.map((n) => ['说明', n])]);
  about.getRow(1).font = { bold: true, size: 14 };
  const ws = wb.addWorksheet(s.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({
    header: c.zh,
    key: c.key,
    width: Math.max(10, c.zh.length * 2 + 2),
    style: c.rate ? { numFmt: '0.0%' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(s.rows.map((r) => Object.fromEntries(s.columns.map((c) => [c.key, r[c.key] ?? null]))));
  await wb.xlsx.writeFile(path);
}

function html(s: Sheet, round: Round, generatedAt: string): string {
  const cell = (v: unknown, rate?: boolean) =>
    v === null || v === undefined ? '' : rate && typeof v === 'number' ? `${(100 * v).toFixed(1)}%` : String(v);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${round.title} ${s.title}`)}</title>
<style>@page{size:A4 landscape;margin:14mm}body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:10pt}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:2px 4px;text-align:left}thead{display:table-header-group}
tr{break-inside:avoid}h1{font-size:15pt}</style></head><body>
<h1>${escapeHtml(round.title)}：${escapeHtml(s.title)}</h1>
${s.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('\n')}<p>生成时间 ${escapeHtml(generatedAt)}</p>
<table><thead><tr>${s.columns.map((c) => `<th>${escapeHtml(c.zh)}</th>`).join('')}</tr></thead><tbody>
${s.rows.map((r) => `<tr>${s.columns.map((c) => `<td>${escapeHtml(cell(r[c.key], c.rate))}</td>`).join('')}</tr>`).join('\n')}
</tbody></table></body></html>`;
}

export interface NamingExportResult {
  dir: string;
  pdf: 'ok' | 'skipped';
  files: Array<{ name: string; bytes: number; sha256: string }>;
  manifest_sha256: string;
}

export async function exportRound(
  db: Database,
  roundId: string,
  actor: string,
  options: { root?: string; now?: Date } = {},
): Promise<NamingExportResult> {
  const round = await getRound(db, roundId);
  const generatedAt = (options.now ?? new Date()).toISOString();
  const dir = namingExportDir(roundId, options.root);
  mkdirSync(dir, { recursive: true });
  const sheets = await collect(db, round);
  const chromium = chromiumPath();
  const names: string[] = [];
  let pdf: 'ok' | 'skipped' = chromium ? 'ok' : 'skipped';
  for (const s of sheets) {
    await writeSheet(s, round, generatedAt, join(dir, `${s.list}.xlsx`));
    writeFileSync(join(dir, `${s.list}.html`), html(s, round, generatedAt));
    names.push(`${s.list}.xlsx`, `${s.list}.html`);
    if (chromium) {
      try {
        await printPdf(join(dir, `${s.list}.html`), join(dir, `${s.list}.pdf`), chromium);
        names.push(`${s.list}.pdf`);
      } catch {
        pdf = 'skipped';
      }
    }
  }
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  const files = names.map((name) => ({ name, bytes: statSync(join(dir, name)).size, sha256: sha(join(dir, name)) }));
  const manifest = {
    title_zh: round.title,
    round_id: round.round_id,
    generated_at: generatedAt,
    pdf,
    row_counts: Object.fromEntries(sheets.map((s) => [s.list, s.rows.length])),
    files,
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(join(dir, 'manifest.json'), text);
  const manifestSha = createHash('sha256').update(text).digest('hex');
  await db.transaction(() =>
    appendAudit(db, {
      action: 'naming.export',
      actor,
      subject: `round:${roundId}`,
      details: { dir, pdf, manifest_sha256: manifestSha, files: files.map((f) => `${f.name} ${f.sha256}`) },
    }),
  );
  return { dir, pdf, files, manifest_sha256: manifestSha };
}
