// Schema of /api/risk: the ranked risk queue (pipeline/risk). Scopes and tiers come from pipeline/risk.
import { RISK_SCOPES } from '../../risk/index.ts';
import { TIER_ORDER } from '../../risk/tiers.ts';
import { bool, errors, int, nstr, num, obj, rows, str, year } from './common.ts';

const reason = { rule: str, flag_id: nstr, entry_id: nstr, points: num, params: obj({}), text: str };

export const queue = {
  tags: ['risk'],
  summary:
    "The ranked risk queue of a year for the caller's regions: one row per region of the scope (designated = in the designation term; monitored = the others), tier, score, 90% rank interval under perturbed weights, and every reason with the flag or watchlist entry it comes from. A year not yet complete at the data's date is not ranked (complete = false, no rows).",
  querystring: {
    type: 'object',
    properties: {
      year,
      scope: { type: 'string', enum: RISK_SCOPES, default: 'designated' },
      limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
    },
  },
  response: {
    200: obj({
      year: int,
      scope: str,
      as_of: nstr,
      complete: bool,
      total: int,
      shared: rows({ rule_id: str, detail_key: str, regions: int, of: int }),
      rows: rows({
        rank: int,
        region_code: str,
        region_name: nstr,
        score: num,
        tier: { type: 'string', enum: Object.keys(TIER_ORDER) },
        rank_low: int,
        rank_high: int,
        reasons: rows(reason),
      }),
    }),
    ...errors,
  },
};
