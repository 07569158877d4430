// Schemas of /api/regions and /api/regions/:code.
import { Type } from 'typebox';
import { bool, errors, int, nbool, nint, nnum, nstr, obj, regionCode, rows, str, table, year } from './common.ts';
import { RegionFlag } from './flags.ts';

export const list = table(['regions'], "The caller's regions with the year's scorecard and active flags", {
  region_code: str, region_name: nstr, province_code: str, level: str, batch: nint, designation: str,
  conformance: nnum, meets_bar: nbool, composite: nnum, rank: nint, flags_active: int,
}, {
  querystring: {
    type: 'object',
    properties: {
      year,
      scope: { type: 'string', enum: ['designated', 'all'], default: 'designated', description: 'designated: demonstration regions only; all: also monitored regions without a designation' },
      province: { type: 'string', pattern: '^\\d{2}0000$', description: 'only this province (a provincial account sees its own province whatever this says)' },
    },
  },
});

export const detail = {
  tags: ['regions'], summary: 'One region: scorecard by year, metrics, reports, flags, spot checks, peers (403 outside your province)',
  params: { type: 'object', properties: { code: regionCode }, required: ['code'] },
  querystring: { type: 'object', properties: { year }, additionalProperties: false },
  response: {
    200: obj({
      region: obj({ region_code: str, region_name: nstr, province_code: str, level: str, batch: nint, designation: str, project_name: nstr, designated_on: nstr }),
      scorecard_by_year: rows({ year: int, system_version: str, metrics_met: int, metrics_assessed: int, metrics_no_data: int, conformance: nnum, bar: nnum, meets_bar: nbool, composite: nnum, rank: nint, ranked_of: nint, composite_change: nnum, conformance_change: nnum, provisional: bool }),
      metrics: rows({ metric_id: str, name_zh: nstr, year: int, value: nnum, threshold: nnum, status: str, provisional: bool, numerator: nnum, denominator: nnum }),
      reports: rows({ report_year: int, submitted_on: nstr, published_on: nstr, published_url: nstr, load_id: nint, line: nint }),
      flags: Type.Array(RegionFlag),
      spotchecks: rows({ draw_id: int, year: int, state: str, stratum: str, draw_order: int }),
      peers: rows({ region_code: str, region_name: nstr, province_code: str, conformance: nnum, composite: nnum, rank: nint }),
      year: nint,
    }),
    ...errors,
  },
};
