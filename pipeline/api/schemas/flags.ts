// Schemas of /api/flags, /api/flags/:id and /api/records/:dataset/:load_id/:line.
import { TRIAGE_DECISIONS } from '../../flags/index.ts';
import {
  anyValue,
  datasetName,
  errors,
  id,
  int,
  MAX_INT,
  nint,
  nstr,
  obj,
  regionCode,
  rows,
  str,
  table,
  year,
} from './common.ts';

const flagRow = {
  flag_id: str,
  rule_id: str,
  region_code: str,
  region_name: nstr,
  province_code: str,
  year: int,
  detail_key: str,
  severity: { type: 'string', enum: ['high', 'medium', 'low', 'info'] },
  message_zh: str,
  evidence_count: int,
  status: { type: 'string', enum: ['active', 'resolved'] },
  first_seen_run: int,
  last_seen_run: int,
  resolved_run: nint,
  triage_state: { type: ['string', 'null'], enum: [...TRIAGE_DECISIONS, 'reopened', null] },
};

const triageRecord = obj({
  flag_id: str,
  decision: { type: 'string', enum: TRIAGE_DECISIONS },
  state: { type: 'string', enum: [...TRIAGE_DECISIONS, 'reopened'] },
  reason: nstr,
  entry_id: nstr,
  decided_by: str,
  decided_at: str,
  history: rows({ decision: str, reason: nstr, entry_id: nstr, decided_by: str, decided_at: str }),
});

export const list = table(
  ['flags'],
  "Risk flags of the caller's regions: the latest scored year unless year or all_years is given, active unless status is given, narrowed by the risk queue's filters (severity, rule, province, designation, batch, level, triage state, the region's verdict on the bar; scope=designated keeps the regions in their designation term); a page of limit rows from offset, the total in the x-total-count header",
  flagRow,
  {
    querystring: {
      type: 'object',
      properties: {
        year,
        all_years: { type: 'boolean', default: false },
        region: regionCode,
        status: { type: 'string', enum: ['active', 'resolved', 'all'], default: 'active' },
        severity: { type: 'string', enum: ['high', 'medium', 'low', 'info'] },
        rule: { type: 'string', pattern: '^[a-z0-9_.]{1,64}$' },
        only_province: regionCode,
        designation: { type: 'string', enum: ['comprehensive', 'single', 'none'] },
        batch: { type: 'integer', minimum: 1900, maximum: 2200 },
        level: { type: 'string', enum: ['province', 'city', 'county'] },
        triage: { type: 'string', enum: ['none', ...TRIAGE_DECISIONS, 'reopened'] },
        region_status: { type: 'string', enum: ['met', 'not_met', 'not_judged'] },
        scope: { type: 'string', enum: ['designated', 'all'], default: 'all' },
        limit: { type: 'integer', minimum: 1, maximum: 5000, default: 200 },
        offset: { type: 'integer', minimum: 0, maximum: MAX_INT, default: 0 },
      },
    },
  },
);

export const detail = {
  tags: ['flags'],
  summary: 'One flag with its evidence records (dataset, record id, file, line, load)',
  params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{6,32}$' } }, required: ['id'] },
  response: {
    200: obj({
      ...flagRow,
      rule_version: int,
      numbers: anyValue,
      evidence: rows({ dataset: str, record_id: str, file: nstr, line: nint, load_id: nint, run_id: int }),
      triage: { anyOf: [{ type: 'null' }, triageRecord] },
    }),
    ...errors,
  },
};

export const record = {
  tags: ['flags'],
  summary: 'The source row behind an evidence record, by dataset, load id and line (drill-down)',
  params: {
    type: 'object',
    properties: { dataset: datasetName, load_id: id, line: id },
    required: ['dataset', 'load_id', 'line'],
  },
  response: {
    200: obj({ dataset: str, load_id: int, line: int, row: { type: 'object', additionalProperties: true } }),
    ...errors,
  },
};

export const triage = {
  tags: ['flags'],
  summary:
    "Triage a flag (central): acknowledged, dismissed (reason required; out of the risk queue until the flag's evidence changes) or escalated (reason required; adds a ground-4 watchlist entry citing the flag). Audit-logged; kept across refreshes.",
  params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{6,32}$' } }, required: ['id'] },
  body: {
    type: 'object',
    required: ['decision'],
    additionalProperties: false,
    properties: {
      decision: { type: 'string', enum: TRIAGE_DECISIONS },
      reason: { type: 'string', minLength: 1, maxLength: 2000 },
    },
  },
  response: { 200: triageRecord, ...errors },
};
