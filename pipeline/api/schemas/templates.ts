// Schema of GET /api/templates/:file: a dataset's fill-in template (CSV or XLSX), generated from its contract.
import { Type } from 'typebox';
import { datasets } from '../../contracts/index.ts';
import { errors, FileBody } from './common.ts';

export const template = {
  tags: ['data'],
  summary:
    "A dataset's fill-in template, generated from its contract: <dataset>.csv (the Chinese header, UTF-8 with BOM) or <dataset>.xlsx (the header, a 说明 sheet with each column's rule and example, a 示例 sheet with an example row)",
  params: Type.Object({
    file: Type.String({ pattern: `^(${datasets.map((d) => d.name).join('|')})\\.(csv|xlsx)$` }),
  }),
  response: { 200: FileBody, ...errors },
};
