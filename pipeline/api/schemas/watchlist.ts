// Schemas of /api/watchlist/*, in TypeBox: the one definition of these requests and responses. The route handlers
// are typed through Fastify's TypeBox type provider, and the dashboard's types are Static<> of these schemas.
// Browser-safe (the dashboard imports this file): statuses come from the vocabulary, the hand-enterable grounds from
// pipeline/watchlist/statuses.ts (a pure module).
import { Type, type Static } from 'typebox';
import { watchStatus } from '../../vocabulary/terms.ts';
import { MANUAL_GROUNDS } from '../../watchlist/statuses.ts';
import { errors, Format, Nullable, oneOf, RegionCode, Year } from './common.ts';
import {
  WatchAttachedFlag,
  WatchEvidence,
  WatchFlagRecord,
  WatchHandEvidence,
  WatchReason,
  WatchSourceRecord,
} from '../../shapes/watch-evidence.ts';

const statuses = Object.keys(watchStatus) as Array<keyof typeof watchStatus>;
export const WatchStatus = oneOf(statuses);

const EntryId = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{6,32}$' }) });

/** A row of the list: the entry's codes and params (worded by the vocabulary), never a sentence. */
export const WatchEntryRow = Type.Object(
  {
    entry_id: Type.String(),
    region_code: Type.String(),
    region_name: Nullable(Type.String()),
    province_code: Type.String(),
    year: Nullable(Type.Integer()),
    ground: Nullable(Type.Integer()),
    kind: Type.String(),
    is_ground: Type.Boolean(),
    params: Nullable(Type.String({ description: 'JSON of the figures behind the summary; the vocabulary words it' })),
    origin: Type.String(),
    source_active: Type.Boolean(),
    status: WatchStatus,
    status_at: Type.String(),
    status_by: Type.String(),
  },
  { additionalProperties: true },
);
export type WatchEntryRow = Static<typeof WatchEntryRow>;

export const WatchHistoryRow = Type.Object({
  from_status: Nullable(WatchStatus),
  to_status: WatchStatus,
  note: Nullable(Type.String()),
  changed_by: Type.String(),
  changed_at: Type.String(),
});
export type WatchHistoryRow = Static<typeof WatchHistoryRow>;

export { WatchAttachedFlag, WatchEvidence, WatchFlagRecord, WatchHandEvidence, WatchReason, WatchSourceRecord };

/** One entry with its evidence and status history. */
export const WatchEntry = Type.Object(
  {
    ...WatchEntryRow.properties,
    evidence: WatchEvidence,
    source_key: Type.String(),
    created_at: Type.String(),
    created_run: Nullable(Type.Integer()),
    history: Type.Array(WatchHistoryRow),
  },
  { additionalProperties: true },
);
export type WatchEntry = Static<typeof WatchEntry>;

export const list = {
  tags: ['watchlist'],
  summary: "Revocation watchlist entries of the caller's regions (JSON, or Arrow IPC)",
  querystring: Type.Object(
    { status: Type.Optional(WatchStatus), region: Type.Optional(RegionCode), format: Format },
    { additionalProperties: false },
  ),
  produces: ['application/json', 'application/vnd.apache.arrow.stream'],
  response: { 200: Type.Array(WatchEntryRow), ...errors },
};

export const detail = {
  tags: ['watchlist'],
  summary: 'One entry: grounds, evidence, status history',
  params: EntryId,
  response: { 200: WatchEntry, ...errors },
};

export const SetStatusBody = Type.Object(
  { status: WatchStatus, note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type SetStatusBody = Static<typeof SetStatusBody>;

export const setStatus = {
  tags: ['watchlist'],
  summary: 'Move an entry to a new status with a note (central)',
  params: EntryId,
  body: SetStatusBody,
  response: { 200: WatchEntry, ...errors },
};

export const AddBody = Type.Object(
  {
    region_code: RegionCode,
    year: Type.Optional(Year),
    reason: Type.String({ minLength: 4, maxLength: 2000 }),
    ground: Type.Optional(Type.Unsafe<(typeof MANUAL_GROUNDS)[number]>({ type: 'integer', enum: [...MANUAL_GROUNDS] })),
    flag_ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type AddBody = Static<typeof AddBody>;

export const add = {
  tags: ['watchlist'],
  summary:
    'Add an entry by hand on ground 1, 2 or 4 of 四(三) (default 4, "other") with a reason and flags of the region as evidence (central)',
  body: AddBody,
  response: { 200: WatchEntry, ...errors },
};
