-- @produces: risk flags on the reporting year, active in the latest refresh, most severe first, on the
--            regions in their designation term in the year (macro in_designation_term), the population of every count
-- @params: $year INTEGER
SELECT f.severity, f.rule_id, f.region_code, r.region_name, f.year, f.detail_key, f.numbers, f.evidence_count, f.flag_id
FROM flags AS f
JOIN regions AS r ON r.region_code = f.region_code
WHERE f.status = 'active' AND f.year = $year
  AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false)
ORDER BY CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.rule_id, f.region_code, f.detail_key;
