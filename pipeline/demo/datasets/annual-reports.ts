// annual_reports and self_assessments — XLSX, one workbook per reported year, as the provincial offices forward
// them. Every designated region reports from the year before its batch (its application year) on. Reports are
// due by 31 January of the next year and published a few working days after submission. The stated case figures
// are the tallies of the case-level files (enforcement figures sometimes off by under 0.5%, as a count taken a
// few days earlier would be), except where a contradiction is planted. Reports for 2025 are due 2026-01-31, after
// the as-of date: only those already submitted appear.
import { annualReports } from '../../contracts/annual-reports.ts';
import { selfAssessments } from '../../contracts/self-assessments.ts';
import { XlsxTable, type DemoContext } from '../context.ts';
import { addWorkdays, dayIndex, workdaysOfYear } from '../days.ts';
import { typedRow, XLSX_STYLE, type FileStyle } from '../format.ts';
import { FILES } from '../layout.ts';
import { key, REPORT_YEAR } from '../planted.ts';
import { stream, type Random } from '../random.ts';
import { YEARS } from '../scale.ts';
import { SELF_ASSESSMENT_EVIDENCE } from '../vocabulary.ts';
import { isDesignated, type Region } from '../world.ts';

/** Third-level indicator numbers a self-assessment covers (the seed numbers about a hundred). */
export const INDICATOR_NUMBERS = Array.from({ length: 100 }, (_, i) => i + 1);

/** 2021's workbooks came from an older template: dates typed as text, percentages with a % sign. */
function styleFor(year: number): FileStyle {
  return year === 2021 ? { ...XLSX_STYLE, date: 'cn', percentSign: true } : XLSX_STYLE;
}

export async function generateAnnualReports(ctx: DemoContext): Promise<void> {
  for (const year of YEARS) {
    const reports = new XlsxTable(ctx, FILES.annualReports(year), annualReports, styleFor(year));
    const assessments = new XlsxTable(ctx, FILES.selfAssessments(year), selfAssessments, styleFor(year));
    for (const region of ctx.world.regions) {
      if (!isDesignated(region, year) || ctx.plan.reportMissing.has(key(region, year))) continue;
      const rng = stream(ctx.world.seed, 'report', region.code, year);
      const dates = reportDates(ctx, rng, region, year);
      if (dates.submitted > ctx.world.asOf) continue; // not in yet (2025 reports)
      reports.row(
        typedRow(annualReports, {
          region_code: region.code,
          report_year: year,
          ...dates.values,
          ...statedFigures(ctx, rng, region, year),
        }),
      );
      for (const no of INDICATOR_NUMBERS) {
        assessments.row(
          typedRow(selfAssessments, {
            region_code: region.code,
            report_year: year,
            indicator_no: no,
            met: rng.chance(0.99 - 0.04 * (1 - region.quality)),
            evidence: rng.pick(SELF_ASSESSMENT_EVIDENCE) || null,
          }),
        );
      }
    }
    await reports.close();
    await assessments.close();
    ctx.progress({ step: 'annual_reports' });
  }
}

function reportDates(ctx: DemoContext, rng: Random, region: Region, year: number) {
  const { days, plan, world } = ctx;
  const k = key(region, year);
  const january = workdaysOfYear(days, year + 1).filter(
    (d) => days.month[d] === 1 && days.iso[d] >= `${year + 1}-01-04`,
  );
  let submitted = january[Math.floor(january.length * rng.next() ** (0.5 + region.quality))];
  const late = plan.reportLate.get(k);
  if (late) submitted = dayIndex(late);
  else if (year < REPORT_YEAR && rng.chance(0.03)) submitted = dayIndex(`${year + 1}-02-05`) + rng.int(0, 40);
  let published: number | null = addWorkdays(days, submitted, rng.int(1, 6));
  if (plan.reportUnpublished.has(k) || (year < REPORT_YEAR && rng.chance(0.02)) || published > world.asOf)
    published = null;
  return {
    submitted,
    values: {
      submitted_on: submitted,
      published_on: published,
      published_url: published === null ? null : `https://fzzf.${region.code}.gov.invalid/ndbg/${year}.html`,
    },
  };
}

function statedFigures(ctx: DemoContext, rng: Random, region: Region, year: number) {
  const t = (m: Parameters<typeof ctx.tallies.get>[0]) => ctx.tallies.get(m, region, year);
  const q = region.quality;
  const pct = (base: number, spread: number) => Math.min(100, Math.round((base + spread * rng.normal()) * 10) / 10);
  const decisions = t('decisions');
  const understated = ctx.plan.understatedLost.get(key(region, year));
  const lost =
    understated === undefined ? t('litigationLost') : Math.max(1, Math.round(t('litigationLost') * understated));
  if (understated !== undefined) {
    ctx.plan.byId('self-report-contradiction').detail =
      `annual report for ${year} states litigation_lost = ${lost}; the case-level data count ${t('litigationLost')} lost of ${t('litigationConcluded')} concluded`;
  }
  const major = rng.int(3, 18);
  return {
    enforcement_decisions: rng.chance(0.15) ? Math.round(decisions * (1 + rng.uniform(-0.005, 0.005))) : decisions,
    litigation_concluded: t('litigationConcluded'),
    litigation_lost: lost,
    disclosure_requests: t('disclosureRequests'),
    disclosure_answered_on_time: t('disclosureOnTime'),
    business_setup_days: q > 0.55 ? rng.pick([0.5, 1, 1, 2, 3]) : rng.pick([2, 3, 4, 5, 6]),
    online_service_rate: pct(88 + 10 * q, 2.5),
    one_window_rate: pct(84 + 12 * q, 3),
    one_trip_items: rng.int(q > 0.5 ? 100 : 60, 600),
    proposals_reply_rate: rng.chance(0.95) ? 100 : pct(96, 1.5),
    suggestion_satisfaction: pct(95 + 4 * q, 1.5),
    judicial_suggestion_reply_rate: rng.chance(0.93) ? 100 : pct(92, 4),
    procuratorial_suggestion_reply_rate: rng.chance(0.93) ? 100 : pct(92, 4),
    major_decisions: major,
    major_decisions_legal_reviewed: rng.chance(0.95) ? major : major - 1,
    major_decisions_collective: rng.chance(0.97) ? major : major - 1,
    reconsideration_on_time_rate: rng.chance(0.9) ? 100 : pct(97, 1.5),
    leadership_study_sessions: rng.int(q > 0.5 ? 4 : 2, 8),
    leadership_court_hearings: rng.int(q > 0.4 ? 1 : 0, 3),
    rule_of_law_weight: rng.pick([8, 10, 10, 12, 15, 20]),
  };
}
