// litigation_cases — one GBK CSV per filing year, Chinese headers, as a court-data export looks.
// Case numbers follow the real pattern （2023）粤0304行初123号 (basic court of a county; intermediate court 粤03 for a
// city government). Cases take months; outcome and loss probability are set by the year the case concludes, so a
// region-year loss rate (losses / concluded) is binomial around the region's own rate, about 0.13–0.15.
import { litigationCases as contract } from '../../contracts/litigation-cases.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { workdaysOfYear } from '../days.ts';
import { gbkStyle, typedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { key } from '../planted.ts';
import { stream } from '../random.ts';
import { YEARS } from '../scale.ts';
import type { Region } from '../world.ts';

/** Outcomes other than a loss, with their relative weights. */
const OTHER_OUTCOMES = ['won', 'withdrawn', 'dismissed', 'other'] as const;
const OTHER_WEIGHTS = [50, 72, 92, 100];

export async function generateLitigationCases(ctx: DemoContext): Promise<void> {
  for (const year of YEARS) {
    const file = FILES.litigation(year);
    const table = new CsvTable(ctx, file, contract, gbkStyle(stream(ctx.world.seed, 'style', file)), {
      encoding: 'gbk',
    });
    for (const region of ctx.world.regions) writeRegionYear(ctx, table, region, year);
    await table.close();
    ctx.progress({ step: 'litigation_cases' });
  }
}

function writeRegionYear(ctx: DemoContext, table: CsvTable, region: Region, year: number): void {
  const { days, world, plan, tallies } = ctx;
  const rng = stream(world.seed, 'litigation', region.code, year);
  const n = plan.litigationVolume.get(key(region, year)) ?? world.volume('litigation', region, year);
  const workdays = workdaysOfYear(days, year);
  const filed = Array.from({ length: n }, () => workdays[rng.int(0, workdays.length - 1)]).sort((a, b) => a - b);
  const court = `（${year}）${region.court}行初`;
  const q = region.quality;
  filed.forEach((filedOn, i) => {
    const duration = Math.round(rng.logNormal(Math.log(110), 0.55));
    let concluded: number | null = filedOn + Math.max(15, duration);
    while (concluded < days.size && !days.work[concluded]) concluded++;
    if (concluded > world.asOf) concluded = null;
    let outcome: string | null = null;
    if (concluded !== null) {
      const cYear = days.year[concluded];
      const lossRate = plan.lossRate.get(key(region, cYear)) ?? region.lossRate;
      outcome = rng.chance(lossRate) ? 'lost' : OTHER_OUTCOMES[rng.pickCumulative(OTHER_WEIGHTS)];
      tallies.add('litigationConcluded', region, cYear);
      if (outcome === 'lost') tallies.add('litigationLost', region, cYear);
    }
    const major = rng.chance(0.08);
    const values = {
      case_id: `${court}${i + 1}号`,
      region_code: region.code,
      defendant_agency: rng.chance(0.3) ? `${region.name}人民政府` : rng.pick(region.agencies),
      filed_on: filedOn,
      concluded_on: concluded,
      outcome,
      is_major: major,
      head_appeared: rng.chance(major ? 0.9 + 0.1 * q : 0.55),
      judgment_performed: outcome === 'lost' ? rng.chance(0.95 + 0.05 * q) : null,
    };
    table.row(typedRow(contract, values));
    if (i === n >> 1) {
      for (const spec of plan.rejectsFor('litigation_cases', region, year)) {
        const bad = {
          ...values,
          case_id: `${court}${n + 1}号`,
          concluded_on: null,
          outcome: null,
          judgment_performed: null,
        };
        const line = table.row(typedRow(contract, bad), { filed_on: `${year}年2月30日` });
        Object.assign(plan.byId(spec.id), { file: table.file, line });
      }
    }
  });
}
