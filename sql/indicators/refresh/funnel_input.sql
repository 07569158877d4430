-- @produces: the rates a funnel plot compares: one row per region, year and funnel metric with a denominator
-- @source: indicator_values, indicator_thresholds (funnel = true)
SELECT v.metric_id, v.year, v.region_code, v.numerator, v.denominator, v.direction
FROM indicator_values AS v
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
WHERE v.run_id = (SELECT run_id FROM refresh_context) AND t.funnel AND v.denominator > 0 AND v.numerator IS NOT NULL
  AND v.year IN (SELECT year FROM refresh_years)  -- the years this run recomputes
ORDER BY v.metric_id, v.year, v.region_code;
