-- @produces: per year and metric, the pooled value (sum numerator / sum denominator; median of values for
--            metrics without a denominator) over the caller's regions
-- @params: $run_id INTEGER, $province VARCHAR or NULL
SELECT v.year, v.metric_id,
       CASE WHEN sum(v.denominator) > 0 THEN sum(v.numerator) / sum(v.denominator) ELSE median(v.value) END AS value
FROM indicator_values AS v
JOIN regions AS r ON r.region_code = v.region_code
WHERE v.run_id = $run_id AND v.status <> 'no_data' AND ($province IS NULL OR r.province_code = $province)
GROUP BY ALL ORDER BY v.metric_id, v.year;
