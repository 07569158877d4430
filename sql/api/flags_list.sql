-- @produces: flags in the caller's regions (no evidence; GET /api/flags/:id has it), most severe first, with their
-- triage state (acknowledged | dismissed | escalated | reopened = dismissed but its evidence changed; NULL = none)
-- @params: $year INTEGER or NULL, $region VARCHAR or NULL, $status VARCHAR or NULL (active | resolved; NULL = both),
--          $limit INTEGER, $offset INTEGER, $province VARCHAR or NULL,
--          $severity, $rule, $only_province, $designation, $level, $triage (none | acknowledged | dismissed |
--          escalated | reopened) VARCHAR or NULL, $batch INTEGER or NULL, $in_term BOOLEAN (true: only regions in
--          their designation term in the flag's year, the risk queue's population), $region_status VARCHAR or NULL
--          (met | not_met | not_judged: the region's verdict on the bar in the flag's year)
SELECT f.flag_id, f.rule_id, f.region_code, r.region_name, r.province_code, f.year, f.detail_key, f.severity,
       f.numbers, f.evidence_count, f.status, f.first_seen_run, f.last_seen_run, f.resolved_run,
       triage_state(t.decision, t.evidence_hash, f.numbers, f.evidence_count) AS triage_state
FROM flags AS f
JOIN regions AS r ON r.region_code = f.region_code
LEFT JOIN flag_triage AS t ON t.flag_id = f.flag_id
WHERE ($year IS NULL OR f.year = $year) AND ($region IS NULL OR f.region_code = $region)
  AND ($status IS NULL OR f.status = $status) AND ($province IS NULL OR r.province_code = $province)
  AND ($severity IS NULL OR f.severity = $severity) AND ($rule IS NULL OR f.rule_id = $rule)
  AND ($only_province IS NULL OR r.province_code = $only_province)
  AND ($designation IS NULL OR r.designation = $designation) AND ($batch IS NULL OR r.batch = $batch)
  AND ($level IS NULL OR r.level = $level)
  AND ($region_status IS NULL OR $region_status = coalesce((SELECT CASE WHEN s.meets_bar THEN 'met' WHEN NOT s.meets_bar THEN 'not_met' END
       FROM scorecard AS s WHERE s.region_code = f.region_code AND s.year = f.year), 'not_judged'))
  AND (NOT $in_term OR coalesce(in_designation_term(r.designation, r.batch, r.region_code, f.year), false))
  AND ($triage IS NULL OR coalesce(triage_state(t.decision, t.evidence_hash, f.numbers, f.evidence_count), 'none') = $triage)
ORDER BY CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.year DESC, f.rule_id, f.region_code, f.detail_key
LIMIT $limit OFFSET $offset;
