// Schemas of /api/flags, /api/flags/:id and /api/records/:dataset/:load_id/:line.
import { anyValue, datasetName, errors, int, nint, nstr, obj, paramsText, regionCode, rows, str, table, year } from './common.ts';

const flagRow = {
  flag_id: str, rule_id: str, region_code: str, region_name: nstr, province_code: str, year: int, detail_key: str,
  severity: { type: 'string', enum: ['high', 'medium', 'low', 'info'] }, numbers: paramsText, evidence_count: int,
  status: { type: 'string', enum: ['active', 'resolved'] }, first_seen_run: int, last_seen_run: int, resolved_run: nint,
};

export const list = table(['flags'], "Risk flags of the caller's regions: the latest scored year unless year or all_years is given, active unless status is given; a page of limit rows from offset, the total in the x-total-count header", flagRow, {
  querystring: {
    type: 'object',
    properties: {
      year, all_years: { type: 'boolean', default: false }, region: regionCode,
      status: { type: 'string', enum: ['active', 'resolved', 'all'], default: 'active' },
      limit: { type: 'integer', minimum: 1, maximum: 5000, default: 200 }, offset: { type: 'integer', minimum: 0, default: 0 },
    },
  },
});

export const detail = {
  tags: ['flags'], summary: 'One flag with its evidence records (dataset, record id, file, line, load)',
  params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{6,32}$' } }, required: ['id'] },
  response: {
    200: obj({ ...flagRow, rule_version: int, numbers: { ...anyValue, description: 'the figures behind the flag, as an object' }, evidence: rows({ dataset: str, record_id: str, file: nstr, line: nint, load_id: nint, run_id: int }) }),
    ...errors,
  },
};

export const record = {
  tags: ['flags'], summary: 'The source row behind an evidence record, by dataset, load id and line (drill-down)',
  params: { type: 'object', properties: { dataset: datasetName, load_id: { type: 'integer', minimum: 1 }, line: { type: 'integer', minimum: 1 } }, required: ['dataset', 'load_id', 'line'] },
  response: { 200: obj({ dataset: str, load_id: int, line: int, row: { type: 'object', additionalProperties: true } }), ...errors },
};
