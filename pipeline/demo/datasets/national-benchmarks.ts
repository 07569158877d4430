// national_benchmarks — a SYNTHETIC file of national litigation loss rates for 2019–2024, clearly labelled as
// such in its source column. The one published figure (2018: 0.147) ships separately under data/reference.
import { nationalBenchmarks as contract } from '../../contracts/national-benchmarks.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { typedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { stream } from '../random.ts';

export const SYNTHETIC_SOURCE = '合成数据，仅用于演示 (synthetic demo figure)';

export async function generateNationalBenchmarks(ctx: DemoContext): Promise<void> {
  const table = new CsvTable(
    ctx,
    FILES.benchmarks,
    contract,
    { header: 'name', date: 'iso', bool: 'word', enums: 'value' },
    { encoding: 'utf8' },
  );
  const rng = stream(ctx.world.seed, 'benchmarks');
  for (let year = 2019; year <= 2024; year++) {
    const value = Math.round((0.14 + 0.006 * rng.normal()) * 1000) / 1000;
    table.row(
      typedRow(contract, {
        year,
        metric: 'litigation_loss_rate',
        value: Math.min(0.15, Math.max(0.13, value)),
        source: SYNTHETIC_SOURCE,
      }),
    );
  }
  await table.close();
}
