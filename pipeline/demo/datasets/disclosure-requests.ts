// disclosure_requests — UTF-8 CSV per receipt year, header and spellings varying by file. Requests arrive any
// day (online); the answer is due within 20 working days, 40 when extended. Most are answered on time; a few
// late, very few never. review_result is mostly none.
import { disclosureRequests as contract } from '../../contracts/disclosure-requests.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { addWorkdays, yearEnd, yearStart } from '../days.ts';
import { randomUtf8Style, typedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { key } from '../planted.ts';
import { stream } from '../random.ts';
import { YEARS } from '../scale.ts';
import type { Region } from '../world.ts';

export async function generateDisclosureRequests(ctx: DemoContext): Promise<void> {
  for (const year of YEARS) {
    const file = FILES.disclosure(year);
    const table = new CsvTable(ctx, file, contract, randomUtf8Style(stream(ctx.world.seed, 'style', file)), {
      encoding: 'utf8',
    });
    for (const region of ctx.world.regions) writeRegionYear(ctx, table, region, year);
    await table.close();
    ctx.progress({ step: 'disclosure_requests' });
  }
}

function writeRegionYear(ctx: DemoContext, table: CsvTable, region: Region, year: number): void {
  const { days, world, plan, tallies } = ctx;
  const rng = stream(world.seed, 'disclosure', region.code, year);
  const k = key(region, year);
  const n = plan.disclosureVolume.get(k) ?? world.volume('disclosure', region, year);
  const onTimeRate = plan.disclosureOnTime.get(k) ?? Math.min(0.998, 0.94 + 0.055 * region.quality);
  const first = yearStart(year);
  const length = yearEnd(year) - first + 1;
  const received = Array.from({ length: n }, () => {
    let d = first + rng.int(0, length - 1);
    if (!days.work[d] && rng.chance(0.7)) d = addWorkdays(days, d, 1); // most arrive on a working day
    return Math.min(d, yearEnd(year));
  }).sort((a, b) => a - b);
  const agencies = [`${region.name}人民政府办公室`, ...region.agencies];
  received.forEach((receivedOn, i) => {
    const extended = rng.chance(0.08);
    const deadline = extended ? 40 : 20;
    let answered: number | null = null;
    let onTime = false;
    const u = rng.next();
    if (u < onTimeRate) {
      answered = addWorkdays(days, receivedOn, rng.int(extended ? 15 : 3, deadline));
      onTime = true;
    } else if (u < onTimeRate + (1 - onTimeRate) * 0.9) {
      answered = addWorkdays(days, receivedOn, deadline + rng.int(1, 25));
    }
    if (answered !== null && answered > world.asOf) {
      answered = null;
      onTime = false;
    }
    tallies.add('disclosureRequests', region, year);
    if (onTime) tallies.add('disclosureOnTime', region, year);
    const r = rng.next();
    const values = {
      request_id: `${region.code}YSQ${year}${String(i + 1).padStart(5, '0')}`,
      region_code: region.code,
      agency: rng.pick(agencies),
      received_on: receivedOn,
      answered_on: answered,
      extended,
      review_result: r < 0.96 ? 'none' : r < 0.99 ? 'upheld' : 'overturned',
    };
    table.row(typedRow(contract, values));
    if (values.review_result === 'upheld') tallies.add('disclosureUpheld', region, year);
    if (values.review_result === 'overturned') tallies.add('disclosureOverturned', region, year);
    if (i === n >> 1) {
      for (const spec of plan.rejectsFor('disclosure_requests', region, year)) {
        const bad = { ...values, request_id: `${values.request_id}B` };
        const line = table.row(typedRow(contract, bad), { region_code: region.code.slice(0, 5) });
        Object.assign(plan.byId(spec.id), { file: table.file, line });
      }
    }
  });
}
