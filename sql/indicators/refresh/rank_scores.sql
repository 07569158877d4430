-- @produces: per-metric scores of the ranked scorecard rows (complete years, a composite), with the metric's weight
-- and the region's metric set: the input of the composite's rank intervals (pipeline/indicators/rank-intervals.ts).
-- The score is the same as in sql/indicators/refresh/scorecard.sql (threshold or binary, as the run's method).
-- @params: $method VARCHAR
SELECT v.region_code, v.year, s.metric_set, v.metric_id, t.weight,
  metric_score(v.status, $method, v.direction, v.value, v.threshold) AS score
FROM indicator_values AS v
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
JOIN scorecard AS s ON s.run_id = v.run_id AND s.region_code = v.region_code AND s.year = v.year
WHERE v.run_id = (SELECT run_id FROM refresh_context) AND v.status <> 'no_data' AND s.rank IS NOT NULL
  AND v.year IN (SELECT year FROM refresh_years)  -- the years this run recomputes
  AND t.area <> 9  -- bonus items stay out of the composite, as in scorecard.sql
ORDER BY v.year, s.metric_set, v.region_code, v.metric_id;
