// `shifan spotcheck …`: freeze the pool, draw, commit, redraw, risk-targeted checks, inspectors, findings.
// The public commands (sample, verify, certificate) are in spotcheck-public.ts. Work lives in pipeline/spotcheck.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import {
  addRiskTargeted,
  commitDraw,
  describeSize,
  drawSpotcheck,
  findingsBelowBar,
  findingsByDraw,
  freezePool,
  importInspectors,
  listDraws,
  parseExclusions,
  parseStrata,
  readDraw,
  redraw,
  shortTicket,
  type DrawRecord,
  type SampleSize,
} from '../../spotcheck/index.ts';
import { designationBars, loadSystems } from '../../indicators/system.ts';
import { optionsOf, printJson, UsageError, withDatabase, cliOut, cliPath } from '../context.ts';
import { formatTable } from '../table.ts';
import { addPublicCommands, intArg } from './spotcheck-public.ts';

export function registerSpotcheck(program: Command): void {
  const group = program
    .command('spotcheck')
    .description('the yearly random spot check (回访抽查): freeze, draw, verify, certificate');

  group
    .command('freeze')
    .description('fix the pool of a year (and its SHA-256) before any seed exists')
    .requiredOption('--year <year>', 'the spot-check year')
    .option('--strata <by>', 'none | province | batch | designation', 'none')
    .option('--exclude <names>', 'comma list of exclusions, or none (default: revoked,named_this_year)')
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ year: string; strata: string; exclude?: string }>(cmd);
      const input = {
        year: intArg('--year', o.year),
        strata: usage(() => parseStrata(o.strata)),
        exclusions: usage(() => parseExclusions(o.exclude)),
        actor: cliActor(),
      };
      const frozen = await withDatabase(cmd, (db) => freezePool(db, input));
      if (o.json) return printJson(frozen);
      out(
        `draw #${frozen.draw_id}: ${frozen.year} pool version ${frozen.pool_version} frozen, ${frozen.pool_size} regions`,
      );
      out(
        `pool_sha256 ${frozen.pool_sha256}${frozen.strata_sha256 ? `\nstrata_sha256 ${frozen.strata_sha256} (strata by ${frozen.strata})` : ''}`,
      );
      if (frozen.strata !== 'none') out(formatTable(['stratum', 'regions'], Object.entries(frozen.strata_sizes)));
      if (frozen.superseded_frozen.length)
        out(`supersedes the earlier frozen pool(s) #${frozen.superseded_frozen.join(', #')}`);
      out(`publish it before the seed is rolled: shifan spotcheck certificate ${frozen.draw_id} --out DIR`);
    });

  group
    .command('draw')
    .description('enter the seed: compute the selection and inspector teams, and commit them')
    .option('--year <year>', "use the year's current frozen pool")
    .option('--draw <id>', 'use this frozen draw')
    .requiredOption('--seed <digits>', 'at least 20 decimal digits, e.g. from ten-sided dice in a public meeting')
    .option(
      '--proportion <p>',
      'share of the pool, k = ceil(p·N) in total, shared over strata by largest remainder: 0.1 or 10%',
    )
    .option('--count <n>', 'total regions, shared out over strata by largest remainder')
    .option(
      '--per-stratum-minimum <m>',
      'every stratum takes at least m regions (or all it has); the total may then exceed k',
    )
    .option('--team-size <m>', 'inspectors per region', '2')
    .option('--no-commit', 'leave the draw uncommitted (state drawn) for review; `spotcheck commit` finalises it')
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{
        year?: string;
        draw?: string;
        seed: string;
        proportion?: string;
        count?: string;
        perStratumMinimum?: string;
        teamSize: string;
        commit: boolean;
      }>(cmd);
      const size = sizeOption(o, true)!;
      const record = await withDatabase(cmd, (db) =>
        drawSpotcheck(db, {
          year: o.year === undefined ? undefined : intArg('--year', o.year),
          drawId: o.draw === undefined ? undefined : intArg('--draw', o.draw),
          seed: o.seed,
          size,
          teamSize: intArg('--team-size', o.teamSize),
          commit: o.commit,
          actor: cliActor(),
        }),
      );
      showDraw(record, o.json);
    });

  group
    .command('commit')
    .description('finalise a drawn draw; a committed draw never changes')
    .argument('<draw_id>')
    .action(async (id: string, _o, cmd: Command) => {
      const record = await withDatabase(cmd, (db) => commitDraw(db, intArg('draw_id', id), cliActor()));
      showDraw(record, optionsOf(cmd).json);
    });

  group
    .command('redraw')
    .description('replace a draw with a new one, for a stated reason (logged; the old draw is kept, superseded)')
    .argument('<draw_id>')
    .requiredOption('--reason <text>', 'why the draw is replaced')
    .option('--seed <digits>', 'draw the new pool at once with this new seed; without it the new pool waits, frozen')
    .option('--proportion <p>', 'default: as the old draw')
    .option('--count <n>', 'default: as the old draw')
    .option('--per-stratum-minimum <m>', 'every stratum takes at least m regions (default: as the old draw)')
    .option('--team-size <m>', 'default: as the old draw')
    .option('--no-commit', 'leave the new draw uncommitted')
    .action(async (id: string, _o, cmd: Command) => {
      const o = optionsOf<{
        reason: string;
        seed?: string;
        proportion?: string;
        count?: string;
        perStratumMinimum?: string;
        teamSize?: string;
        commit: boolean;
      }>(cmd);
      const record = await withDatabase(cmd, (db) =>
        redraw(db, intArg('draw_id', id), {
          reason: o.reason,
          seed: o.seed,
          size: sizeOption(o, false),
          teamSize: o.teamSize === undefined ? undefined : intArg('--team-size', o.teamSize),
          commit: o.commit,
          actor: cliActor(),
        }),
      );
      showDraw(record, o.json);
    });

  group
    .command('target')
    .description('add a risk-targeted check beside a draw, with its criterion (never part of the random sample)')
    .argument('<draw_id>')
    .requiredOption('--region <code>', 'region_code')
    .requiredOption('--criterion <text>', 'the stated risk criterion')
    .action(async (id: string, _o, cmd: Command) => {
      const o = optionsOf<{ region: string; criterion: string }>(cmd);
      const record = await withDatabase(cmd, async (db) => {
        await addRiskTargeted(db, intArg('draw_id', id), o.region, o.criterion, cliActor());
        return readDraw(db, intArg('draw_id', id));
      });
      showDraw(record, o.json);
    });

  group
    .command('list')
    .description('the draws, newest last')
    .option('--year <year>')
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ year?: string }>(cmd);
      const rows = await withDatabase(
        cmd,
        (db) => listDraws(db, o.year === undefined ? undefined : intArg('--year', o.year)),
        { readOnly: true },
      );
      if (o.json) return printJson(rows);
      out(
        formatTable(
          ['draw', 'year', 'version', 'state', 'strata', 'pool', 'pool_sha256', 'size', 'superseded_by', 'supersedes'],
          rows.map((r) => [
            r.draw_id,
            r.year,
            r.pool_version,
            r.state,
            r.strata,
            r.pool_size,
            r.pool_sha256.slice(0, 16),
            r.proportion ?? r.sample_count,
            r.superseded_by,
            r.supersedes,
          ]),
        ),
      );
    });

  group
    .command('show')
    .description('one draw: parameters, selection, teams, risk-targeted checks')
    .argument('<draw_id>')
    .action(async (id: string, _o, cmd: Command) => {
      const record = await withDatabase(cmd, (db) => readDraw(db, intArg('draw_id', id)), { readOnly: true });
      showDraw(record, optionsOf(cmd).json);
    });

  group
    .command('inspectors')
    .description('the inspector register')
    .command('import')
    .description('load inspectors from CSV: inspector_id,name,home_province_code,load_cap,active')
    .argument('<file>')
    .action(async (file: string, _o, cmd: Command) => {
      const result = await withDatabase(cmd, (db) => importInspectors(db, cliPath(file), cliActor()));
      if (optionsOf(cmd).json) return printJson(result);
      out(`${result.file}: ${result.imported} inspectors imported; ${result.total_active} active in the register`);
    });

  group
    .command('findings')
    .description('spot-check findings linked to their draw; --below-bar lists watchlist candidates (ground 3)')
    .option('--year <year>')
    .option(
      '--below-bar [share]',
      "regions whose share of met findings is below this (default: the designation criterion, the indicator system's comprehensive_bar, 0.9)",
    )
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ year?: string; belowBar?: string | boolean }>(cmd);
      const year = o.year === undefined ? undefined : intArg('--year', o.year);
      if (o.belowBar !== undefined) {
        const minShareMet = o.belowBar === true ? undefined : Number(o.belowBar);
        const rows = await withDatabase(cmd, (db) =>
          findingsBelowBar(db, { year, minShareMet, bars: designationBars(loadSystems()) }),
        );
        if (o.json) return printJson(rows);
        return out(
          formatTable(
            ['region', 'year', 'draw', 'link', 'findings', 'met', 'share', 'bar', 'unmet indicators'],
            rows.map((r) => [
              r.region_code,
              r.year,
              r.draw_id,
              r.link,
              r.findings,
              r.met,
              r.share_met,
              r.bar,
              r.unmet_indicators.join(' '),
            ]),
          ),
        );
      }
      const rows = await withDatabase(cmd, (db) => findingsByDraw(db, year));
      if (o.json) return printJson(rows);
      out(
        formatTable(
          ['region', 'year', 'indicator', 'met', 'draw', 'link', 'note'],
          rows.map((r) => [r.region_code, r.year, r.indicator_no, r.met ? 'yes' : 'no', r.draw_id, r.link, r.note]),
        ),
      );
    });

  addPublicCommands(group);
}

function sizeOption(
  o: { proportion?: string; count?: string; perStratumMinimum?: string },
  required: boolean,
): SampleSize | undefined {
  if (o.proportion !== undefined && o.count !== undefined)
    throw new UsageError('give either --proportion or --count, not both');
  const minimum =
    o.perStratumMinimum === undefined
      ? {}
      : { perStratumMinimum: intArg('--per-stratum-minimum', o.perStratumMinimum) };
  if (o.proportion !== undefined) return { proportion: o.proportion, ...minimum };
  if (o.count !== undefined) return { count: intArg('--count', o.count), ...minimum };
  if (required || o.perStratumMinimum !== undefined)
    throw new UsageError('give the sample size: --proportion P (e.g. 0.1) or --count N');
  return undefined;
}

function showDraw(d: DrawRecord, json: boolean | undefined): void {
  if (json) {
    printJson({
      draw_id: d.draw_id,
      year: d.year,
      state: d.state,
      superseded_by: d.superseded_by,
      supersedes: d.supersedes,
      pool_sha256: d.pool_sha256,
      pool_size: d.pool_size,
      strata: d.strata,
      seed: d.seed,
      seed_hash: d.seed_hash,
      size: d.size,
      team_size: d.team_size,
      selected: d.selected.map(({ region_code, ticket, stratum, inclusion_probability, inspectors }) => ({
        region_code,
        ticket,
        stratum,
        inclusion_probability,
        inspectors,
      })),
      risk_targeted: d.risk_targeted.map(({ region_code, criterion }) => ({ region_code, criterion })),
    });
    return;
  }
  const size = d.size ? describeSize(d.size) : 'not drawn yet';
  out(
    `draw #${d.draw_id} ${d.year} — ${d.state}${d.superseded_by ? `, superseded by #${d.superseded_by}` : ''}${d.supersedes ? `, redraw of #${d.supersedes} (${d.redraw_reason})` : ''}`,
  );
  out(
    `pool ${d.pool_size} regions, sha256 ${d.pool_sha256}; strata ${d.strata}; ${size}${d.team_size ? `, teams of ${d.team_size}` : ''}`,
  );
  if (d.seed) out(`seed ${d.seed} (sha256 ${d.seed_hash})`);
  if (d.selected.length) {
    out(
      formatTable(
        ['#', 'region', 'name', 'stratum', 'ticket', 'π', 'inspectors'],
        d.selected.map((s) => [
          s.draw_order,
          s.region_code,
          s.region_name,
          s.stratum,
          shortTicket(s.ticket),
          s.inclusion_probability === null ? '' : s.inclusion_probability.toFixed(4),
          s.inspectors.join(' '),
        ]),
      ),
    );
  }
  if (d.risk_targeted.length) {
    out('risk-targeted checks (not part of the random sample):');
    out(
      formatTable(
        ['region', 'name', 'criterion'],
        d.risk_targeted.map((t) => [t.region_code, t.region_name, t.criterion]),
      ),
    );
  }
}

function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function out(text: string): void {
  cliOut.write(`${text}\n`);
}
