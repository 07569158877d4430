-- @produces: one region's indicator values for every year, with the metric's Chinese name
-- @params: $run_id INTEGER, $code VARCHAR, $province VARCHAR or NULL
SELECT v.metric_id, t.name_zh, v.year, v.value, v.threshold, v.status, v.provisional, v.numerator, v.denominator
FROM indicator_values AS v
JOIN regions AS r ON r.region_code = v.region_code
LEFT JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
WHERE v.run_id = $run_id AND v.region_code = $code AND ($province IS NULL OR r.province_code = $province)
ORDER BY v.metric_id, v.year;
