// enforcement_decisions — the large one (20 million rows at national scale), streamed file by file.
// Decisions fall on working days (a few on weekends: on-the-spot penalties); publication delays are drawn in
// working days (licence/penalty: 7 wd; others: 20 wd), so a delay across Spring Festival or National Day
// stretches in calendar days. Some decisions are published late, a few never; nothing after the as-of date.
import { enforcementDecisions as contract } from '../../contracts/enforcement-decisions.ts';
import { CsvTable, type DemoContext } from '../context.ts';
import { addWorkdays, workdaysOfYear, yearEnd, yearStart } from '../days.ts';
import { columnIndex, gbkStyle, randomUtf8Style, type FileStyle, type Typed } from '../format.ts';
import { CSV_OPTIONS, enforcementFiles, type EnforcementFile } from '../layout.ts';
import { key } from '../planted.ts';
import { stream, type Random } from '../random.ts';
import type { Region } from '../world.ts';

const ACTIONS = ['license', 'penalty', 'coercion', 'inspection', 'levy', 'other'] as const;
const ACTION_WEIGHTS = [35, 65, 70, 90, 93, 100];
/** Actions 0 and 1 (license, penalty) are due within 7 wd, the rest within 20 wd. */
const DEADLINE = [7, 7, 20, 20, 20, 20];
const COLUMNS = [
  'case_id',
  'region_code',
  'agency',
  'action_type',
  'decided_on',
  'published_on',
  'is_major',
  'legal_review',
] as const;
const ix = columnIndex(contract, COLUMNS);

export async function generateEnforcementDecisions(ctx: DemoContext): Promise<void> {
  const files = enforcementFiles(ctx.world);
  const total = files.reduce(
    (s, f) =>
      s +
      f.provinces.reduce(
        (t, p) => t + regionsOf(ctx, p).reduce((u, r) => u + ctx.world.volume('enforcement', r, f.year), 0),
        0,
      ),
    0,
  );
  let done = 0;
  for (const file of files) {
    const rng = stream(ctx.world.seed, 'style', file.name);
    const table = new CsvTable(ctx, file.name, contract, styleFor(file, rng), CSV_OPTIONS[file.form]);
    for (const province of file.provinces) {
      for (const region of regionsOf(ctx, province)) {
        done += writeRegionYear(ctx, table, region, file.year);
        ctx.progress({ step: 'enforcement_decisions', done, total });
      }
    }
    await table.close();
  }
}

function regionsOf(ctx: DemoContext, province: string): Region[] {
  return ctx.world.provinces.find((p) => p.code === province)!.regions;
}

function styleFor(file: EnforcementFile, rng: Random): FileStyle {
  if (file.form === 'gbk') return gbkStyle(rng);
  if (file.form === 'tsv') return { header: 'zh', date: 'iso', bool: 'zh', enums: 'zh' };
  return randomUtf8Style(rng);
}

function writeRegionYear(ctx: DemoContext, table: CsvTable, region: Region, year: number): number {
  const { days, world, plan, tallies } = ctx;
  const rng = stream(world.seed, 'enforcement', region.code, year);
  const n = world.volume('enforcement', region, year);
  const q = region.quality;
  const publishRate = plan.enforcementPublish.get(key(region, year)) ?? Math.min(0.997, 0.955 + 0.04 * q);
  const onTimeRate = Math.min(0.995, 0.86 + 0.12 * q + 0.005 * (year - 2019));
  const workdays = workdaysOfYear(days, year);
  const first = yearStart(year);
  const length = yearEnd(year) - first + 1;
  const decided = new Int32Array(n);
  for (let i = 0; i < n; i++)
    decided[i] = rng.chance(0.97) ? workdays[rng.int(0, workdays.length - 1)] : first + rng.int(0, length - 1);
  decided.sort();

  const rejects = plan.rejectsFor('enforcement_decisions', region, year);
  const row: Typed[] = new Array(contract.columns.length).fill(null);
  const prefix = `${region.code}ZF${year}`;
  for (let i = 0; i < n; i++) {
    const a = rng.pickCumulative(ACTION_WEIGHTS);
    const deadline = DEADLINE[a];
    const day = decided[i];
    let published: number | null = null;
    let delay = 0;
    if (rng.chance(publishRate)) {
      if (rng.chance(onTimeRate)) {
        delay = rng.geometric(a < 2 ? 0.3 : 0.12);
        if (delay > deadline) delay = rng.int(0, deadline);
      } else {
        delay = deadline + 1 + rng.geometric(0.08);
      }
      const p = addWorkdays(days, day, delay);
      if (p <= world.asOf) published = p;
    }
    const major = rng.chance(0.03);
    const u = rng.next();
    row[ix.case_id] = prefix + String(i + 1).padStart(6, '0');
    row[ix.region_code] = region.code;
    row[ix.agency] = region.agencies[rng.pickCumulative(region.agencyWeights)];
    row[ix.action_type] = ACTIONS[a];
    row[ix.decided_on] = day;
    row[ix.published_on] = published;
    row[ix.is_major] = major;
    row[ix.legal_review] = major ? u < 0.93 + 0.07 * q : u < 0.25 ? true : u < 0.75 ? false : null;
    table.row(row);
    tallies.add('decisions', region, year);
    // What a disclosure report states in 二、第二十条第（五）（六）项: decisions by kind in the year.
    if (a <= 2) tallies.add(a === 0 ? 'licences' : a === 1 ? 'penalties' : 'coercions', region, year);
    if (published !== null) {
      tallies.add('decisionsPublished', region, year);
      if (delay <= deadline) tallies.add('decisionsOnTime', region, year);
    }
    if (i === n >> 1) for (const spec of rejects) writeBadRow(ctx, table, spec.id, spec.code, row);
  }
  return n;
}

/** A planted bad row, written right after `previous` (which is still in the buffer array). */
function writeBadRow(ctx: DemoContext, table: CsvTable, id: string, code: string, previous: Typed[]): void {
  const bad = previous.slice();
  if (code === 'duplicate_key') bad[ix.agency] = `${bad[ix.agency]}`.replace(/局$/, '支队');
  else if (code === 'bad_enum') {
    bad[ix.case_id] = `${bad[ix.case_id]}X`;
    bad[ix.action_type] = '行政奖励';
  }
  const line = table.row(bad);
  Object.assign(ctx.plan.byId(id), { file: table.file, line });
}
