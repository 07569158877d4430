// Schemas of /api/meta, /api/overview, /api/health.
import { allMetrics, loadSystems } from '../../indicators/index.ts';
import { Type } from 'typebox';
import { anyValue, bool, errors, int, nint, nnum, nstr, num, obj, rows, str, year } from './common.ts';
import { NewestFlag } from './flags.ts';

export const metricIds = () => allMetrics(loadSystems()).map((m) => m.id);

export const health = {
  tags: ['meta'],
  summary: 'Liveness (no login, no database work)',
  security: [],
  response: { 200: obj({ ok: bool }) },
};

export const figures = {
  tags: ['meta'],
  summary:
    'When the figures were computed, the newest load, how many loads wait for a refresh, and the automatic refresh',
  response: {
    200: obj({
      computed_at: nstr,
      as_of: nstr,
      newest_load_at: nstr,
      loads_waiting: int,
      auto_refresh: { type: 'string', enum: ['off', 'idle', 'scheduled', 'running'] },
      due_at: nstr,
      last_error: nstr,
    }),
    ...errors,
  },
};

export const meta = {
  tags: ['meta'],
  summary: 'Years, provinces (the caller may see), metrics, batches, data date and last refresh',
  response: {
    200: obj({
      years: { type: 'array', items: int },
      latest_year: nint,
      provinces: rows({ code: str, name: str }),
      metrics: rows({
        id: str,
        indicator_no: nint,
        area: int,
        name_zh: str,
        name_en: str,
        unit: str,
        direction: str,
        funnel: bool,
      }),
      batches: rows({ batch: int, regions: int }),
      as_of: nstr,
      last_refresh: nstr,
      run_id: nint,
      weights_note: str,
      systems: rows({ version: str, label: str, from: int }),
    }),
    ...errors,
  },
};

export const overview = {
  tags: ['meta'],
  summary:
    'Overview page: headline figures and region counts over the regions in their designation term in the year, conformance histogram, national trends, newest flags, outstanding reports',
  querystring: { type: 'object', properties: { year }, additionalProperties: false },
  response: {
    200: obj({
      year: nint,
      headline: {
        anyOf: [
          { type: 'null' },
          obj({
            year: int,
            regions: int,
            met: int,
            not_met: int,
            not_judged: int,
            high_flags: int,
            high_regions: int,
            watchlist_regions: int,
          }),
        ],
      },
      regions_by: obj({
        batch: rows({ key: str, count: int }),
        designation: rows({ key: str, count: int }),
        level: rows({ key: str, count: int }),
      }),
      conformance_hist: rows({ bucket: num, count: int }),
      national_trends: rows({ year: int, metric_id: str, value: nnum }),
      newest_flags: Type.Array(NewestFlag),
      reports_outstanding: rows({ region_code: str, region_name: nstr, report_year: int, status: str }),
    }),
    ...errors,
  },
};
