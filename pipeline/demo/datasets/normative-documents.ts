// normative_documents — one UTF-8 CSV with a BOM and Chinese headers (Excel's "CSV UTF-8"). Documents are
// mostly legality-reviewed within 5–15 working days, open for comment, and filed (备案) within 30 days.
import { normativeDocuments as contract } from '../../contracts/normative-documents.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { workdaysOfYear } from '../days.ts';
import { typedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { stream } from '../random.ts';
import { YEARS } from '../scale.ts';
import { DOCUMENT_FORMS, DOCUMENT_SUBJECTS } from '../vocabulary.ts';

export async function generateNormativeDocuments(ctx: DemoContext): Promise<void> {
  const { world, days } = ctx;
  const table = new CsvTable(
    ctx,
    FILES.normative,
    contract,
    { header: 'zh', date: 'iso', bool: 'zh', enums: 'zh' },
    { encoding: 'utf8', bom: true, newline: '\r\n' },
  );
  for (const region of world.regions) {
    for (const year of YEARS) {
      const rng = stream(world.seed, 'normative', region.code, year);
      const workdays = workdaysOfYear(days, year);
      const n = world.volume('normative', region, year);
      const issued = Array.from({ length: n }, () => workdays[rng.int(0, workdays.length - 1)]).sort((a, b) => a - b);
      const q = region.quality;
      issued.forEach((issuedOn, i) => {
        const u = rng.next();
        let filed: number | null =
          u < 0.93 + 0.05 * q ? issuedOn + rng.int(3, 30) : u < 0.995 ? issuedOn + rng.int(31, 90) : null;
        if (filed !== null && filed > world.asOf) filed = null;
        table.row(
          typedRow(contract, {
            doc_id: `${region.docPrefix}规〔${year}〕${i + 1}号`,
            region_code: region.code,
            title: rng.pick(DOCUMENT_FORMS).replace('{}', rng.pick(DOCUMENT_SUBJECTS)),
            issued_on: issuedOn,
            legal_review: rng.chance(0.97 + 0.03 * q),
            review_workdays: rng.chance(0.92) ? rng.int(5, 15) : rng.pick([2, 3, 4, 16, 18, 22]),
            comment_days: rng.chance(0.9) ? rng.int(10, 45) : rng.int(0, 9),
            filed_on: filed,
          }),
        );
      });
    }
  }
  await table.close();
}
