// spotcheck_findings — one UTF-8 CSV: the findings of past years' spot checks (2021–2024). Each year a few
// designated regions were checked on about fifteen indicators; most were confirmed, a few found not met.
import { spotcheckFindings as contract } from '../../contracts/spotcheck-findings.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { randomUtf8Style, typedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { stream } from '../random.ts';
import { SPOTCHECK_MET_NOTES, SPOTCHECK_UNMET_NOTES } from '../vocabulary.ts';
import { isDesignated } from '../world.ts';
import { INDICATOR_NUMBERS } from './annual-reports.ts';

export const SPOTCHECK_YEARS = [2021, 2022, 2023, 2024];

export async function generateSpotcheckFindings(ctx: DemoContext): Promise<void> {
  const { world } = ctx;
  const file = FILES.spotchecks;
  const table = new CsvTable(
    ctx,
    file,
    contract,
    { ...randomUtf8Style(stream(world.seed, 'style', file)), shuffle: false },
    { encoding: 'utf8' },
  );
  for (const year of SPOTCHECK_YEARS) {
    const rng = stream(world.seed, 'spotcheck', year);
    const eligible = world.regions.filter((r) => isDesignated(r) && r.batch! <= year);
    const drawn = rng.shuffled(eligible).slice(0, Math.max(3, Math.round(eligible.length * 0.08)));
    drawn.sort((a, b) => a.code.localeCompare(b.code));
    for (const region of drawn) {
      const indicators = rng
        .shuffled(INDICATOR_NUMBERS)
        .slice(0, 15)
        .sort((a, b) => a - b);
      for (const no of indicators) {
        const met = rng.chance(0.93 + 0.06 * region.quality);
        table.row(
          typedRow(contract, {
            region_code: region.code,
            year,
            indicator_no: no,
            met,
            note: rng.pick(met ? SPOTCHECK_MET_NOTES : SPOTCHECK_UNMET_NOTES) || null,
          }),
        );
      }
    }
  }
  await table.close();
}
