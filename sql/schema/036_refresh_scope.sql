-- @produces: refresh_digests, and refresh_runs columns saying which years a run recomputed
-- An incremental refresh (pipeline/indicators/README.md "Incremental refresh") recomputes the year-local results
-- (indicator_values, scorecard, funnel_limits) only for the years whose inputs changed. refresh_digests holds, as of
-- the latest run, an md5 of each year's metric results ('2024', ...) and of what every year depends on ('inputs':
-- the data's date, the methods, the definitions, the regions, the national benchmarks). Written in the same
-- transaction as the results, so the digests always describe the results stored.
CREATE TABLE IF NOT EXISTS refresh_digests (
  part    VARCHAR PRIMARY KEY,   -- 'inputs' or a year
  digest  VARCHAR NOT NULL
);

ALTER TABLE refresh_runs ADD COLUMN IF NOT EXISTS mode VARCHAR;              -- full | incremental
ALTER TABLE refresh_runs ADD COLUMN IF NOT EXISTS years_recomputed VARCHAR;  -- JSON list of the years recomputed
