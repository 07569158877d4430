// Completes planted.json with what was actually generated: the measured rates behind each planted problem
// (binomial noise makes them differ a little from the planted probabilities) and the file and line of every bad row.
import type { DemoContext } from './context.ts';
import { REPORT_YEAR } from './planted.ts';
import type { TallyMetric } from './tallies.ts';

export function completePlanted(ctx: DemoContext): void {
  const { plan, tallies, world } = ctx;
  const region = (id: string) => world.regions.find((r) => r.code === plan.byId(id).region_code)!;
  const rate = (num: TallyMetric, den: TallyMetric, id: string, year: number) => {
    const d = tallies.get(den, region(id), year);
    const n = tallies.get(num, region(id), year);
    return { n, d, text: d ? `${((100 * n) / d).toFixed(1)}%` : 'no data' };
  };
  const Y = REPORT_YEAR;

  const disclosure = [Y - 2, Y - 1, Y].map(
    (y) => `${y}: ${rate('disclosureOnTime', 'disclosureRequests', 'disclosure-worsening', y).text}`,
  );
  plan.byId('disclosure-worsening').detail =
    `disclosure requests answered on time (20 wd, 40 if extended): ${disclosure.join(' → ')}`;

  for (const id of ['loss-rate-high', 'loss-rate-low']) {
    const r = rate('litigationLost', 'litigationConcluded', id, Y);
    plan.byId(id).detail =
      `litigation cases concluded in ${Y}: ${r.d}, lost ${r.n} (loss rate ${r.text}; the region's other years and the country are about 14%)`;
  }

  const collapseYear = plan.byId('enforcement-publication-collapse').year;
  const published = [collapseYear - 1, collapseYear, collapseYear + 1].map(
    (y) => `${y}: ${rate('decisionsPublished', 'decisions', 'enforcement-publication-collapse', y).text}`,
  );
  plan.byId('enforcement-publication-collapse').detail =
    `share of enforcement decisions ever published: ${published.join(', ')}`;

  for (const p of plan.problems) {
    if (p.kind === 'reject' && (p.file === undefined || p.line === undefined)) {
      throw new Error(`planted bad row ${p.id} was not written (region ${p.region_code}, ${p.year})`);
    }
    if (!p.detail) throw new Error(`planted problem ${p.id} has no detail`);
  }
}
