// enforcement_stats — one GBK CSV (Chinese headers) with a row per region, year and agency: officers, certified
// officers, legal-review staff, training hours, and the day the region published its statistics report (due by
// 31 January of the next year; most are on time).
import { enforcementStats as contract } from '../../contracts/enforcement-stats.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { dayIndex, workdaysOfYear } from '../days.ts';
import { gbkStyle, typedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { stream } from '../random.ts';
import { YEARS } from '../scale.ts';
import { clamp } from '../world.ts';

export async function generateEnforcementStats(ctx: DemoContext): Promise<void> {
  const { world, days, plan } = ctx;
  const file = FILES.enforcementStats;
  const table = new CsvTable(ctx, file, contract, gbkStyle(stream(world.seed, 'style', file)), { encoding: 'gbk' });
  for (const year of YEARS) {
    const january = Array.from(workdaysOfYear(days, year + 1).filter((d) => days.month[d] === 1));
    for (const region of world.regions) {
      const rng = stream(world.seed, 'stats', region.code, year);
      const q = region.quality;
      const day = rng.chance(0.9 + 0.08 * q) ? rng.pick(january) : dayIndex(`${year + 1}-02-03`) + rng.int(0, 50);
      const published = day > world.asOf ? null : day;
      const rejects = plan.rejectsFor('enforcement_stats', region, year);
      region.agencies.forEach((agency, i) => {
        const officers = Math.max(3, Math.round(region.size * rng.logNormal(Math.log(40), 0.5)));
        const uncertified = rng.chance(0.6 + 0.35 * q) ? 0 : rng.binomial(officers, 0.04);
        const values = {
          region_code: region.code,
          year,
          agency,
          officers,
          certified_officers: officers - uncertified,
          legal_review_staff: Math.max(
            1,
            Math.round(officers * clamp(0.035 + 0.04 * q + 0.01 * rng.normal(), 0.02, 0.12)),
          ),
          training_hours_avg: Math.round(clamp(36 + 14 * q + 6 * rng.normal(), 12, 90) * 10) / 10,
          stats_published_on: published,
        };
        if (i === 0 && rejects.length) values.certified_officers = officers + 3;
        const line = table.row(typedRow(contract, values));
        if (i === 0) for (const spec of rejects) Object.assign(plan.byId(spec.id), { file, line });
      });
    }
  }
  await table.close();
}
