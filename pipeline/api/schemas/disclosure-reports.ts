// Schema of /api/disclosure-reports: the published 政府信息公开工作年度报告 loaded (pipeline/disclosure-reports), in
// TypeBox (see common.ts).
import { Type, type Static } from 'typebox';
import { NInt, NNum, NStr, Obj, REGION_CODE_PATTERN, table, YEARS } from './common.ts';

export const DisclosureReport = Obj({
  region_code: Type.String(),
  region_name: NStr,
  publisher: Type.String(),
  year: NInt,
  template: Type.String(),
  published_on: NStr,
  received_new: NInt,
  carried_over: NInt,
  handled_total: NInt,
  carried_forward: NInt,
  reconsideration_corrected: NInt,
  reconsideration_total: NInt,
  litigation_corrected: NInt,
  litigation_total: NInt,
  penalties: NInt,
  licences: NInt,
  coercions: NInt,
  balanced: Type.Boolean(),
  balance_failures: NStr,
  corrected_per_concluded_case: NNum,
  corrected_per_handled_request: NNum,
  source_url: NStr,
  source_file: NStr,
  load_id: NInt,
  line: NInt,
});
export type DisclosureReport = Static<typeof DisclosureReport>;

export const list = table(
  ['disclosure-reports'],
  "Published disclosure annual reports in the caller's regions: section 三 flow, section 四 corrections, balance status",
  DisclosureReport,
  {
    year: Type.Optional(Type.Integer({ ...YEARS, description: 'only reports on this year (default: every year)' })),
    region: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN, description: 'only this region' })),
    balanced: Type.Optional(Type.Boolean({ description: "false: only reports that fail the template's checks" })),
  },
);
