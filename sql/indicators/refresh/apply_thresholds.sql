-- @produces: indicator_values rows of the current run, for the years it recomputes (refresh_years: all of them in a
-- full refresh)
-- @source: metric_results (sql/indicators/*.sql), indicator_systems, indicator_thresholds, national_benchmarks, regions
-- The one place where thresholds and status are applied. Every region (the regions list plus any region code the
-- data mentions) gets a row for every metric of the version governing each year up to the data's date: a metric
-- without a result is no_data, never 0% or 100%. Thresholds are inclusive; a threshold taken from a national
-- benchmark (the loss rate: the previous year's national figure) is no_data when the benchmark is missing, while
-- the value is still shown. The small tolerance keeps 0.8 met at exactly 80% after a division. A value of a year not
-- yet complete (refresh_context.complete_through) is provisional.
INSERT INTO indicator_values
WITH years AS (
  SELECT DISTINCT r.year FROM metric_results AS r, refresh_context AS c
  WHERE r.year <= year(c.as_of) AND r.year IN (SELECT year FROM refresh_years)
),
places AS (
  SELECT region_code FROM regions UNION SELECT region_code FROM metric_results
),
grid AS (
  SELECT p.region_code, y.year, t.*
  FROM places AS p
  CROSS JOIN years AS y
  JOIN indicator_systems AS s ON y.year BETWEEN s.year_from AND coalesce(s.year_to, 9999)
  JOIN indicator_thresholds AS t ON t.version = s.version
)
SELECT
  c.run_id,
  g.region_code,
  g.year,
  g.metric_id,
  g.indicator_no,
  r.numerator,
  r.denominator,
  r.value,
  coalesce(g.threshold, b.value) AS threshold,
  g.direction,
  CASE
    WHEN r.value IS NULL OR coalesce(g.threshold, b.value) IS NULL THEN 'no_data'
    WHEN g.direction = 'higher' AND r.value >= coalesce(g.threshold, b.value) - 1e-9 THEN 'met'
    WHEN g.direction = 'lower' AND r.value <= coalesce(g.threshold, b.value) + 1e-9 THEN 'met'
    WHEN g.direction = 'equal' AND abs(r.value - coalesce(g.threshold, b.value)) <= 1e-9 THEN 'met'
    ELSE 'not_met'
  END AS status,
  coalesce(r.provisional, false) OR g.year > c.complete_through AS provisional,
  g.version AS system_version,
  coalesce(r.evidence_count, 0) AS evidence_count
FROM grid AS g
LEFT JOIN metric_results AS r ON r.metric_id = g.metric_id AND r.region_code = g.region_code AND r.year = g.year
LEFT JOIN national_benchmarks AS b ON b.metric = g.benchmark_metric AND b.year = g.year + g.benchmark_year_offset
CROSS JOIN refresh_context AS c;
