// Schemas of /api/flags, /api/flags/:id and /api/records/:dataset/:load_id/:line, in TypeBox: the one definition
// of a flag as the API sends it (the overview's newest flags and a region's flags pick from FlagRow). The handlers
// are typed through Fastify's TypeBox type provider; the dashboard's flag types are Static<> of these schemas.
// Browser-safe: severities, statuses and rules come from the vocabulary.
import { Type, type Static } from 'typebox';
import { flagStatus, severity } from '../../vocabulary/terms.ts';
import { datasets } from '../../contracts/index.ts';
import { errors, Format, Nullable, oneOf, RegionCode, Year } from './common.ts';


export const Severity = oneOf(Object.keys(severity) as Array<keyof typeof severity>);
export const FlagStatus = oneOf(Object.keys(flagStatus) as Array<keyof typeof flagStatus>);

/** A flag: its rule and numbers (JSON text), which the vocabulary words; never a sentence. */
export const FlagRow = Type.Object({
  flag_id: Type.String(), rule_id: Type.String(), region_code: Type.String(), region_name: Nullable(Type.String()),
  province_code: Type.String(), year: Type.Integer(), detail_key: Type.String(), severity: Severity,
  numbers: Nullable(Type.String({ description: 'JSON of the figures behind the flag; the vocabulary words it in either language' })),
  evidence_count: Type.Integer(), status: FlagStatus, first_seen_run: Type.Integer(), last_seen_run: Type.Integer(),
  resolved_run: Nullable(Type.Integer()),
}, { additionalProperties: true });
export type FlagRow = Static<typeof FlagRow>;

/** The overview's newest flags. */
export const NewestFlag = Type.Pick(FlagRow, ['flag_id', 'rule_id', 'region_code', 'region_name', 'year', 'severity', 'numbers']);
export type NewestFlag = Static<typeof NewestFlag>;

/** A region's flags (the region is the page's). */
export const RegionFlag = Type.Omit(FlagRow, ['region_code', 'region_name', 'province_code']);
export type RegionFlag = Static<typeof RegionFlag>;

export const EvidenceRow = Type.Object({
  dataset: Type.String(), record_id: Type.String(), file: Nullable(Type.String()), line: Nullable(Type.Integer()),
  load_id: Nullable(Type.Integer()), run_id: Type.Integer(),
});
export type EvidenceRow = Static<typeof EvidenceRow>;

export const FlagDetail = Type.Object({
  ...FlagRow.properties, rule_version: Type.Integer(),
  numbers: Type.Unknown({ description: 'the figures behind the flag, as an object' }), evidence: Type.Array(EvidenceRow),
}, { additionalProperties: true });
export type FlagDetail = Static<typeof FlagDetail>;

export const FlagsQuery = Type.Object({
  year: Type.Optional(Year), all_years: Type.Boolean({ default: false }),
  region: Type.Optional(RegionCode),
  status: Type.Union([FlagStatus, Type.Literal('all')], { default: 'active' }),
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 200 }), offset: Type.Integer({ minimum: 0, default: 0 }),
  format: Format,
}, { additionalProperties: false });

export const list = {
  tags: ['flags'],
  summary: "Risk flags of the caller's regions: the latest scored year unless year or all_years is given, active unless status is given; a page of limit rows from offset, the total in the x-total-count header (JSON, or Arrow IPC)",
  querystring: FlagsQuery, produces: ['application/json', 'application/vnd.apache.arrow.stream'],
  response: { 200: Type.Array(FlagRow), ...errors },
};

export const detail = {
  tags: ['flags'], summary: 'One flag with its evidence records (dataset, record id, file, line, load)',
  params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{6,32}$' }) }),
  response: { 200: FlagDetail, ...errors },
};

export const record = {
  tags: ['flags'], summary: 'The source row behind an evidence record, by dataset, load id and line (drill-down)',
  params: Type.Object({
    dataset: oneOf(datasets.map((d) => d.name)), load_id: Type.Integer({ minimum: 1 }), line: Type.Integer({ minimum: 1 }),
  }),
  response: { 200: Type.Object({ dataset: Type.String(), load_id: Type.Integer(), line: Type.Integer(), row: Type.Record(Type.String(), Type.Unknown()) }), ...errors },
};
