// Schema of POST /api/upload/check, in TypeBox: what a file would load and reject, without loading it (the upload
// page's preview marks the cells). Browser-safe: the dashboard's type is Static<> of it.
import { Type, type Static } from 'typebox';
import { errors, Nullable, oneOf } from './common.ts';

/** A cell the load would refuse: the line of the file, the contract column, the reason code and the value. */
export const CheckedReject = Type.Object({
  line: Nullable(Type.Integer()),
  column: Nullable(Type.String()),
  code: Type.String(),
  value: Nullable(Type.String()),
});
export type CheckedReject = Static<typeof CheckedReject>;

export const UploadCheck = Type.Object({
  file: Type.String(),
  dataset: Nullable(Type.String()),
  status: oneOf(['checked', 'refused']),
  records: Type.Integer(),
  good: Type.Integer(),
  rejected: Type.Integer(),
  /** the first failing cells, in file order (at most `limit`) */
  rejects: Type.Array(CheckedReject),
  /** failing cells in all (`rejects` may hold fewer) */
  reject_cells: Type.Integer(),
  /** a refused file's reason: a code of the vocabulary's loadMessage group, worded with `params` (null when checked) */
  code: Nullable(Type.String()),
  params: Type.Record(Type.String(), Type.Unknown()),
  /** the loader's own words, English (as logs keep them) */
  message: Type.String(),
  already_loaded: Nullable(Type.Object({ load_id: Type.Integer(), file_name: Type.String() })),
});
export type UploadCheck = Static<typeof UploadCheck>;

export const uploadCheck = {
  tags: ['data'],
  summary:
    'Check one file (multipart: file, optional dataset field) exactly as an upload would load it — reader, types, rules, duplicate keys — and list the cells it would reject, without loading anything (central)',
  consumes: ['multipart/form-data'],
  response: {
    200: UploadCheck,
    ...errors,
    413: errors[400],
    415: errors[400],
  },
};
