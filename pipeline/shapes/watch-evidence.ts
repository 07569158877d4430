// A watchlist entry's evidence as stored (watchlist_entries.evidence, JSON), by how the entry was made: refresh's
// source records (sql/watchlist/candidates.sql), the command line's reason, or a hand entry's reason with the flags
// attached to it (pipeline/watchlist). GET /api/watchlist/:id sends it as stored.
import { Type, type Static } from 'typebox';
import { FlagNumbers, Severity } from './flag-figures.ts';
import { NInt, NStr, Nullable, Obj } from './kit.ts';

/** A source record behind a data-driven entry (refresh, sql/watchlist/candidates.sql): the incident, the spot-check
 *  finding or the flag's evidence row, with the load, file and line it was loaded from (file_name null when its load
 *  is gone). */
export const WatchSourceRecord = Obj({
  dataset: Type.String(),
  record_id: Type.String(),
  // absent from entries stored before load ids were kept, until the next refresh writes their evidence again
  load_id: Type.Optional(NInt),
  file_name: NStr,
  line: NInt,
});
export type WatchSourceRecord = Static<typeof WatchSourceRecord>;

/** The reason of a ground-4 entry added from the command line (`shifan watchlist add`), and who entered it. */
export const WatchReason = Obj({ reason: Type.String(), entered_by: Type.String() });
export type WatchReason = Static<typeof WatchReason>;

/** A flag attached to a hand entry, as it stood when attached. */
export const WatchAttachedFlag = Obj({
  flag_id: Type.String(),
  rule_id: Type.String(),
  year: Type.Integer(),
  severity: Severity,
  numbers: Nullable(FlagNumbers),
});
export type WatchAttachedFlag = Static<typeof WatchAttachedFlag>;

/** A source record behind an attached flag (the flag's evidence row, with the flag it came from). */
export const WatchFlagRecord = Obj({
  dataset: Type.String(),
  record_id: NStr,
  file_name: NStr,
  line: NInt,
  load_id: NInt,
  flag_id: Type.String(),
});
export type WatchFlagRecord = Static<typeof WatchFlagRecord>;

/** The evidence of a hand entry made in the dashboard or through POST /api/watchlist: the analyst's reason, the flags
 *  of the region attached to it and the source records behind them. */
export const WatchHandEvidence = Obj({
  reason: Type.String(),
  entered_by: Type.String(),
  flags: Type.Array(WatchAttachedFlag),
  records: Type.Array(WatchFlagRecord),
});
export type WatchHandEvidence = Static<typeof WatchHandEvidence>;

/** An entry's evidence, by how the entry was made: refresh's source records, the command line's reason, or a hand
 *  entry's reason with its flags. */
export const WatchEvidence = Type.Union([
  Type.Array(WatchSourceRecord, { description: 'a data-driven entry (refresh): its source records' }),
  Type.Array(WatchReason, { description: 'a ground-4 entry from the command line: its reason' }),
  WatchHandEvidence,
]);
export type WatchEvidence = Static<typeof WatchEvidence>;
