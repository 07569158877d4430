-- @produces: audit_log
-- The append-only audit log: every state change (spot-check freeze, draw, commit, redraw; later watchlist status
-- changes and user actions) as one row of a hash chain. Rows are only ever inserted, by pipeline/audit/log.ts.
-- hash = lowercase hex SHA-256 of UTF-8(prev_hash || canonical JSON of {seq, logged_at, action, actor, subject, details});
-- the first entry's prev_hash is 64 zeros. `shifan audit verify` walks the chain (pipeline/audit/README.md).

CREATE TABLE IF NOT EXISTS audit_log (
  seq        BIGINT PRIMARY KEY,   -- 1, 2, 3, ... without gaps; a gap means a deleted entry
  logged_at  VARCHAR NOT NULL,     -- ISO 8601 UTC instant as hashed (text, so no round-trip can change it)
  action     VARCHAR NOT NULL,     -- e.g. spotcheck.freeze, spotcheck.draw, spotcheck.commit, spotcheck.redraw
  actor      VARCHAR NOT NULL,     -- who did it: a user name, or cli:<os user> for the command line
  subject    VARCHAR,              -- what it is about, e.g. draw:12, region:110105
  details    VARCHAR NOT NULL,     -- canonical JSON text of the details object, exactly as hashed
  prev_hash  VARCHAR NOT NULL,
  hash       VARCHAR NOT NULL
);
