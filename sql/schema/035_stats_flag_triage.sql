-- @produces: flag_triage, flag_triage_history
-- An analyst's decision on a flag: acknowledged, dismissed (with a reason) or escalated to the watchlist. Keyed by
-- the flag's stable id, so it survives refreshes. evidence_hash is md5 of the flag's numbers and evidence count when
-- the decision was taken: a dismissed flag whose evidence has since changed comes back (pipeline/flags/triage.ts).
CREATE TABLE IF NOT EXISTS flag_triage (
  flag_id        VARCHAR PRIMARY KEY,
  decision       VARCHAR NOT NULL,     -- acknowledged | dismissed | escalated
  reason         VARCHAR,              -- required for dismissed and escalated
  evidence_hash  VARCHAR NOT NULL,
  entry_id       VARCHAR,              -- the watchlist entry an escalation created
  decided_by     VARCHAR NOT NULL,
  decided_at     TIMESTAMP NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS flag_triage_history_seq START 1;

CREATE TABLE IF NOT EXISTS flag_triage_history (
  history_id     INTEGER PRIMARY KEY DEFAULT nextval('flag_triage_history_seq'),
  flag_id        VARCHAR NOT NULL,
  decision       VARCHAR NOT NULL,
  reason         VARCHAR,
  evidence_hash  VARCHAR NOT NULL,
  entry_id       VARCHAR,
  decided_by     VARCHAR NOT NULL,
  decided_at     TIMESTAMP NOT NULL
);
