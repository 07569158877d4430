-- @produces: temp table refresh_years — the years whose indicator_values, scorecard and funnel_limits this run
-- recomputes: every year of a full refresh; else the years whose digest changed (new, gone or different) and the
-- year after each, whose scorecard compares with it (prev_composite, conformance_change). Nothing else of a year
-- reads another year: funnel limits, their false-discovery control and rank intervals are per year.
-- @params: $full BOOLEAN
CREATE OR REPLACE TEMP TABLE refresh_years AS
WITH now AS (SELECT CAST(part AS INTEGER) AS year, digest FROM refresh_digests_now WHERE part <> 'inputs'),
stored AS (SELECT CAST(part AS INTEGER) AS year, digest FROM refresh_digests WHERE part <> 'inputs'),
changed AS (
  SELECT coalesce(n.year, s.year) AS year
  FROM now AS n
  FULL JOIN stored AS s ON s.year = n.year
  WHERE n.digest IS DISTINCT FROM s.digest OR CAST($full AS BOOLEAN)
)
SELECT year FROM changed
UNION
SELECT year + 1 FROM changed;
