-- @produces: temp table refresh_digests_now — this run's digests, compared with refresh_digests (the latest run's)
-- @params: $settings VARCHAR — the run's choices and the version of the year-local steps, as text (refresh.ts)
-- @source: metric_results, regions, national_benchmarks
-- Rows are written as text with NULLs spelled out (row(...) cast to text), so no two different rows read alike.
-- A year's digest covers what the year-local steps read of metric_results (numerator, denominator, value,
-- provisional, evidence_count; the evidence lists go to flags, which are always recomputed whole). 'inputs' covers
-- what every year reads: the settings (data's date, scoring, funnel model, FDR, definitions, SQL of the steps), the
-- places that get a row in every year (apply_thresholds.sql) and the national benchmarks of the thresholds.
CREATE OR REPLACE TEMP TABLE refresh_digests_now AS
SELECT CAST(year AS VARCHAR) AS part,
  md5(string_agg(CAST(row(metric_id, region_code, numerator, denominator, value, provisional, evidence_count) AS VARCHAR),
    chr(10) ORDER BY metric_id, region_code, numerator, denominator, value, provisional, evidence_count)) AS digest
FROM metric_results
GROUP BY year
UNION ALL
SELECT 'inputs', md5(concat_ws(chr(10), $settings,
  (SELECT string_agg(region_code, ',' ORDER BY region_code)
   FROM (SELECT region_code FROM regions UNION SELECT region_code FROM metric_results)),
  (SELECT string_agg(CAST(row(metric, year, value) AS VARCHAR), ',' ORDER BY metric, year, value) FROM national_benchmarks)));
