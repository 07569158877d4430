// Schemas of /api/meta, /api/overview, /api/health and /api/figures, in TypeBox (see common.ts).
import { Type, type Static } from 'typebox';
import { direction, reportStatus } from '../../vocabulary/terms.ts';
import { errors, NInt, NNum, NStr, Nullable, Obj, oneOf, Strict, termOf, Year } from './common.ts';
import { NewestFlag } from './flags.ts';

export const health = {
  tags: ['meta'],
  summary: 'Liveness (no login, no database work)',
  security: [],
  response: { 200: Obj({ ok: Type.Boolean() }) },
};

/** When the figures were computed and whether newer loads wait for the automatic refresh. */
export const FiguresStatus = Obj({
  computed_at: NStr,
  as_of: NStr,
  newest_load_at: NStr,
  loads_waiting: Type.Integer(),
  auto_refresh: oneOf(['off', 'idle', 'scheduled', 'running']),
  due_at: NStr,
  last_error: NStr,
});
export type FiguresStatus = Static<typeof FiguresStatus>;

export const figures = {
  tags: ['meta'],
  summary:
    'When the figures were computed, the newest load, how many loads wait for a refresh, and the automatic refresh',
  response: { 200: FiguresStatus, ...errors },
};

export const Metric = Obj({
  id: Type.String(),
  indicator_no: NInt,
  area: Type.Integer(),
  name_zh: Type.String(),
  name_en: Type.String(),
  unit: Type.String(),
  direction: termOf(direction),
  funnel: Type.Boolean(),
});
export type Metric = Static<typeof Metric>;

export const Meta = Obj({
  years: Type.Array(Type.Integer()),
  latest_year: NInt,
  provinces: Type.Array(Obj({ code: Type.String(), name: Type.String() })),
  metrics: Type.Array(Metric),
  batches: Type.Array(Obj({ batch: Type.Integer(), regions: Type.Integer() })),
  as_of: NStr,
  last_refresh: NStr,
  run_id: NInt,
  weights_note: Type.String(),
  systems: Type.Array(
    Obj(
      { version: Type.String(), label: Type.String(), from: Type.Integer() },
      {
        description: 'indicator-system versions and the first year each judges (trends mark the changes)',
      },
    ),
  ),
});
export type Meta = Static<typeof Meta>;

export const meta = {
  tags: ['meta'],
  summary: 'Years, provinces (the caller may see), metrics, batches, data date and last refresh',
  response: { 200: Meta, ...errors },
};

/** The year's headline over the regions in their designation term (sql/indicators/results/year_counts.sql). */
export const Headline = Obj({
  year: Type.Integer(),
  regions: Type.Integer(),
  met: Type.Integer(),
  not_met: Type.Integer(),
  not_judged: Type.Integer(),
  high_flags: Type.Integer(),
  high_regions: Type.Integer(),
  watchlist_regions: Type.Integer(),
});
export type Headline = Static<typeof Headline>;

/** Regions counted by one dimension's value (a batch, a designation, a level). */
export const CountRow = Obj({ key: Type.String(), count: Type.Integer() });
export type CountRow = Static<typeof CountRow>;

export const Overview = Obj({
  year: NInt,
  headline: Nullable(Headline),
  regions_by: Obj({
    batch: Type.Array(CountRow),
    designation: Type.Array(CountRow),
    level: Type.Array(CountRow),
  }),
  conformance_hist: Type.Array(Obj({ bucket: Type.Number(), count: Type.Integer() })),
  national_trends: Type.Array(Obj({ year: Type.Integer(), metric_id: Type.String(), value: NNum })),
  newest_flags: Type.Array(NewestFlag),
  reports_outstanding: Type.Array(
    Obj({
      region_code: Type.String(),
      region_name: NStr,
      report_year: Type.Integer(),
      status: termOf(reportStatus),
    }),
  ),
});
export type Overview = Static<typeof Overview>;

export const overview = {
  tags: ['meta'],
  summary:
    'Overview page: headline figures and region counts over the regions in their designation term in the year, conformance histogram, national trends, newest flags, outstanding reports',
  querystring: Strict({ year: Type.Optional(Year) }),
  response: { 200: Overview, ...errors },
};
