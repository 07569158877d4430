-- @produces: the 10 newest active flags (latest first seen, most severe first) in the caller's regions
-- @params: $year INTEGER or NULL, $province VARCHAR or NULL
SELECT f.flag_id, f.rule_id, f.region_code, r.region_name, f.year, f.severity, f.numbers, f.first_seen_run
FROM flags AS f
JOIN regions AS r ON r.region_code = f.region_code
WHERE f.status = 'active' AND ($year IS NULL OR f.year = $year) AND ($province IS NULL OR r.province_code = $province)
ORDER BY f.first_seen_run DESC, CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.flag_id
LIMIT 10;
