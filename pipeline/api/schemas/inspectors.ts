// Schemas of /api/inspectors/* (the inspector register of the 双随机 draw; central office and admin), in TypeBox.
import { Type, type Static } from 'typebox';
import { errors, Obj, Strict, Year } from './common.ts';

export const Inspector = Obj({
  inspector_id: Type.String(),
  name: Type.String(),
  home_province_code: Type.String(),
  load_cap: Type.Integer(),
  active: Type.Boolean(),
});
export type Inspector = Static<typeof Inspector>;
/** A register line with the inspector's teams in the year's committed draws. */
export const RegisterRow = Obj({ ...Inspector.properties, load_this_year: Type.Integer() });
export type RegisterRow = Static<typeof RegisterRow>;
export const ImportResult = Obj({ file: Type.String(), imported: Type.Integer(), total_active: Type.Integer() });
export type ImportResult = Static<typeof ImportResult>;

export const list = {
  tags: ['inspectors'],
  summary: "The inspector register with each inspector's teams in the year's committed draws",
  querystring: Strict({ year: Type.Optional(Year) }),
  response: { 200: Type.Array(RegisterRow), ...errors },
};

export const importCsv = {
  tags: ['inspectors'],
  summary:
    'Import inspectors from CSV text (header inspector_id,name,home_province_code,load_cap,active); a bad row refuses the file',
  body: Strict({
    csv: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    file_name: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  response: { 200: ImportResult, ...errors },
};

export const InspectorChange = Strict(
  {
    load_cap: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type InspectorChange = Static<typeof InspectorChange>;

export const update = {
  tags: ['inspectors'],
  summary: "Change one inspector's load cap or active flag",
  params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
  body: InspectorChange,
  response: { 200: Inspector, ...errors },
};
