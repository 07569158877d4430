// The public certificate of a draw: everything a member of the public needs to redo it without our database —
// the protocol, the pool file(s) exactly as hashed, the seed, the parameters, the result, and the commands.
// A frozen draw gets the same certificate without seed and result: that is the pool announcement published
// before the seed is rolled.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { readAuditLog } from '../audit/index.ts';
import {
  allocate,
  allocationBeforeSeed,
  ALLOCATION_RULE_TEXT,
  inclusionProbabilities,
  totalFor,
} from './allocation.ts';
import type { SampleSize } from './allocation.ts';
import type { PoolInspector } from './inspectors.ts';
import { countBy, EXCLUSIONS, poolFileText, readPool, strataFileText, type Exclusion } from './pool.ts';
import { readDraw } from './read.ts';
import { PROTOCOL_TEXT, PROTOCOL_VERSION, sha256Hex, ticketOf } from './sampler.ts';

export interface CertificateBundle {
  certificate: Record<string, unknown>;
  /** file name -> exact content, certificate.json included */
  files: Record<string, string>;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

export async function buildCertificate(db: Database, drawId: number): Promise<CertificateBundle> {
  const draw = await readDraw(db, drawId);
  const pool = await readPool(db, drawId);
  const codes = pool.map((m) => m.region_code);
  // No prototype: file names come from requests (GET /api/spotchecks/:id/files/:name).
  const files: Record<string, string> = Object.create(null);
  const poolFile = `pool-${draw.year}.txt`;
  files[poolFile] = poolFileText(codes);
  const seedArg = draw.seed === null ? "'<seed>'" : quote(draw.seed);
  const sizes = countBy(pool);
  // the seed settles a tie at the last regions (hamilton_seed_ties): a drawn draw's allocation needs its hash
  const seedHash = draw.seed_hash ?? undefined;
  const allocation = draw.size && draw.seed !== null ? allocate(sizes, draw.size, seedHash) : null;
  const probabilities = allocation && draw.size ? inclusionProbabilities(sizes, draw.size, seedHash) : null;
  const commands: string[] = [`sha256sum ${poolFile}    # must print ${draw.pool_sha256}`];

  let strata: Record<string, unknown> | null = null;
  if (draw.strata === 'none') {
    commands.push(
      `shifan spotcheck sample --seed ${seedArg} --pool ${poolFile}${allocation ? ` --take ${allocation.all}` : ''}`,
    );
  } else {
    const strataFile = `strata-${draw.year}.tsv`;
    files[strataFile] = strataFileText(pool);
    commands.push(`sha256sum ${strataFile}    # must print ${draw.strata_sha256}`);
    const perStratum = Object.keys(sizes)
      .sort()
      .map((stratum) => {
        const file = `pool-${draw.year}-${safe(stratum)}.txt`;
        files[file] = poolFileText(pool.filter((m) => m.stratum === stratum).map((m) => m.region_code));
        const take = allocation?.[stratum];
        const command = `shifan spotcheck sample --seed ${seedArg} --pool ${file}${take !== undefined ? ` --take ${take}` : ''}`;
        commands.push(command);
        const probability = probabilities?.[stratum] ?? null;
        return {
          stratum,
          size: sizes[stratum],
          take: take ?? null,
          inclusion_probability: probability?.value ?? null,
          inclusion_probability_exact: probability?.exact ?? null,
          file,
          sha256: sha256Hex(files[file]),
          command,
        };
      });
    strata = { by: draw.strata, file: strataFile, sha256: draw.strata_sha256, per_stratum: perStratum };
    // a tie at the last regions, settled by the seed: the tied strata as ids, sampled like a pool
    const tie =
      draw.size && (draw.size.rule ?? 'hamilton_seed_ties') === 'hamilton_seed_ties'
        ? allocationBeforeSeed(sizes, draw.size).tie
        : null;
    if (tie) {
      const file = `ties-${draw.year}.txt`;
      files[file] = poolFileText(tie.strata.map((k) => `stratum|${k}`));
      commands.push(
        `shifan spotcheck sample --seed ${seedArg} --pool ${file} --take ${tie.seats}    # the tied strata that get one more region`,
      );
    }
  }

  const snapshot = await db.all<PoolInspector>(
    'SELECT inspector_id, home_province_code, load_cap, prior_load FROM draw_inspector_pool WHERE draw_id = $1 ORDER BY inspector_id',
    [drawId],
  );
  const selected = draw.selected.map((s) => {
    const candidates = `inspectors-${draw.year}-${s.region_code}.txt`;
    files[candidates] = snapshot.map((i) => `${s.region_code}|${i.inspector_id}\n`).join('');
    return {
      draw_order: s.draw_order,
      region_code: s.region_code,
      region_name: s.region_name,
      stratum: s.stratum,
      ticket: s.ticket,
      ...(probabilities
        ? {
            inclusion_probability: probabilities[s.stratum].value,
            inclusion_probability_exact: probabilities[s.stratum].exact,
          }
        : {}),
      inspectors: s.inspectors.map((id) => ({
        inspector_id: id,
        ticket: ticketOf(draw.seed_hash!, `${s.region_code}|${id}`),
      })),
      inspectors_command: `shifan spotcheck sample --seed ${seedArg} --pool ${candidates}`,
    };
  });
  const log = await readAuditLog(db, { subject: `draw:${drawId}` });
  const last = log.at(-1);

  const certificate: Record<string, unknown> = {
    protocol_version: PROTOCOL_VERSION,
    protocol: PROTOCOL_TEXT,
    draw_id: draw.draw_id,
    year: draw.year,
    state: draw.state,
    superseded_by: draw.superseded_by,
    supersedes: draw.supersedes,
    redraw_reason: draw.redraw_reason,
    pool_version: draw.pool_version,
    frozen_at: draw.frozen_at,
    drawn_at: draw.drawn_at,
    committed_at: draw.committed_at,
    parameters: {
      strata: draw.strata,
      exclusions: draw.exclusions.map((e) => ({ name: e, meaning: EXCLUSIONS[e as Exclusion] ?? e })),
      ...(draw.size ? sizeParameters(draw.size, codes.length) : {}),
      team_size: draw.team_size,
      allocation,
    },
    pool: {
      file: poolFile,
      format: 'region codes sorted ascending, one per line, each ending in LF, UTF-8',
      size: codes.length,
      sha256: draw.pool_sha256,
      regions: codes,
    },
    strata,
    seed: draw.seed,
    seed_hash: draw.seed_hash,
    selected,
    inspectors: {
      team_size: draw.team_size,
      rule: 'per selected region in draw order: inspectors by ascending ticket of (region_code + "|" + inspector_id); skip those whose home province is the region\'s (first two digits of region_code + 0000) and those whose load (prior_load + teams already given in this draw) has reached load_cap; take the first team_size',
      pool: snapshot,
    },
    risk_targeted: draw.risk_targeted.map(({ region_code, region_name, criterion, added_at }) => ({
      region_code,
      region_name,
      criterion,
      added_at,
    })),
    recompute: {
      without_database: commands,
      with_database: `shifan spotcheck verify ${drawId}`,
      note: 'the sample command prints every id in draw order with its ticket; with --take it stops after k. The selection is the first k of each stratum, listed together in ticket order.',
    },
    audit: last
      ? {
          seq: last.seq,
          action: last.action,
          hash: last.hash,
          check: `shifan audit verify --anchor ${last.seq}:${last.hash}`,
        }
      : null,
  };
  files['certificate.json'] = `${JSON.stringify(certificate, null, 2)}\n`;
  return { certificate, files };
}

/** The published sample-size parameters: as entered, the rule in words, and the total it gives. */
function sizeParameters(size: SampleSize, poolSize: number): Record<string, unknown> {
  const rule = size.rule ?? 'hamilton_seed_ties';
  return {
    ...('proportion' in size
      ? {
          proportion: size.proportion,
          total_k: rule === 'ceil_per_stratum' ? null : totalFor(size.proportion, poolSize),
        }
      : { count: size.count }),
    allocation_rule: rule,
    allocation_rule_text: ALLOCATION_RULE_TEXT[rule],
    per_stratum_minimum: size.perStratumMinimum ?? null,
    inclusion_probability:
      rule === 'hamilton_seed_ties'
        ? "a selected region's inclusion probability is its stratum's expected take over N_s: the consistent sampler orders the stratum uniformly at random, so every set of k_s regions is equally likely; k_s is fixed before the seed except for strata tied for the last regions, each of which gets one more with probability (regions left) / (strata tied)"
        : "a selected region's inclusion probability is k_s / N_s of its stratum: the consistent sampler orders the stratum uniformly at random, so every set of k_s regions is equally likely",
  };
}

export async function writeCertificate(
  db: Database,
  drawId: number,
  dir: string,
): Promise<{ dir: string; files: string[] }> {
  const { files } = await buildCertificate(db, drawId);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, 'utf8');
  return { dir, files: Object.keys(files).sort() };
}
