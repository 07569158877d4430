// Schemas of /api/regions and /api/regions/:code, in TypeBox: the one definition of these responses. Handlers are
// typed through the type provider; the dashboard's region types are Static<> of them. Browser-safe.
import { Type, type Static } from 'typebox';
import { errors, Format, Nullable, oneOf, RegionCode, Year } from './common.ts';
import { RegionFlag } from './flags.ts';
import { drawState } from '../../vocabulary/terms.ts';
import { MetricStatus } from './indicators.ts';

/** A region with the year's scorecard line and its active flags. */
export const RegionRow = Type.Object(
  {
    region_code: Type.String(),
    region_name: Nullable(Type.String()),
    province_code: Type.String(),
    level: Type.String(),
    batch: Nullable(Type.Integer()),
    designation: Type.String(),
    conformance: Nullable(Type.Number()),
    meets_bar: Nullable(Type.Boolean()),
    composite: Nullable(Type.Number()),
    rank: Nullable(Type.Integer()),
    flags_active: Type.Integer(),
    ranked_of: Nullable(Type.Integer()),
    rank_low: Nullable(Type.Integer()),
    rank_high: Nullable(Type.Integer()),
    items_met: Nullable(Type.Integer()),
    items_assessed: Nullable(Type.Integer()),
    year_complete: Nullable(Type.Boolean()),
  },
  { additionalProperties: true },
);
export type RegionRow = Static<typeof RegionRow>;

export const list = {
  tags: ['regions'],
  summary: "The caller's regions with the year's scorecard and active flags (JSON, or Arrow IPC)",
  querystring: Type.Object(
    {
      year: Type.Optional(Year),
      scope: Type.Unsafe<'designated' | 'all'>({
        type: 'string',
        enum: ['designated', 'all'],
        default: 'designated',
        description: 'designated: demonstration regions only; all: also monitored regions without a designation',
      }),
      province: Type.Optional(
        Type.String({
          pattern: '^\\d{2}0000$',
          description: 'only this province (a provincial account sees its own province whatever this says)',
        }),
      ),
      format: Format,
    },
    { additionalProperties: false },
  ),
  produces: ['application/json', 'application/vnd.apache.arrow.stream'],
  response: { 200: Type.Array(RegionRow), ...errors },
};

export const ScorecardYear = Type.Object(
  {
    year: Type.Integer(),
    system_version: Type.String(),
    metrics_met: Type.Integer(),
    metrics_assessed: Type.Integer(),
    metrics_no_data: Type.Integer(),
    conformance: Nullable(Type.Number()),
    bar: Nullable(Type.Number()),
    meets_bar: Nullable(Type.Boolean()),
    composite: Nullable(Type.Number()),
    rank: Nullable(Type.Integer()),
    ranked_of: Nullable(Type.Integer()),
    composite_change: Nullable(Type.Number()),
    conformance_change: Nullable(Type.Number()),
    provisional: Type.Boolean(),
    items_met: Type.Integer(),
    items_assessed: Type.Integer(),
    metric_conformance: Nullable(Type.Number()),
    rank_low: Nullable(Type.Integer()),
    rank_high: Nullable(Type.Integer()),
    year_complete: Type.Boolean(),
  },
  { additionalProperties: true },
);

export const RegionMetric = Type.Object(
  {
    metric_id: Type.String(),
    name_zh: Nullable(Type.String()),
    year: Type.Integer(),
    value: Nullable(Type.Number()),
    threshold: Nullable(Type.Number()),
    status: MetricStatus,
    provisional: Type.Boolean(),
    numerator: Nullable(Type.Number()),
    denominator: Nullable(Type.Number()),
  },
  { additionalProperties: true },
);
export type RegionMetric = Static<typeof RegionMetric>;

export const RegionDetail = Type.Object(
  {
    region: Type.Object(
      {
        region_code: Type.String(),
        region_name: Nullable(Type.String()),
        province_code: Type.String(),
        level: Type.String(),
        batch: Nullable(Type.Integer()),
        designation: Type.String(),
        project_name: Nullable(Type.String()),
        designated_on: Nullable(Type.String()),
      },
      { additionalProperties: true },
    ),
    scorecard_by_year: Type.Array(ScorecardYear),
    metrics: Type.Array(RegionMetric),
    reports: Type.Array(
      Type.Object(
        {
          report_year: Type.Integer(),
          submitted_on: Nullable(Type.String()),
          published_on: Nullable(Type.String()),
          published_url: Nullable(Type.String()),
          load_id: Nullable(Type.Integer()),
          line: Nullable(Type.Integer()),
        },
        { additionalProperties: true },
      ),
    ),
    flags: Type.Array(RegionFlag),
    spotchecks: Type.Array(
      Type.Object(
        {
          draw_id: Type.Integer(),
          year: Type.Integer(),
          state: oneOf(Object.keys(drawState) as Array<keyof typeof drawState>),
          stratum: Type.String(),
          draw_order: Type.Integer(),
        },
        { additionalProperties: true },
      ),
    ),
    peers: Type.Array(
      Type.Object(
        {
          region_code: Type.String(),
          region_name: Nullable(Type.String()),
          province_code: Type.String(),
          conformance: Nullable(Type.Number()),
          composite: Nullable(Type.Number()),
          rank: Nullable(Type.Integer()),
          ranked_of: Nullable(Type.Integer()),
          rank_low: Nullable(Type.Integer()),
          rank_high: Nullable(Type.Integer()),
        },
        { additionalProperties: true },
      ),
    ),
    year: Nullable(Type.Integer()),
  },
  { additionalProperties: true },
);
export type RegionDetail = Static<typeof RegionDetail>;

export const detail = {
  tags: ['regions'],
  summary:
    'One region: scorecard by year, metrics, reports, flags, spot checks, peers (404 outside your province, the same answer as for a code that does not exist)',
  params: Type.Object({ code: RegionCode }),
  querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
  response: { 200: RegionDetail, ...errors },
};
