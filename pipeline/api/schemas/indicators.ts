// Schemas of /api/indicators/*.
import { int, nbool, nnum, nstr, str, table, year } from './common.ts';
import { metricIds } from './meta.ts';

const metric = { type: 'object', properties: { metric: { type: 'string', enum: metricIds() } }, required: ['metric'] };

export const values = table(
  ['indicators'],
  'One metric of one year for every region the caller may see, with funnel limits',
  {
    region_code: str,
    region_name: nstr,
    province_code: str,
    numerator: nnum,
    denominator: nnum,
    value: nnum,
    threshold: nnum,
    status: { type: 'string', enum: ['met', 'not_met', 'no_data'] },
    provisional: nbool,
    lower95: nnum,
    upper95: nnum,
    lower998: nnum,
    upper998: nnum,
    target: nnum,
    position: nstr,
  },
  { params: metric, querystring: { type: 'object', properties: { year } } },
);

export const trend = table(
  ['indicators'],
  'Per year: regions met / not met / no data, median, p10, p90 of one metric',
  {
    year: int,
    regions: int,
    met: int,
    not_met: int,
    no_data: int,
    median: nnum,
    p10: nnum,
    p90: nnum,
  },
  { params: metric },
);
