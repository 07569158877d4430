// disclosure_annual_reports — each region government's published 政府信息公开工作年度报告 on REPORT_YEAR, in the
// national template (2021 variant), rendered the ways governments publish them: an HTML page with blank cells
// for zeros, the same page flattened into `|` lines, a DOCX, plain text and (when Chromium is installed) a PDF.
// The figures follow the case-level data the other generators wrote (requests received, decisions by kind,
// requests upheld or overturned on review), so a report contradicts the data only where planted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicantColumns, requestRows, reviewGroups } from '../../contracts/index.ts';
import { disclosureAnnualReports as contract } from '../../contracts/disclosure-annual-reports.ts';
import { divisionByCode } from '../../reference/index.ts';
import { renderHtml, renderText, type ReportContent } from '../../disclosure-reports/render.ts';
import { record, type DemoContext } from '../context.ts';
import { REPORT_YEAR, key } from '../planted.ts';
import { stream, type Random } from '../random.ts';
import type { Region } from '../world.ts';
import { writeDeterministicDocx, ReportPdfPrinter } from '../write/report.ts';

export type Rendering = 'html' | 'flat' | 'docx' | 'text' | 'pdf';
const RENDERINGS: Rendering[] = ['html', 'flat', 'docx', 'text', 'pdf'];

/** Shares of the handled requests by template row (2021 variant), roughly as national reports show them. */
const HANDLED_SHARES: Record<string, number> = {
  disclosed: 0.5,
  partly: 0.12,
  'withheld.1': 0.005,
  'withheld.2': 0.005,
  'withheld.3': 0.005,
  'withheld.4': 0.02,
  'withheld.5': 0.01,
  'withheld.6': 0.02,
  'withheld.7': 0.01,
  'withheld.8': 0.02,
  'unable.1': 0.15,
  'unable.2': 0.02,
  'unable.3': 0.02,
  'not_processed.1': 0.03,
  'not_processed.2': 0.02,
  'not_processed.3': 0.005,
  'not_processed.4': 0.005,
  'not_processed.5': 0.005,
  'other.1': 0.01,
  'other.2': 0.005,
  'other.3': 0.01,
};
/** Shares of requests by applicant column (the last, 总计, is their sum). */
const APPLICANT_SHARES = [0.78, 0.14, 0.01, 0.01, 0.03, 0.03];

export function reportPublisher(region: Region): string {
  const d = divisionByCode(region.code);
  if (d?.level !== 'county') return `${region.name}人民政府`;
  const parent = divisionByCode(d.cityCode ?? d.provinceCode);
  return `${parent?.name ?? ''}${region.name}人民政府`;
}

function split(rng: Random, n: number, shares: number[]): number[] {
  const out = shares.map(() => 0);
  let left = n;
  let mass = 1;
  shares.forEach((s, i) => {
    if (i === shares.length - 1) out[i] = left;
    else {
      const k = rng.binomial(left, Math.min(1, s / mass));
      out[i] = k;
      left -= k;
      mass -= s;
    }
  });
  return out;
}

export function reportContent(ctx: DemoContext, region: Region, year: number): ReportContent {
  const rng = stream(ctx.world.seed, 'disclosure-report', region.code, year);
  const t = ctx.tallies;
  const rows = requestRows['2021'];
  const width = applicantColumns.length - 1;
  const received = split(rng, t.get('disclosureRequests', region, year), APPLICANT_SHARES);
  const carried = received.map((n) => rng.binomial(n, 0.03));
  const forward = received.map((n) => rng.binomial(n, 0.04));
  const handledRows = rows.filter((r) => r.code in HANDLED_SHARES);
  const shares = handledRows.map((r) => HANDLED_SHARES[r.code]);
  const sum = shares.reduce((a, b) => a + b, 0);
  const byColumn = received.map((n, c) =>
    split(
      rng,
      n + carried[c] - forward[c],
      shares.map((s) => s / sum),
    ),
  );
  const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)];
  const requests: ReportContent['requests'] = {
    new: withTotal(received),
    carried_over: withTotal(carried),
    carried_forward: withTotal(forward),
  };
  handledRows.forEach((r, i) => {
    requests[r.code] = withTotal(byColumn.map((col) => col[i]));
  });
  requests.total = withTotal(Array.from({ length: width }, (_, c) => byColumn[c].reduce((a, b) => a + b, 0)));

  const upheld = split(rng, t.get('disclosureUpheld', region, year), [0.6, 0.25, 0.15]);
  const corrected = split(rng, t.get('disclosureOverturned', region, year), [0.6, 0.25, 0.15]);
  const review: ReportContent['review'] = {};
  reviewGroups.forEach((g, i) => {
    const other = rng.chance(0.2) ? 1 : 0;
    const pending = rng.binomial(2, 0.3);
    review[g.code] = {
      upheld: upheld[i],
      corrected: corrected[i],
      other,
      pending,
      total: upheld[i] + corrected[i] + other + pending,
    };
  });
  const issued = rng.int(0, 12);
  return {
    year,
    publisher: reportPublisher(region),
    template: '2021',
    publishedOn: publishedOn(rng, year),
    active: {
      rules: { issued: 0, repealed: 0, in_force: 0 },
      normative: { issued, repealed: rng.int(0, 3), in_force: issued + rng.int(10, 60) },
      licences: { decisions: t.get('licences', region, year) },
      penalties: { decisions: t.get('penalties', region, year) },
      coercions: { decisions: t.get('coercions', region, year) },
      fees: { amount: Math.round(rng.uniform(0, 500) * 10) / 10 },
    },
    requests,
    review,
  };
}

/** Most reports appear in January of the next year; a few after the 31 January deadline. */
function publishedOn(rng: Random, year: number): string {
  if (rng.chance(0.06)) return `${year + 1}-0${rng.int(2, 3)}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return `${year + 1}-01-${String(rng.int(8, 31)).padStart(2, '0')}`;
}

export async function generateDisclosureAnnualReports(ctx: DemoContext): Promise<void> {
  const year = REPORT_YEAR;
  const { world, plan } = ctx;
  // Every region at small scale; the designated ones at national scale (the rest publish too, but 3,000 files
  // of one year add nothing to a demo).
  const regions = world.scale.allDivisions ? world.regions.filter((r) => r.designation !== 'none') : world.regions;
  const printer = new ReportPdfPrinter();
  try {
    for (const [i, region] of regions.entries()) {
      const content = reportContent(ctx, region, year);
      const planted = plan.reportPlants.get(key(region, year));
      if (planted === 'unbalanced') content.requests.total[applicantColumns.length - 1] += 5;
      if (planted === 'contradiction')
        content.active.penalties.decisions = Math.round(content.active.penalties.decisions * 1.8) + 20;
      if (planted === 'unresolved') content.publisher = `${region.name.slice(0, 2)}高新技术产业开发区管理委员会`;
      let rendering = RENDERINGS[i % RENDERINGS.length];
      if (rendering === 'pdf' && !printer.available) rendering = 'html';
      const base = `${contract.name}_${year}_${region.code}`;
      const file = await writeRendering(ctx, printer, base, rendering, content);
      record(ctx, file, contract, 1);
      for (const p of plan.problems.filter(
        (q) => q.region_code === region.code && q.year === year && q.kind.startsWith('disclosure_report'),
      )) {
        p.file = file;
        // The title is the first line of every rendering: an unresolved publisher is rejected there.
        if (planted === 'unresolved') p.line = 1;
      }
    }
  } finally {
    await printer.close();
  }
  ctx.progress({ step: contract.name });
}

async function writeRendering(
  ctx: DemoContext,
  printer: ReportPdfPrinter,
  base: string,
  rendering: Rendering,
  content: ReportContent,
): Promise<string> {
  switch (rendering) {
    case 'html':
      writeFileSync(join(ctx.outDir, `${base}.html`), renderHtml(content, { blankZeros: true }));
      return `${base}.html`;
    case 'flat':
      writeFileSync(join(ctx.outDir, `${base}.htm`), renderHtml(content, { flattened: true }));
      return `${base}.htm`;
    case 'text':
      writeFileSync(join(ctx.outDir, `${base}.txt`), renderText(content));
      return `${base}.txt`;
    case 'docx':
      await writeDeterministicDocx(join(ctx.outDir, `${base}.docx`), content);
      return `${base}.docx`;
    case 'pdf':
      await printer.print(renderHtml(content, { blankZeros: true }), join(ctx.outDir, `${base}.pdf`));
      return `${base}.pdf`;
  }
}
