// Schemas of /api/watchlist/*. Statuses come from pipeline/watchlist.
import { TRANSITIONS } from '../../watchlist/index.ts';
import { anyValue, bool, errors, nint, nstr, obj, paramsText, regionCode, rows, str, table, year } from './common.ts';

const statuses = Object.keys(TRANSITIONS);
const entryId = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{6,32}$' } }, required: ['id'] };
const entryRow = {
  entry_id: str, region_code: str, region_name: nstr, province_code: str, year: nint, ground: nint, kind: str, is_ground: bool,
  params: paramsText, origin: str, source_active: bool, status: { type: 'string', enum: statuses }, status_at: str, status_by: str,
};

export const list = table(['watchlist'], "Revocation watchlist entries of the caller's regions", entryRow, {
  querystring: { type: 'object', properties: { status: { type: 'string', enum: statuses } } },
});

const entry = obj({
  ...entryRow, evidence: anyValue, source_key: str, created_at: str, created_run: nint,
  history: rows({ from_status: nstr, to_status: str, note: nstr, changed_by: str, changed_at: str }),
});

export const detail = { tags: ['watchlist'], summary: 'One entry: grounds, evidence, status history', params: entryId, response: { 200: entry, ...errors } };

export const setStatus = {
  tags: ['watchlist'], summary: 'Move an entry to a new status with a note (central)', params: entryId,
  body: { type: 'object', required: ['status', 'note'], additionalProperties: false, properties: { status: { type: 'string', enum: statuses }, note: { type: 'string', minLength: 1, maxLength: 2000 } } },
  response: { 200: entry, ...errors },
};

export const add = {
  tags: ['watchlist'], summary: 'Add a ground 4 ("other") entry with a reason (central)',
  body: { type: 'object', required: ['region_code', 'reason'], additionalProperties: false, properties: { region_code: regionCode, year, reason: { type: 'string', minLength: 4, maxLength: 2000 } } },
  response: { 200: entry, ...errors },
};

