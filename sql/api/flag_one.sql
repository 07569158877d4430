-- @produces: one flag (empty when unknown or outside the caller's province)
-- @params: $flag_id VARCHAR, $province VARCHAR or NULL
SELECT f.flag_id, f.rule_id, f.rule_version, f.region_code, r.region_name, r.province_code, f.year, f.detail_key,
       f.severity, f.numbers, f.evidence_count, f.status, f.first_seen_run, f.last_seen_run, f.resolved_run
FROM flags AS f
JOIN regions AS r ON r.region_code = f.region_code
WHERE f.flag_id = $flag_id AND ($province IS NULL OR r.province_code = $province);
