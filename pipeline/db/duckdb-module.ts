// @duckdb/node-api, loaded with require rather than import: it is a CommonJS package of many re-exported files, and
// Node's ESM loader lexes every one of them for named exports (cjs-module-lexer) before running them, which cost
// 0.25 s of CPU at every start that opens a database (0.42 s imported, 0.17 s required; issue 16). Types come from
// the package as usual (`import type`).
import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';

export const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;
