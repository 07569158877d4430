-- @produces: how many flags match the filters of flags_list.sql (sent as the x-total-count header)
-- @params: $year INTEGER or NULL, $region VARCHAR or NULL, $status VARCHAR or NULL, $province VARCHAR or NULL,
--          $severity, $rule, $only_province, $designation, $level, $triage (none | acknowledged | dismissed |
--          escalated | reopened) VARCHAR or NULL, $batch INTEGER or NULL, $in_term BOOLEAN (true: only regions in
--          their designation term in the flag's year, the risk queue's population), $region_status VARCHAR or NULL
--          (met | not_met | not_judged: the region's verdict on the bar in the flag's year)
SELECT count(*) AS total
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
  AND ($triage IS NULL OR coalesce(triage_state(t.decision, t.evidence_hash, f.numbers, f.evidence_count), 'none') = $triage);
