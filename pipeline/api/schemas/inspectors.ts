// Schemas of /api/inspectors/* (the inspector register of the 双随机 draw; central office and admin).
import { bool, errors, int, obj, rows, str, year } from './common.ts';

const inspector = { inspector_id: str, name: str, home_province_code: str, load_cap: int, active: bool };
const byId = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['id'] };

export const list = {
  tags: ['inspectors'],
  summary: "The inspector register with each inspector's teams in the year's committed draws",
  querystring: { type: 'object', properties: { year }, additionalProperties: false },
  response: { 200: rows({ ...inspector, load_this_year: int }), ...errors },
};

export const importCsv = {
  tags: ['inspectors'],
  summary:
    'Import inspectors from CSV text (header inspector_id,name,home_province_code,load_cap,active); a bad row refuses the file',
  body: {
    type: 'object',
    required: ['csv'],
    additionalProperties: false,
    properties: {
      csv: { type: 'string', minLength: 1, maxLength: 2_000_000 },
      file_name: { type: 'string', maxLength: 200 },
    },
  },
  response: { 200: obj({ file: str, imported: int, total_active: int }), ...errors },
};

export const update = {
  tags: ['inspectors'],
  summary: "Change one inspector's load cap or active flag",
  params: byId,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { load_cap: { type: 'integer', minimum: 0, maximum: 1000 }, active: { type: 'boolean' } },
  },
  response: { 200: obj(inspector), ...errors },
};
