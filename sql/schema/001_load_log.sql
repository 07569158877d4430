-- @produces: load_log, rejects
-- The load log records every file ingest attempt (one row per file and attempt); the rejects store keeps
-- every refused row verbatim with its file, line, column and reason. Dataset tables themselves are created
-- from the contracts (pipeline/contracts/ddl.ts), because the contract is their one definition.

CREATE SEQUENCE IF NOT EXISTS load_id_seq START 1;

CREATE TABLE IF NOT EXISTS load_log (
  load_id        INTEGER PRIMARY KEY DEFAULT nextval('load_id_seq'),
  file_name      VARCHAR NOT NULL,     -- base name, as shown to analysts
  file_path      VARCHAR NOT NULL,     -- absolute path at load time
  sha256         VARCHAR NOT NULL,     -- of the file's bytes; the same content again is skipped
  dataset        VARCHAR,              -- NULL when the file could not be matched to a dataset
  format         VARCHAR,              -- csv | xlsx | jsonl | parquet
  encoding       VARCHAR,              -- utf-8 | utf-8-bom | gb18030 (csv only)
  records        BIGINT,               -- data records in the file, counted independently of the reader
  loaded         BIGINT,
  rejected       BIGINT,               -- records refused (a record with several errors counts once)
  superseded     BIGINT,               -- older rows this load replaced (same key)
  status         VARCHAR NOT NULL,     -- loaded | skipped | refused
  message        VARCHAR,
  started_at     TIMESTAMP NOT NULL,
  finished_at    TIMESTAMP,
  read_ms        INTEGER,
  validate_ms    INTEGER,
  total_ms       INTEGER,
  source         VARCHAR               -- cli | upload | inbox | demo
);

CREATE TABLE IF NOT EXISTS rejects (
  load_id     INTEGER NOT NULL,
  file_name   VARCHAR NOT NULL,
  line        BIGINT,                  -- physical line in the file where the record starts (XLSX: sheet row)
  column_name VARCHAR,                 -- NULL when the record as a whole is malformed
  code        VARCHAR NOT NULL,        -- stable reason code (pipeline/load/reject-codes.ts)
  value       VARCHAR,                 -- the offending cell, as found
  message     VARCHAR NOT NULL,
  raw         VARCHAR                  -- the record verbatim
);
