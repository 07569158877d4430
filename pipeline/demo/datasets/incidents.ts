// incidents — JSON Lines with the contract's column names as keys. Awards and nationally promoted practices for
// designated regions; public-opinion events anywhere, answered within 5 hours with a press conference within
// 24 hours. The only serious violation and the only late answer are the planted ones.
import { incidents as contract } from '../../contracts/incidents.ts';
import { record, type DemoContext } from '../context.ts';
import { yearEnd, yearStart } from '../days.ts';
import { formatDateTime, namedRow } from '../format.ts';
import { FILES } from '../layout.ts';
import { stream, type Random } from '../random.ts';
import { YEARS } from '../scale.ts';
import { INCIDENT_SOURCES, OPINION_SUBJECTS } from '../vocabulary.ts';
import { isDesignated, type Region } from '../world.ts';
import { JsonlWriter } from '../write/jsonl.ts';
import { join } from 'node:path';

interface Event {
  kind: string;
  at: number;
  release?: number;
  press?: number;
  description: string;
  source: string;
}

export async function generateIncidents(ctx: DemoContext): Promise<void> {
  const { world, plan } = ctx;
  const writer = new JsonlWriter(join(ctx.outDir, FILES.incidents));
  const labels = new Map(contract.columns.find((c) => c.name === 'kind')!.values!.map((v) => [v.value, v.zh]));
  for (const region of world.regions) {
    for (const year of YEARS) {
      const rng = stream(world.seed, 'incidents', region.code, year);
      const events: Event[] = [];
      if (isDesignated(region, year) && rng.chance(0.1))
        events.push({
          kind: 'award',
          at: moment(rng, year),
          description: '获省部级以上法治建设表彰',
          source: rng.pick(INCIDENT_SOURCES),
        });
      if (isDesignated(region, year) && rng.chance(0.03))
        events.push({
          kind: 'promoted',
          at: moment(rng, year),
          description: '法治政府建设经验做法在全国推广',
          source: '中央依法治国办',
        });
      if (rng.chance(0.03)) events.push(opinion(rng, year, rng.int(30, 290), rng.int(6 * 60, 23 * 60)));
      if (plan.seriousViolation.region === region && plan.seriousViolation.year === year) {
        const serious: Event = {
          kind: 'serious_violation',
          at: moment(rng, year),
          description: '违法强制拆除民房，经督察核实，造成恶劣社会影响',
          source: '中央依法治国办督察',
        };
        events.push(serious);
        plan.byId('serious-violation').detail =
          `serious_violation incident at ${formatDateTime(ctx.days, serious.at, true)}: ${serious.description}`;
      }
      if (plan.lateOpinion.region === region && plan.lateOpinion.year === year) {
        const late = opinion(rng, year, 9 * 60 + 20, 40 * 60 + 35);
        events.push(late);
        Object.assign(plan.byId('public-opinion-late'), {
          detail: `public-opinion event at ${formatDateTime(ctx.days, late.at, true)}: first authoritative release after 9 h 20 min, press conference after 40 h 35 min`,
        });
      }
      events.sort((a, b) => a.at - b.at);
      for (const [i, e] of events.entries()) writer.row(eventObject(ctx, rng, region, year, i, e, labels));
    }
  }
  writer.close();
  record(ctx, FILES.incidents, contract, writer.rows);
}

function moment(rng: Random, year: number): number {
  return (yearStart(year) + rng.int(0, yearEnd(year) - yearStart(year))) * 1440 + rng.int(7 * 60, 22 * 60);
}

function opinion(rng: Random, year: number, releaseAfter: number, pressAfter: number): Event {
  const at = moment(rng, year);
  return {
    kind: 'public_opinion',
    at,
    release: at + releaseAfter,
    press: at + pressAfter,
    description: `网络舆情：${rng.pick(OPINION_SUBJECTS)}`,
    source: '媒体报道',
  };
}

function eventObject(
  ctx: DemoContext,
  rng: Random,
  region: Region,
  year: number,
  i: number,
  e: Event,
  labels: Map<string, string>,
) {
  const offset = rng.chance(0.5);
  const time = (m: number | undefined) => (m === undefined ? null : formatDateTime(ctx.days, m, offset));
  return namedRow(contract, {
    event_id: `${region.code}SJ${year}${String(i + 1).padStart(3, '0')}`,
    region_code: region.code,
    kind: rng.chance(0.5) ? labels.get(e.kind) : e.kind,
    occurred_at: time(e.at),
    first_release_at: time(e.release),
    press_conference_at: time(e.press),
    description: e.description,
    source: e.source,
  });
}
