-- @produces: the indicator values of a year for a set of regions, per metric, with unit: what an honest demo
--            applicant writes in its self-assessment
-- @params: $year INTEGER, $regions VARCHAR (JSON array of region codes)
SELECT v.region_code, v.indicator_no, v.metric_id, t.unit, v.value, v.threshold, v.status
FROM indicator_values AS v
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
WHERE v.year = $year AND t.area <> 9 AND v.indicator_no IS NOT NULL
  AND list_contains(from_json($regions, '["VARCHAR"]'), v.region_code)
ORDER BY v.region_code, v.indicator_no, v.metric_id;
