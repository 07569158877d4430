-- @produces: one region's flags, active and resolved, newest year first
-- @params: $code VARCHAR, $province VARCHAR or NULL
SELECT f.flag_id, f.rule_id, f.year, f.detail_key, f.severity, f.numbers, f.evidence_count, f.status,
       f.first_seen_run, f.last_seen_run, f.resolved_run
FROM flags AS f
JOIN regions AS r ON r.region_code = f.region_code
WHERE f.region_code = $code AND ($province IS NULL OR r.province_code = $province)
ORDER BY f.status, f.year DESC, CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.rule_id;
