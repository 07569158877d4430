-- @produces: naming_rounds, naming_reports, naming_field_check_lists, naming_candidates, naming_notices, naming_decisions
-- The naming round (认定程序, section 三 of the opinions; pipeline/naming/README.md). What regions, provinces, the
-- third party and the surveyor send are datasets of the data contract (naming_applications, naming_self_assessments,
-- naming_prereviews, naming_third_party, naming_satisfaction, naming_field_checks, naming_objections); the office's
-- own steps are these tables, each change written with its audit-log entry in one transaction.

CREATE TABLE IF NOT EXISTS naming_rounds (
  round_id          VARCHAR PRIMARY KEY,  -- '2026'
  batch             INTEGER NOT NULL,     -- 第四批 = 4
  year              INTEGER NOT NULL,     -- the year regions are named in (regions.batch of those named)
  title             VARCHAR NOT NULL,
  kinds             VARCHAR NOT NULL,     -- JSON: ["comprehensive","single"]
  fields            VARCHAR NOT NULL,     -- JSON: single-item field codes admitted
  data_from         INTEGER NOT NULL,     -- the applicants' own data: years data_from..data_to, before the round
  data_to           INTEGER NOT NULL,     -- the decisive year: conformance and contradictions are judged on it
  bar               DOUBLE NOT NULL,      -- 二(一): 90%以上 (inclusive)
  method            VARCHAR NOT NULL,     -- JSON: ranking weights, draws, seed, coverage, tolerances (pipeline/naming/method.ts)
  field_check_rule  VARCHAR NOT NULL,     -- JSON: {"rule":"top_k","k":8} | {"rule":"threshold","min":85}
  timetable         VARCHAR NOT NULL,     -- JSON: [{step, due, workdays, provisional}] (working days on the official calendar)
  notice_workdays   INTEGER NOT NULL,     -- length of the public notice (三(六)) in working days
  created_at        TIMESTAMP NOT NULL,
  created_by        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS naming_reports (
  round_id     VARCHAR NOT NULL,
  region_code  VARCHAR NOT NULL,
  file_name    VARCHAR NOT NULL,
  format       VARCHAR NOT NULL,          -- pdf | docx | text
  bytes        BIGINT NOT NULL,
  sha256       VARCHAR NOT NULL,          -- of the file as received
  text         VARCHAR NOT NULL,          -- extracted for search
  loaded_at    TIMESTAMP NOT NULL,
  loaded_by    VARCHAR NOT NULL,
  PRIMARY KEY (round_id, region_code, sha256)
);

CREATE SEQUENCE IF NOT EXISTS naming_field_check_list_seq START 1;

CREATE TABLE IF NOT EXISTS naming_field_check_lists (
  list_id        INTEGER PRIMARY KEY DEFAULT nextval('naming_field_check_list_seq'),
  round_id       VARCHAR NOT NULL,
  made_at        TIMESTAMP NOT NULL,
  made_by        VARCHAR NOT NULL,
  rule           VARCHAR NOT NULL,        -- JSON, as the round stated it when the list was made
  inputs_sha256  VARCHAR NOT NULL,        -- SHA-256 of the canonical JSON of the ranking's inputs
  inputs         VARCHAR NOT NULL,        -- that canonical JSON, so anyone can recompute the list
  ranking        VARCHAR NOT NULL,        -- JSON: the ranking it was cut from
  regions        VARCHAR NOT NULL         -- JSON: the region codes on the list, in rank order
);

CREATE TABLE IF NOT EXISTS naming_candidates (
  round_id     VARCHAR NOT NULL,
  region_code  VARCHAR NOT NULL,
  basis        VARCHAR NOT NULL,          -- why: the field-check result it rests on
  added_at     TIMESTAMP NOT NULL,
  added_by     VARCHAR NOT NULL,
  PRIMARY KEY (round_id, region_code)
);

CREATE TABLE IF NOT EXISTS naming_notices (
  round_id      VARCHAR PRIMARY KEY,
  starts_on     DATE NOT NULL,
  workdays      INTEGER NOT NULL,
  ends_on       DATE NOT NULL,            -- the last working day of the notice
  provisional   BOOLEAN NOT NULL,         -- a day counted lies in a year without a published calendar
  medium        VARCHAR,                  -- 中央新闻媒体: where it was published
  published_at  TIMESTAMP NOT NULL,
  published_by  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS naming_decisions (
  round_id         VARCHAR NOT NULL,
  region_code      VARCHAR NOT NULL,
  decision         VARCHAR NOT NULL,      -- named | not_named
  reason           VARCHAR NOT NULL,
  decided_on       DATE NOT NULL,
  decided_at       TIMESTAMP NOT NULL,
  decided_by       VARCHAR NOT NULL,
  regions_load_id  INTEGER,               -- the load that put a named region into the regions directory
  PRIMARY KEY (round_id, region_code)
);
