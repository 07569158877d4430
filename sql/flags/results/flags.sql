-- @produces: flags of a year (active only unless $all), most severe first, with the region's name
-- @params: $year INTEGER or NULL, $region VARCHAR or NULL, $rule VARCHAR or NULL, $all BOOLEAN
SELECT f.flag_id, f.rule_id, f.rule_version, f.region_code, r.region_name, f.year, f.detail_key, f.severity,
       f.numbers, f.evidence_count, f.first_seen_run, f.last_seen_run, f.status, f.resolved_run
FROM flags AS f
LEFT JOIN regions AS r ON r.region_code = f.region_code
WHERE ($year IS NULL OR f.year = $year) AND ($region IS NULL OR f.region_code = $region)
  AND ($rule IS NULL OR f.rule_id = $rule) AND ($all OR f.status = 'active')
ORDER BY CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.rule_id, f.region_code, f.detail_key;
