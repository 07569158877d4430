// regions — one XLSX workbook: every region of the demo world with its level, batch and designation.
// Sourced designations keep their real batch and project; synthetic ones are drawn (see world.ts).
import { regions as contract } from '../../contracts/regions.ts';
import { XlsxTable, type DemoContext } from '../context.ts';
import { typedRow, XLSX_STYLE } from '../format.ts';
import { FILES } from '../layout.ts';
import { stream } from '../random.ts';
import { designatedOn } from '../world.ts';

export async function generateRegions(ctx: DemoContext): Promise<void> {
  // Offices mix the forms: some write 市级/县级 and 综合/单项, some the English values.
  const table = new XlsxTable(ctx, FILES.regions, contract, { ...XLSX_STYLE, enums: 'mixed' });
  const rng = stream(ctx.world.seed, 'regions');
  for (const r of ctx.world.regions) {
    table.row(
      typedRow(contract, {
        region_code: r.code,
        region_name: r.name,
        province_code: rng.chance(0.8) ? r.provinceCode : null, // optional: derived from region_code when blank
        level: r.level,
        batch: r.batch,
        designation: r.designation,
        project_name: r.project || null,
        designated_on: designatedOn(r),
      }),
    );
  }
  await table.close();
}
