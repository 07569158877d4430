// satisfaction_surveys — one Parquet file (typed columns as the contract gives them): the yearly public
// satisfaction survey of each region, a few hundred to two thousand respondents, 85–95% satisfied.
import { satisfactionSurveys as contract } from '../../contracts/satisfaction-surveys.ts';
import { record, type DemoContext } from '../context.ts';
import { FILES } from '../layout.ts';
import { stream } from '../random.ts';
import { YEARS } from '../scale.ts';
import { clamp } from '../world.ts';
import { writeParquet } from '../write/parquet.ts';
import { join } from 'node:path';
import type { Cell } from '../format.ts';

export async function generateSatisfactionSurveys(ctx: DemoContext): Promise<void> {
  const { world } = ctx;
  function* rows(): Generator<Cell[]> {
    for (const region of world.regions) {
      for (const year of YEARS) {
        const rng = stream(world.seed, 'satisfaction', region.code, year);
        const respondents = rng.int(3, 20) * 100;
        const rate = clamp(0.85 + 0.08 * region.quality + 0.02 * rng.normal(), 0.7, 0.99);
        const values: Record<string, Cell> = {
          region_code: region.code,
          year,
          respondents,
          satisfied: rng.binomial(respondents, rate),
        };
        yield contract.columns.map((c) => values[c.name] ?? null);
      }
    }
  }
  const n = await writeParquet(join(ctx.outDir, FILES.satisfaction), contract, rows());
  record(ctx, FILES.satisfaction, contract, n);
}
