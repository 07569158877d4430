// Schemas of /api/spotchecks/*. Strata and exclusions come from pipeline/spotcheck.
import { EXCLUSIONS, MIN_SEED_DIGITS, STRATA } from '../../spotcheck/index.ts';
import { bool, errors, id, int, nint, nstr, obj, str, table, year } from './common.ts';

const drawId = { type: 'object', properties: { id }, required: ['id'] };
const drawDoc = obj({ draw_id: int, year: int, state: str });

export const list = table(['spotchecks'], 'Every draw, newest first, with how many of your regions it selected', {
  draw_id: int,
  year: int,
  pool_version: int,
  strata: str,
  pool_size: int,
  state: str,
  proportion: nstr,
  sample_count: nint,
  frozen_at: nstr,
  drawn_at: nstr,
  committed_at: nstr,
  superseded_by: nint,
  selected: int,
});

export const findings = table(
  ['spotchecks'],
  "Spot-check findings of the caller's regions, linked to their draw",
  {
    region_code: str,
    region_name: nstr,
    province_code: str,
    year: int,
    indicator_no: int,
    met: bool,
    note: nstr,
    draw_id: nint,
    link: str,
  },
  { querystring: { type: 'object', properties: { year } } },
);

export const freeze = {
  tags: ['spotchecks'],
  summary: "Freeze the year's pool (central)",
  body: {
    type: 'object',
    required: ['year'],
    additionalProperties: false,
    properties: {
      year,
      strata: { type: 'string', enum: [...STRATA] },
      exclude: { type: 'array', items: { type: 'string', enum: Object.keys(EXCLUSIONS) } },
    },
  },
  response: { 200: obj({ draw_id: int, year: int, pool_size: int, pool_sha256: str }), ...errors },
};

export const draw = {
  tags: ['spotchecks'],
  summary: 'Enter the public seed and draw (central); commit: true commits at once',
  params: drawId,
  body: {
    type: 'object',
    required: ['seed'],
    additionalProperties: false,
    properties: {
      seed: {
        type: 'string',
        pattern: `^\\d{${MIN_SEED_DIGITS},}$`,
        description: `at least ${MIN_SEED_DIGITS} decimal digits`,
      },
      proportion: { type: 'string', pattern: '^\\s*\\d*(\\.\\d*)?\\s*%?\\s*$' },
      count: id,
      per_stratum_minimum: { ...id, description: 'every stratum takes at least this many regions (or all it has)' },
      team_size: { type: 'integer', minimum: 1, maximum: 20 },
      commit: { type: 'boolean', default: false },
    },
  },
  response: { 200: drawDoc, ...errors },
};

export const commit = {
  tags: ['spotchecks'],
  summary: 'Commit a drawn draw (central)',
  params: drawId,
  response: { 200: drawDoc, ...errors },
};

export const certificate = {
  tags: ['spotchecks'],
  summary: "A draw's certificate (central/admin); provincial users get the draw with their province's selections only",
  params: drawId,
  response: { 200: obj({}), ...errors },
};

export const verify = {
  tags: ['spotchecks'],
  summary: 'Recompute a draw from its stored inputs and compare (central)',
  params: drawId,
  response: { 200: obj({ ok: bool }), ...errors },
};

export const file = {
  tags: ['spotchecks'],
  summary:
    'One public file of a draw exactly as hashed: pool-YEAR.txt, strata-YEAR.tsv, pool-YEAR-STRATUM.txt (certificate.json: central/admin)',
  params: {
    type: 'object',
    properties: { id, name: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,120}$' } },
    required: ['id', 'name'],
  },
  produces: ['text/plain', 'text/tab-separated-values', 'application/json'],
  response: { ...errors },
};
