-- @produces: flags, flag_evidence
-- Risk flags (预警). A flag's id is stable: md5 of rule id, rule version, region, year and detail key, so the same
-- finding keeps its id across refreshes. A refresh upserts (first_seen_run kept, last_seen_run moved on) and marks
-- a flag that no longer fires as resolved; nothing is deleted. Evidence is written when a flag is first seen (or
-- fires again after being resolved) and never overwritten.

CREATE TABLE IF NOT EXISTS flags (
  flag_id          VARCHAR PRIMARY KEY,
  rule_id          VARCHAR NOT NULL,   -- file name of sql/flags/<rule>.sql
  rule_version     INTEGER NOT NULL,
  region_code      VARCHAR NOT NULL,
  year             INTEGER NOT NULL,
  detail_key       VARCHAR NOT NULL,   -- what within the region-year: a metric id, a stated figure, ''
  severity         VARCHAR NOT NULL,   -- high | medium | low | info
  message_zh       VARCHAR NOT NULL,   -- explanation with the numbers (latest run)
  numbers          VARCHAR,            -- JSON of the figures behind the message (latest run)
  evidence_count   BIGINT NOT NULL,    -- source records behind the flag; at most 50 are stored
  first_seen_run   INTEGER NOT NULL,
  last_seen_run    INTEGER NOT NULL,
  status           VARCHAR NOT NULL,   -- active | resolved
  resolved_run     INTEGER             -- the first run in which it no longer fired
);

CREATE TABLE IF NOT EXISTS flag_evidence (
  flag_id     VARCHAR NOT NULL,
  run_id      INTEGER NOT NULL,        -- the run that captured it
  dataset     VARCHAR NOT NULL,
  record_id   VARCHAR NOT NULL,        -- the dataset key (case_id, doc_id, region_code|year, ...)
  load_id     INTEGER,
  file_name   VARCHAR,                 -- load_log.file_name of the load
  line        BIGINT                   -- source line in that file
);
