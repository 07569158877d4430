-- @produces: refresh_runs, indicator_systems, indicator_thresholds, indicator_values, scorecard, funnel_limits
-- What `shifan refresh` writes (pipeline/indicators/README.md). The indicator-system versions live in
-- data/indicator-systems/*.json and are mirrored here at each refresh, so every stored value names the version and
-- threshold it was judged by. indicator_values, scorecard and funnel_limits hold the latest run only (the run id
-- says which); flags and the watchlist (031, 032) keep their history across runs.

CREATE SEQUENCE IF NOT EXISTS refresh_run_seq START 1;

CREATE TABLE IF NOT EXISTS refresh_runs (
  run_id          INTEGER PRIMARY KEY DEFAULT nextval('refresh_run_seq'),
  started_at      TIMESTAMP NOT NULL,
  finished_at     TIMESTAMP,
  as_of           DATE,                -- the data's date: unpublished/unanswered items due after it are left out
  as_of_source    VARCHAR,             -- data (latest date found in the datasets) | option (--as-of)
  scoring_method  VARCHAR,             -- threshold | binary (pipeline/indicators/scorecard.ts)
  systems         VARCHAR,             -- JSON: [{version, years, sha256}] of the definitions used
  source_rows     BIGINT,              -- case-level rows read (for rows/s)
  metric_rows     BIGINT,
  flags_active    BIGINT,
  flags_new       BIGINT,
  flags_resolved  BIGINT,
  seconds         DOUBLE,
  status          VARCHAR NOT NULL     -- running | done | failed
);

CREATE TABLE IF NOT EXISTS indicator_systems (
  version    VARCHAR PRIMARY KEY,      -- '2019', '2021', '2023'
  label      VARCHAR NOT NULL,         -- 2019版
  year_from  INTEGER NOT NULL,
  year_to    INTEGER,                  -- NULL: open-ended (the latest version)
  bar        DOUBLE NOT NULL,          -- share of indicators a comprehensive designation must exceed (二(一): > 90%)
  sha256     VARCHAR NOT NULL,         -- of the definition file
  definition VARCHAR NOT NULL          -- the file's JSON, verbatim
);

CREATE TABLE IF NOT EXISTS indicator_thresholds (
  version                VARCHAR NOT NULL,
  metric_id              VARCHAR NOT NULL,
  indicator_no           INTEGER,      -- the seed's third-level number; NULL where the seed has none
  area                   INTEGER NOT NULL,
  name_zh                VARCHAR NOT NULL,
  unit                   VARCHAR NOT NULL,
  direction              VARCHAR NOT NULL,  -- higher | lower | equal; thresholds are inclusive
  threshold              DOUBLE,       -- NULL when taken from a national benchmark
  threshold_note         VARCHAR,
  benchmark_metric       VARCHAR,      -- national_benchmarks.metric the threshold comes from
  benchmark_year_offset  INTEGER,      -- -1: the previous year's figure
  weight                 DOUBLE NOT NULL,
  funnel                 BOOLEAN NOT NULL,  -- a rate compared across regions on a funnel plot
  source                 VARCHAR NOT NULL,  -- dataset the evidence records come from
  PRIMARY KEY (version, metric_id)
);

CREATE TABLE IF NOT EXISTS indicator_values (
  run_id          INTEGER NOT NULL,
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  metric_id       VARCHAR NOT NULL,
  indicator_no    INTEGER,
  numerator       DOUBLE,
  denominator     DOUBLE,
  value           DOUBLE,              -- rates as fractions 0..1
  threshold       DOUBLE,
  direction       VARCHAR NOT NULL,
  status          VARCHAR NOT NULL,    -- met | not_met | no_data
  provisional     BOOLEAN NOT NULL,    -- relied on working days of a year whose calendar is not published
  system_version  VARCHAR NOT NULL,
  evidence_count  BIGINT               -- source records that count against the metric
);

CREATE TABLE IF NOT EXISTS scorecard (
  run_id              INTEGER NOT NULL,
  region_code         VARCHAR NOT NULL,
  year                INTEGER NOT NULL,
  system_version      VARCHAR NOT NULL,
  metrics_met         INTEGER NOT NULL,
  metrics_assessed    INTEGER NOT NULL,  -- met + not_met (no_data is not assessed)
  metrics_no_data     INTEGER NOT NULL,
  conformance         DOUBLE,            -- met / assessed
  bar                 DOUBLE NOT NULL,
  meets_bar           BOOLEAN,           -- conformance > bar
  composite           DOUBLE,            -- 0..100, weighted mean of normalised metric scores
  scoring_method      VARCHAR NOT NULL,
  rank                INTEGER,           -- by composite within the year, 1 = best
  ranked_of           INTEGER,
  prev_composite      DOUBLE,
  composite_change    DOUBLE,
  prev_conformance    DOUBLE,
  conformance_change  DOUBLE,
  provisional         BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS funnel_limits (
  run_id       INTEGER NOT NULL,
  metric_id    VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  numerator    DOUBLE NOT NULL,
  denominator  DOUBLE NOT NULL,
  value        DOUBLE NOT NULL,
  target       DOUBLE NOT NULL,        -- pooled rate of all regions for the metric and year
  phi          DOUBLE NOT NULL,        -- overdispersion factor (10% winsorised z-scores)
  adjusted     BOOLEAN NOT NULL,       -- limits widened by phi (only when phi > 1)
  lower95      DOUBLE, upper95 DOUBLE, lower998 DOUBLE, upper998 DOUBLE,
  z            DOUBLE,                 -- (value - target) / sd, sd inflated by sqrt(phi) when adjusted
  position     VARCHAR NOT NULL,       -- within | above95 | below95 | above998 | below998
  unfavourable BOOLEAN NOT NULL        -- the side the metric's direction counts as worse
);
