// Schemas of /api/flags, /api/flags/:id, POST /api/flags/:id/triage and /api/records/:dataset/:load_id/:line, in
// TypeBox: the one definition of a flag as the API sends it (the overview's newest flags and a region's flags pick
// from FlagRow). The handlers are typed through Fastify's TypeBox type provider; the dashboard's flag types are
// Static<> of these schemas. Browser-safe: severities, statuses, rules and triage decisions come from the vocabulary.
import { Type, type Static } from 'typebox';
import { flagStatus, triageDecision, triageState } from '../../vocabulary/terms.ts';
import { FlagFigure, FlagNumbers, Severity } from '../../shapes/flag-figures.ts';
import { datasets } from '../../contracts/index.ts';
import { contractEnum, errors, Format, Id, MAX_INT, Nullable, oneOf, RegionCode, Year } from './common.ts';

export { FlagFigure, FlagNumbers, Severity };
export const FlagStatus = oneOf(Object.keys(flagStatus) as Array<keyof typeof flagStatus>);
export const TriageDecision = oneOf(Object.keys(triageDecision) as Array<keyof typeof triageDecision>);
export const TriageState = oneOf(Object.keys(triageState) as Array<keyof typeof triageState>);

/** A flag: its rule and numbers (JSON text), which the vocabulary words; never a sentence. */
export const FlagRow = Type.Object(
  {
    flag_id: Type.String(),
    rule_id: Type.String(),
    region_code: Type.String(),
    region_name: Nullable(Type.String()),
    province_code: Type.String(),
    year: Type.Integer(),
    detail_key: Type.String(),
    severity: Severity,
    numbers: Nullable(
      Type.String({ description: 'JSON of the figures behind the flag; the vocabulary words it in either language' }),
    ),
    evidence_count: Type.Integer(),
    status: FlagStatus,
    first_seen_run: Type.Integer(),
    last_seen_run: Type.Integer(),
    resolved_run: Nullable(Type.Integer()),
    triage_state: Type.Optional(Nullable(TriageState)),
  },
  { additionalProperties: true },
);
export type FlagRow = Static<typeof FlagRow>;

/** The overview's newest flags. */
export const NewestFlag = Type.Pick(FlagRow, [
  'flag_id',
  'rule_id',
  'region_code',
  'region_name',
  'year',
  'severity',
  'numbers',
]);
export type NewestFlag = Static<typeof NewestFlag>;

/** A region's flags (the region is the page's). */
export const RegionFlag = Type.Omit(FlagRow, ['region_code', 'region_name', 'province_code']);
export type RegionFlag = Static<typeof RegionFlag>;

export const EvidenceRow = Type.Object({
  dataset: Type.String(),
  record_id: Type.String(),
  file: Nullable(Type.String()),
  line: Nullable(Type.Integer()),
  load_id: Nullable(Type.Integer()),
  run_id: Type.Integer(),
});
export type EvidenceRow = Static<typeof EvidenceRow>;
/** A source record as an evidence list shows it (a flag's evidence row; a watchlist entry's records). */
export const EvidenceRef = Type.Pick(EvidenceRow, ['dataset', 'record_id', 'file', 'line', 'load_id']);
export type EvidenceRef = Static<typeof EvidenceRef>;

/** A triage decision on a flag and its history (pipeline/flags/triage.ts). */
export const TriageRecord = Type.Object(
  {
    flag_id: Type.String(),
    decision: TriageDecision,
    state: TriageState,
    reason: Nullable(Type.String()),
    entry_id: Nullable(Type.String()),
    decided_by: Type.String(),
    decided_at: Type.String(),
    history: Type.Array(
      Type.Object({
        decision: TriageDecision,
        reason: Nullable(Type.String()),
        entry_id: Nullable(Type.String()),
        decided_by: Type.String(),
        decided_at: Type.String(),
      }),
    ),
  },
  { additionalProperties: true },
);
export type TriageRecord = Static<typeof TriageRecord>;

export const FlagDetail = Type.Object(
  {
    ...FlagRow.properties,
    rule_version: Type.Integer(),
    numbers: Nullable(FlagNumbers),
    evidence: Type.Array(EvidenceRow),
    triage: Nullable(TriageRecord),
  },
  { additionalProperties: true },
);
export type FlagDetail = Static<typeof FlagDetail>;

export const FlagsQuery = Type.Object(
  {
    year: Type.Optional(Year),
    all_years: Type.Boolean({ default: false }),
    region: Type.Optional(RegionCode),
    status: Type.Union([FlagStatus, Type.Literal('all')], { default: 'active' }),
    // the risk queue's filters (sql/api/flags_list.sql)
    severity: Type.Optional(Severity),
    rule: Type.Optional(Type.String({ pattern: '^[a-z0-9_.]{1,64}$' })),
    only_province: Type.Optional(RegionCode),
    designation: Type.Optional(contractEnum<'comprehensive' | 'single' | 'none'>('regions', 'designation')),
    batch: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    level: Type.Optional(contractEnum<'city' | 'county'>('regions', 'level')),
    triage: Type.Optional(oneOf(['none', ...(Object.keys(triageState) as Array<keyof typeof triageState>)])),
    region_status: Type.Optional(oneOf(['met', 'not_met', 'not_judged'])),
    scope: Type.Unsafe<'designated' | 'all'>({ type: 'string', enum: ['designated', 'all'], default: 'all' }),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 200 }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_INT, default: 0 }),
    format: Format,
  },
  { additionalProperties: false },
);

export type FlagsQuery = Static<typeof FlagsQuery>;

export const list = {
  tags: ['flags'],
  summary:
    "Risk flags of the caller's regions: the latest scored year unless year or all_years is given, active unless status is given, narrowed by the risk queue's filters (severity, rule, province, designation, batch, level, triage state, the region's verdict on the bar; scope=designated keeps the regions in their designation term); a page of limit rows from offset, the total in the x-total-count header (JSON, or Arrow IPC)",
  querystring: FlagsQuery,
  produces: ['application/json', 'application/vnd.apache.arrow.stream'],
  response: { 200: Type.Array(FlagRow), ...errors },
};

export const detail = {
  tags: ['flags'],
  summary: 'One flag with its evidence records (dataset, record id, file, line, load)',
  params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{6,32}$' }) }),
  response: { 200: FlagDetail, ...errors },
};

/** The source row behind an evidence record, as loaded (dates as ISO text). */
export const SourceRecord = Type.Object({
  dataset: Type.String(),
  load_id: Type.Integer(),
  line: Type.Integer(),
  row: Type.Record(Type.String(), Type.Unknown()),
});
export type SourceRecord = Static<typeof SourceRecord>;

export const record = {
  tags: ['flags'],
  summary: 'The source row behind an evidence record, by dataset, load id and line (drill-down)',
  params: Type.Object({
    dataset: oneOf(datasets.map((d) => d.name)),
    load_id: Id,
    line: Id,
  }),
  response: { 200: SourceRecord, ...errors },
};

export const triage = {
  tags: ['flags'],
  summary:
    "Triage a flag (central): acknowledged, dismissed (reason required; out of the risk queue until the flag's evidence changes) or escalated (reason required; adds a ground-4 watchlist entry citing the flag). Audit-logged; kept across refreshes.",
  params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{6,32}$' }) }),
  body: Type.Object(
    { decision: TriageDecision, reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
    { additionalProperties: false },
  ),
  response: { 200: TriageRecord, ...errors },
};
