-- @produces: temp tables metric_results, flag_candidates (one refresh's working set; refresh_context is
--            sql/indicators/refresh/context.sql, apart because a file with parameters must hold a single statement)
-- Every sql/indicators/<id>.sql inserts into metric_results BY NAME, so all metrics share these columns;
-- every sql/flags/<rule>.sql inserts into flag_candidates. Temp: they live for the connection only.
CREATE OR REPLACE TEMP TABLE metric_results (
  metric_id       VARCHAR NOT NULL,
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  numerator       DOUBLE,
  denominator     DOUBLE,
  value           DOUBLE,             -- NULL: no data (no denominator, or not yet due)
  provisional     BOOLEAN DEFAULT false,
  evidence_count  BIGINT DEFAULT 0,   -- records counting against the metric (late, unreviewed, lost, ...)
  evidence        STRUCT(record_id VARCHAR, load_id INTEGER, line BIGINT)[]  -- at most 50 of them
);

CREATE OR REPLACE TEMP TABLE flag_candidates (
  rule_id         VARCHAR NOT NULL,
  rule_version    INTEGER NOT NULL,
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  detail_key      VARCHAR NOT NULL DEFAULT '',
  severity        VARCHAR NOT NULL,
  numbers         VARCHAR,
  evidence_count  BIGINT DEFAULT 0,   -- all records behind the flag; evidence holds at most 50
  evidence        STRUCT(dataset VARCHAR, record_id VARCHAR, load_id INTEGER, line BIGINT)[]
);
