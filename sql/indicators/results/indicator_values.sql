-- @produces: the latest run's indicator values for a year (and region), in catalogue order, with Chinese names
-- @params: $year INTEGER, $region VARCHAR or NULL
SELECT v.region_code, r.region_name, v.metric_id AS indicator, v.indicator_no, t.name_zh, t.unit, v.value, v.numerator,
       v.denominator, v.threshold, v.direction, v.status, v.provisional, v.system_version, v.evidence_count
FROM indicator_values AS v
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
LEFT JOIN regions AS r ON r.region_code = v.region_code
WHERE v.year = $year AND ($region IS NULL OR v.region_code = $region)
ORDER BY v.region_code, t.area, v.indicator_no NULLS LAST, v.metric_id;
