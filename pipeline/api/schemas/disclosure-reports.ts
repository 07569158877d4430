// Schema of /api/disclosure-reports: the published 政府信息公开工作年度报告 loaded (pipeline/disclosure-reports).
import { bool, nint, nnum, nstr, regionCode, str, table, year } from './common.ts';

export const list = table(
  ['disclosure-reports'],
  "Published disclosure annual reports in the caller's regions: section 三 flow, section 四 corrections, balance status",
  {
    region_code: str,
    region_name: nstr,
    publisher: str,
    year: nint,
    template: str,
    published_on: nstr,
    received_new: nint,
    carried_over: nint,
    handled_total: nint,
    carried_forward: nint,
    reconsideration_corrected: nint,
    reconsideration_total: nint,
    litigation_corrected: nint,
    litigation_total: nint,
    penalties: nint,
    licences: nint,
    coercions: nint,
    balanced: bool,
    balance_failures: nstr,
    corrected_per_concluded_case: nnum,
    corrected_per_handled_request: nnum,
    source_url: nstr,
    source_file: nstr,
    load_id: nint,
    line: nint,
  },
  {
    querystring: {
      type: 'object',
      properties: {
        year: { ...year, description: 'only reports on this year (default: every year)' },
        region: { ...regionCode, description: 'only this region' },
        balanced: { type: 'boolean', description: "false: only reports that fail the template's checks" },
      },
    },
  },
);
