// Schemas of /api/spotchecks/*, in TypeBox (see common.ts). A draw is named by `draw_id` and its progress is its
// `state`, as in the draw tables, the certificate and a region's page: one name end to end. Strata, exclusions and
// states come from the vocabulary, the seed rule from pipeline/spotcheck/seed-rule.ts.
import { Type, type Static } from 'typebox';
import { MIN_SEED_DIGITS } from '../../spotcheck/seed-rule.ts';
import { drawExclusion, drawState, drawStrata, verifyCheck } from '../../vocabulary/terms.ts';
import { errors, FileBody, Id, MAX_INT, NInt, NNum, NStr, Obj, Strict, table, termOf, Year } from './common.ts';

export { MIN_SEED_DIGITS };
export const DrawState = termOf(drawState);
export const DrawStrata = termOf(drawStrata);
export type DrawStrata = Static<typeof DrawStrata>;
export const Exclusion = termOf(drawExclusion);
export type Exclusion = Static<typeof Exclusion>;

const DrawId = Type.Object({ id: Id });

/** A draw in the list, with how many of the caller's regions it selected. */
export const DrawRow = Obj({
  draw_id: Type.Integer(),
  year: Type.Integer(),
  pool_version: Type.Integer(),
  strata: DrawStrata,
  pool_size: Type.Integer(),
  state: DrawState,
  proportion: NStr,
  sample_count: NInt,
  frozen_at: NStr,
  drawn_at: NStr,
  committed_at: NStr,
  superseded_by: NInt,
  selected: Type.Integer(),
});
export type DrawRow = Static<typeof DrawRow>;

export const list = table(
  ['spotchecks'],
  'Every draw, newest first, with how many of your regions it selected',
  DrawRow,
);

export const Finding = Obj({
  region_code: Type.String(),
  region_name: NStr,
  province_code: Type.String(),
  year: Type.Integer(),
  indicator_no: Type.Integer(),
  met: Type.Boolean(),
  note: NStr,
  draw_id: NInt,
  link: Type.String(),
});
export type Finding = Static<typeof Finding>;

export const findings = table(
  ['spotchecks'],
  "Spot-check findings of the caller's regions, linked to their draw",
  Finding,
  { year: Type.Optional(Year) },
);

export const FrozenPool = Obj({
  draw_id: Type.Integer(),
  year: Type.Integer(),
  pool_size: Type.Integer(),
  pool_sha256: Type.String(),
});
export type FrozenPool = Static<typeof FrozenPool>;

export const FreezeBody = Strict({
  year: Year,
  strata: Type.Optional(DrawStrata),
  exclude: Type.Optional(Type.Array(Exclusion)),
});
export type FreezeBody = Static<typeof FreezeBody>;

export const freeze = {
  tags: ['spotchecks'],
  summary: "Freeze the year's pool (central)",
  body: FreezeBody,
  response: { 200: FrozenPool, ...errors },
};

/** A draw after a state change: its stored record. */
export const DrawRecord = Obj({
  draw_id: Type.Integer(),
  year: Type.Integer(),
  state: DrawState,
  seed: NStr,
  seed_hash: NStr,
  pool_sha256: Type.String(),
});
export type DrawRecord = Static<typeof DrawRecord>;

export const DrawBody = Strict({
  seed: Type.String({
    pattern: `^\\d{${MIN_SEED_DIGITS},}$`,
    description: `at least ${MIN_SEED_DIGITS} decimal digits`,
  }),
  proportion: Type.Optional(Type.String({ pattern: '^\\s*\\d*(\\.\\d*)?\\s*%?\\s*$' })),
  count: Type.Optional(Id),
  per_stratum_minimum: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_INT,
      description: 'every stratum takes at least this many regions (or all it has)',
    }),
  ),
  team_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  commit: Type.Optional(Type.Boolean({ default: false })),
});
export type DrawBody = Static<typeof DrawBody>;

export const draw = {
  tags: ['spotchecks'],
  summary: 'Enter the public seed and draw (central); commit: true commits at once',
  params: DrawId,
  body: DrawBody,
  response: { 200: DrawRecord, ...errors },
};

export const commit = {
  tags: ['spotchecks'],
  summary: 'Commit a drawn draw (central)',
  params: DrawId,
  response: { 200: DrawRecord, ...errors },
};

/** One selected region: its ticket, inclusion probability and inspection team. */
export const SelectedRegion = Obj({
  draw_order: Type.Integer(),
  region_code: Type.String(),
  region_name: NStr,
  stratum: Type.String(),
  ticket: Type.String(),
  inclusion_probability: Type.Optional(Type.Number()),
  inclusion_probability_exact: Type.Optional(Type.String()),
  inspectors: Type.Array(Obj({ inspector_id: Type.String(), ticket: Type.String() })),
  inspectors_command: Type.String(),
});
export type SelectedRegion = Static<typeof SelectedRegion>;

export const StratumRow = Obj({
  stratum: Type.String(),
  size: Type.Integer(),
  take: NInt,
  inclusion_probability: NNum,
  inclusion_probability_exact: NStr,
  file: Type.String(),
  sha256: Type.String(),
  command: Type.String(),
});

/**
 * A draw's certificate: method, parameters, the pool's and strata's hashes, seed, selection, inspector teams, and
 * how to recompute it. A provincial account's certificate names no other province's region: no pool region list, its
 * own strata and selections only (selected_total counts all), no inspector snapshot or recompute commands, and
 * province_view names its province.
 */
export const Certificate = Obj({
  protocol_version: Type.String(),
  protocol: Type.String(),
  draw_id: Type.Integer(),
  year: Type.Integer(),
  state: DrawState,
  superseded_by: NInt,
  supersedes: NInt,
  redraw_reason: NStr,
  pool_version: Type.Integer(),
  frozen_at: Type.String(),
  drawn_at: NStr,
  committed_at: NStr,
  parameters: Obj({
    strata: DrawStrata,
    exclusions: Type.Array(Obj({ name: Type.String(), meaning: Type.String() })),
    proportion: Type.Optional(Type.String()),
    total_k: Type.Optional(NInt),
    count: Type.Optional(Type.Integer()),
    allocation_rule: Type.Optional(Type.String()),
    allocation_rule_text: Type.Optional(Type.String()),
    per_stratum_minimum: Type.Optional(NInt),
    inclusion_probability: Type.Optional(Type.String()),
    team_size: NInt,
    allocation: Type.Union([Type.Record(Type.String(), Type.Integer()), Type.Null()]),
  }),
  pool: Obj({
    file: Type.String(),
    format: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    regions: Type.Optional(Type.Array(Type.String(), { description: "absent from a provincial account's view" })),
  }),
  strata: Type.Union([
    Obj({ by: DrawStrata, file: Type.String(), sha256: NStr, per_stratum: Type.Array(StratumRow) }),
    Type.Null(),
  ]),
  seed: NStr,
  seed_hash: NStr,
  selected: Type.Array(SelectedRegion),
  inspectors: Obj({
    team_size: NInt,
    rule: Type.String(),
    pool: Type.Array(
      Obj({
        inspector_id: Type.String(),
        home_province_code: Type.String(),
        load_cap: Type.Integer(),
        prior_load: Type.Integer(),
      }),
    ),
  }),
  risk_targeted: Type.Array(
    Obj({ region_code: Type.String(), region_name: NStr, criterion: Type.String(), added_at: Type.String() }),
  ),
  recompute: Type.Union([
    Obj({ without_database: Type.Array(Type.String()), with_database: Type.String(), note: Type.String() }),
    Type.Null(),
  ]),
  audit: Type.Union([
    Obj({ seq: Type.Integer(), action: Type.String(), hash: Type.String(), check: Type.String() }),
    Type.Null(),
  ]),
  province_names: Type.Record(Type.String(), Type.String()),
  selected_total: Type.Optional(Type.Integer({ description: 'a provincial view: selections in every province' })),
  province_view: Type.Optional(Type.String({ description: 'a provincial view: its province' })),
});
export type Certificate = Static<typeof Certificate>;

export const certificate = {
  tags: ['spotchecks'],
  summary: "A draw's certificate (central/admin); provincial users get the draw with their province's selections only",
  params: DrawId,
  response: { 200: Certificate, ...errors },
};

export const Verification = Obj({
  draw_id: Type.Integer(),
  state: DrawState,
  ok: Type.Boolean(),
  checks: Type.Array(Obj({ check: termOf(verifyCheck), ok: Type.Boolean(), detail: Type.String() })),
});
export type Verification = Static<typeof Verification>;

export const verify = {
  tags: ['spotchecks'],
  summary: 'Recompute a draw from its stored inputs and compare (central)',
  params: DrawId,
  response: { 200: Verification, ...errors },
};

export const file = {
  tags: ['spotchecks'],
  summary:
    'One public file of a draw exactly as hashed: pool-YEAR.txt, strata-YEAR.tsv, pool-YEAR-STRATUM.txt (certificate.json: central/admin)',
  params: Type.Object({ id: Id, name: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,120}$' }) }),
  produces: ['text/plain', 'text/tab-separated-values', 'application/json'],
  response: { 200: FileBody, ...errors },
};
